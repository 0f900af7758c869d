// The CDK app: settings from context, the one stack, and cdk-nag's AwsSolutions checks
// run as a CDK validation plugin at synth (cdk-nag 3). bin/ragtime.ts calls this; the
// tests call it too, so they check exactly what `cdk synth` builds.
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RagtimeStack, stackName } from './ragtime-stack';
import { parseSettings, type RagtimeSettings } from './settings';

export interface RagtimeApp {
  app: App;
  stack: RagtimeStack;
  settings: RagtimeSettings;
}

export function createRagtimeApp(props: AppProps = {}): RagtimeApp {
  const app = new App(props);
  // Throws naming a missing or malformed setting before anything is built.
  const settings = parseSettings((key) => app.node.tryGetContext(key));
  const stack = new RagtimeStack(app, stackName(settings), {
    settings,
    description: `Ragtime (${settings.stage}): improvement-plan performance cycle`,
    // The region is a setting (default eu-west-2), never the deployer's shell: UK data residency.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: settings.region },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, settings };
}
