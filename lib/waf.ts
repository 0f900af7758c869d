// AWS WAF in front of the distribution (docs/deploy.md "AWS WAF"): AWS's managed common
// rules and a rate-based rule per client IP. A web ACL for CloudFront must be created in
// us-east-1, so it is a stack of its own there, `Ragtime-<stage>-waf`; the main stack
// reads its ARN with a weak cross-region reference (Fn::GetStackOutput, no custom
// resource), and `cdk deploy --all` deploys it first.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront's web ACLs live in us-east-1 whatever the stack's region. */
export const cloudFrontWafRegion = 'us-east-1';

export const rateRuleName = 'RateLimitPerIp';
export const commonRulesName = 'AWSManagedRulesCommonRuleSet';

/**
 * Rules of the common rule set that only count (CloudWatch metrics and sampled requests)
 * instead of blocking, and why. SizeRestrictions_BODY blocks any body over 8 KB, but a
 * results CSV or a plan workbook may be 256 KB and a result's commentary (4,000
 * characters of UTF-8) up to 16 KB: the API refuses oversize bodies itself (413).
 */
export const countedCommonRules: Readonly<Record<string, string>> = {
  SizeRestrictions_BODY: 'uploads (CSV, XLSX) and commentary are larger than 8 KB; the API limits bodies itself (413)',
};

export interface RagtimeWafStackProps extends StackProps {
  stage: string;
  /** Requests one IP may make per window before it is blocked. */
  rateLimit: number;
  /** The rate window in seconds (60, 120, 300 or 600). */
  rateWindowSeconds: number;
}

export class RagtimeWafStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: RagtimeWafStackProps) {
    super(scope, id, props);
    const metricPrefix = `ragtime-${props.stage}`;
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${metricPrefix}-${name}`,
      sampledRequestsEnabled: true,
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${metricPrefix}-cloudfront`,
      description: 'Ragtime: AWS managed common rules and a per-IP rate limit in front of the web app and API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      // A blocked client gets 429 (Too Many Requests) from the rate rule, the HTTP meaning of it.
      customResponseBodies: {
        TooManyRequests: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            type: 'about:blank',
            title: 'Too many requests from this address',
            status: 429,
            detail: 'Wait a few minutes and try again.',
          }),
        },
      },
      rules: [
        {
          // First: a flood is refused before any other rule spends time on it.
          name: rateRuleName,
          priority: 0,
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'TooManyRequests',
                responseHeaders: [{ name: 'retry-after', value: String(props.rateWindowSeconds) }],
              },
            },
          },
          statement: {
            rateBasedStatement: {
              limit: props.rateLimit,
              evaluationWindowSec: props.rateWindowSeconds,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility(rateRuleName),
        },
        {
          name: commonRulesName,
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: commonRulesName,
              ruleActionOverrides: Object.keys(countedCommonRules).map((name) => ({
                name,
                actionToUse: { count: {} },
              })),
            },
          },
          visibilityConfig: visibility(commonRulesName),
        },
      ],
    });

    new CfnOutput(this, 'WebAclArn', {
      value: this.webAcl.attrArn,
      description: "The web ACL on Ragtime's CloudFront distribution",
    });
  }
}

/** `Ragtime-<stage>-waf`. */
export function wafStackName(stage: string): string {
  return `Ragtime-${stage}-waf`;
}
