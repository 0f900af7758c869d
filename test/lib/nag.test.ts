// cdk-nag 3 runs as a CDK validation plugin (Validations.of(app).addPlugins, wired in
// lib/app.ts): at synth, an error-level finding fails synthesis and every finding is
// written to the cloud assembly's validation report. Acknowledgements live on the
// constructs (Validations.of(x).acknowledge) with their reasons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp } from './helpers';

interface ValidationReport {
  pluginReports: { summary?: { pluginName: string }; pluginName?: string; violations: { ruleName: string }[] }[];
}

describe('cdk-nag AwsSolutions', () => {
  it('synthesises with the checks and leaves no finding, error or warning, unacknowledged', () => {
    // (CDK's built-in CloudFormation schema validation stays off here: it costs ~12 s of
    // CPU; `npx cdk synth` runs it.)
    const built = buildApp();
    try {
      // Error-level findings would throw here (CDK's validation runs the plugin at synth).
      expect(() => built.app.synth()).not.toThrow();
      const report = JSON.parse(readFileSync(join(built.outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
      const violations = report.pluginReports.flatMap((r) => r.violations.map((v) => v.ruleName));
      expect(violations).toEqual([]);
      // Warnings do not fail synth, so ask the pack directly for everything it finds.
      expect(new AwsSolutionsChecks(built.app).validateScope(built.app).violations).toEqual([]);
      const annotations = Annotations.fromStack(built.stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    } finally {
      built.cleanup();
    }
  });

  it('stays clean with every optional setting on', () => {
    const built = buildApp({
      senderDomain: 'example.gov.uk',
      alarmEmail: 'ops@example.gov.uk',
      allowedOrigins: 'https://ragtime.example.gov.uk',
      directorateContacts: { People: { contacts: ['p@example.gov.uk'], heads: [] } },
    });
    try {
      expect(new AwsSolutionsChecks(built.app).validateScope(built.app).violations).toEqual([]);
    } finally {
      built.cleanup();
    }
  });

  it('is really wired into synth: an unacknowledged finding fails it, naming the rule', () => {
    const built = buildApp();
    try {
      new sqs.Queue(built.stack, 'Careless', { encryption: sqs.QueueEncryption.UNENCRYPTED });
      expect(() => built.app.synth()).toThrow(/AwsSolutions-SQS4/);
    } finally {
      built.cleanup();
    }
  });
});
