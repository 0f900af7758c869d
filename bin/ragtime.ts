#!/usr/bin/env node
// CDK app entry (cdk.json: `npx tsx bin/ragtime.ts`). Settings come from context, e.g.
//   npx cdk deploy -c senderEmail=performance@example.gov.uk -c emtRecipients=emt@example.gov.uk
// docs/deploy.md lists every setting. lib/app.ts builds the stack and adds cdk-nag's
// AwsSolutions checks (Validations.of(app).addPlugins); the App synthesises itself
// when the CLI runs it.
import { createRagtimeApp } from '../lib/app';
import { SettingsError } from '../lib/settings';

try {
  createRagtimeApp();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  // A missing or malformed setting: say which, without a stack trace.
  console.error(error.message);
  process.exit(1);
}
