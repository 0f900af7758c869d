// The CDK app: settings from context, the one stack, and cdk-nag's AwsSolutions checks
// run as a CDK validation plugin at synth (cdk-nag 3). bin/ragtime.ts calls this; the
// tests call it too, so they check exactly what `cdk synth` builds.
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RagtimeStack, stackName } from './ragtime-stack';
import { parseSettings, type RagtimeSettings } from './settings';
import { cloudFrontWafRegion, RagtimeWafStack, wafStackName } from './waf';

export interface RagtimeApp {
  app: App;
  stack: RagtimeStack;
  /** The web ACL of the distribution: CloudFront's must be in us-east-1 (lib/waf.ts). */
  wafStack: RagtimeWafStack;
  settings: RagtimeSettings;
}

export function createRagtimeApp(props: AppProps = {}): RagtimeApp {
  const app = new App(props);
  // Throws naming a missing or malformed setting before anything is built.
  const settings = parseSettings((key) => app.node.tryGetContext(key));
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const wafStack = new RagtimeWafStack(app, wafStackName(settings.stage), {
    stage: settings.stage,
    rateLimit: settings.wafRateLimit,
    rateWindowSeconds: settings.wafRateWindowSeconds,
    description: `Ragtime (${settings.stage}): AWS WAF web ACL of the CloudFront distribution (us-east-1)`,
    env: { account, region: cloudFrontWafRegion },
    crossRegionReferences: true,
  });
  const stack = new RagtimeStack(app, stackName(settings), {
    settings,
    webAclArn: wafStack.webAcl.attrArn,
    description: `Ragtime (${settings.stage}): improvement-plan performance cycle`,
    // The region is a setting (default eu-west-2), never the deployer's shell: UK data residency.
    env: { account, region: settings.region },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, wafStack, settings };
}
