import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface EdgeStackProps extends StackProps {
  readonly envName: string;
  /** Requests per IP per 5 minutes before WAF blocks (all paths). */
  readonly rateLimitPer5Min?: number;
  /** Stricter per-IP limit for /api/ paths. */
  readonly apiRateLimitPer5Min?: number;
}

function managedRule(name: string, priority: number): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    visibilityConfig: {
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: name,
    },
  };
}

/**
 * WAF for the CloudFront distribution. A CLOUDFRONT-scoped web ACL can only be created in
 * us-east-1, so it lives in its own stack; the main stack reads its ARN through a CDK
 * cross-region reference.
 */
export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);

    const rateRule = (
      name: string,
      priority: number,
      limit: number,
      scopeDown?: CfnWebACL.StatementProperty,
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: { block: {} },
      statement: {
        rateBasedStatement: { limit, aggregateKeyType: 'IP', scopeDownStatement: scopeDown },
      },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        sampledRequestsEnabled: true,
        metricName: name,
      },
    });

    const acl = new CfnWebACL(this, 'WebAcl', {
      name: `karguzar-${props.envName}-web`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        sampledRequestsEnabled: true,
        metricName: `karguzar-${props.envName}-web`,
      },
      rules: [
        rateRule('RateLimitPerIp', 0, props.rateLimitPer5Min ?? 3000),
        rateRule('ApiRateLimitPerIp', 1, props.apiRateLimitPer5Min ?? 1000, {
          byteMatchStatement: {
            fieldToMatch: { uriPath: {} },
            positionalConstraint: 'STARTS_WITH',
            searchString: '/api/',
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        }),
        managedRule('AWSManagedRulesAmazonIpReputationList', 2),
        managedRule('AWSManagedRulesCommonRuleSet', 3),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 4),
        managedRule('AWSManagedRulesSQLiRuleSet', 5),
      ],
    });
    this.webAclArn = acl.attrArn;

    // WAF logs: the log group name must start with aws-waf-logs-. Tokens are redacted.
    const wafLogs = new LogGroup(this, 'WafLogs', {
      logGroupName: `aws-waf-logs-karguzar-${props.envName}`,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: acl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: wafLogs.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
  }
}
