import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { MAX_BODY_BYTES } from '../../functions/platform/http/limits';

export interface EdgeStackProps extends StackProps {
  readonly envName: string;
  /**
   * Flood ceiling: requests per address per 5 minutes, all paths and callers. High, because an
   * agency's staff may all come from one NAT address. @default 30000 (100 per second)
   */
  readonly rateLimitPer5Min?: number;
  /** Unauthenticated API requests (no Authorization header, or the public paths) per address. @default 1000 */
  readonly apiRateLimitPer5Min?: number;
  /** Authenticated API requests per token (Authorization header value). @default 3000 (10 per second) */
  readonly apiTokenRateLimitPer5Min?: number;
  /**
   * Public API requests per integrator key (X-Api-Key value): the edge's ceiling; each key's own
   * limit, set by its agency, is the API's. @default 300000 (1,000 per second)
   */
  readonly apiKeyRateLimitPer5Min?: number;
}

/**
 * API paths open to anyone whatever they send (the public e-services API): counted per address
 * even with an Authorization header: the e-services catalogue (`/api/public/v1/agencies/…`).
 */
export const PUBLIC_API_PREFIX = '/api/public/';

function managedRule(
  name: string,
  priority: number,
  ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[],
): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
    visibilityConfig: visibility(name),
  };
}

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

const NONE: CfnWebACL.TextTransformationProperty[] = [{ priority: 0, type: 'NONE' }];

const pathStartsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    textTransformations: NONE,
  },
});

/** The request carries an Authorization header (a missing header never matches a size constraint). */
const hasAuthorization: CfnWebACL.StatementProperty = {
  sizeConstraintStatement: {
    fieldToMatch: { singleHeader: { Name: 'authorization' } },
    comparisonOperator: 'GT',
    size: 0,
    textTransformations: NONE,
  },
};

const not = (statement: CfnWebACL.StatementProperty): CfnWebACL.StatementProperty => ({
  notStatement: { statement },
});

/** The request carries an integrator's key (X-Api-Key), which the API checks. */
const hasApiKey: CfnWebACL.StatementProperty = {
  sizeConstraintStatement: {
    fieldToMatch: { singleHeader: { Name: 'x-api-key' } },
    comparisonOperator: 'GT',
    size: 0,
    textTransformations: NONE,
  },
};

/**
 * A Content-Length above `max` bytes, as a regular expression over the decimal header value: any
 * number with more digits than `max`, or as many digits and greater, leading zeros allowed. (WAF sees at most the first
 * 64 KB of a body, so the declared length is what can be compared with a 1 MB limit.)
 */
export function largerThanPattern(max: number): string {
  const digits = String(max);
  const alternatives = [`[1-9][0-9]{${digits.length},}`];
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 9) continue;
    const rest = digits.length - i - 1;
    alternatives.push(`${digits.slice(0, i)}[${d + 1}-9]${rest > 0 ? `[0-9]{${rest}}` : ''}`);
  }
  return `^0*(?:${alternatives.join('|')})$`;
}

/** The problem+json-shaped answer of the body-size rule (WAF cannot localize: English). */
const TOO_LARGE_BODY = 'payload-too-large';

/**
 * WAF for the CloudFront distribution. A CLOUDFRONT-scoped web ACL can only be created in
 * us-east-1, so it lives in its own stack; the main stack reads its ARN through a CDK
 * cross-region reference.
 *
 * Rates: a high per-address flood ceiling on everything; unauthenticated API calls per address;
 * authenticated ones per token, so that a ministry behind one NAT address is not one caller; an
 * integrator's public API calls per key (X-Api-Key), whose own limit the API keeps.
 * Sizes: the Common rule set's 8 KB body rule only counts (an outgoing document's text is up to
 * 20,000 characters); bodies above the API's own limit are refused here with 413.
 */
export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);

    const rateRule = (
      name: string,
      priority: number,
      limit: number,
      scopeDownStatement?: CfnWebACL.StatementProperty,
      customKeys?: CfnWebACL.RateBasedStatementCustomKeyProperty[],
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: { block: {} },
      statement: {
        rateBasedStatement: {
          limit,
          aggregateKeyType: customKeys ? 'CUSTOM_KEYS' : 'IP',
          customKeys,
          scopeDownStatement,
        },
      },
      visibilityConfig: visibility(name),
    });
    const api = pathStartsWith('/api/');
    const publicApi = pathStartsWith(PUBLIC_API_PREFIX);

    const acl = new CfnWebACL(this, 'WebAcl', {
      name: `karguzar-${props.envName}-web`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`karguzar-${props.envName}-web`),
      customResponseBodies: {
        [TOO_LARGE_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            type: 'https://karguzar.az/problems/payload-too-large',
            title: 'The request is too large',
            status: 413,
            code: 'payload_too_large',
          }),
        },
      },
      rules: [
        rateRule('RateLimitPerIp', 0, props.rateLimitPer5Min ?? 30_000),
        // An integrator's key on the public API is counted per key below, not per address: a made-up
        // key gets the API's 401, which counts against the address (failed attempts).
        rateRule('ApiRateLimitPerIp', 1, props.apiRateLimitPer5Min ?? 1000, {
          andStatement: {
            statements: [
              api,
              { orStatement: { statements: [not(hasAuthorization), publicApi] } },
              not({ andStatement: { statements: [publicApi, hasApiKey] } }),
            ],
          },
        }),
        rateRule(
          'ApiRateLimitPerToken',
          2,
          props.apiTokenRateLimitPer5Min ?? 3000,
          { andStatement: { statements: [api, hasAuthorization, not(publicApi)] } },
          [{ header: { name: 'authorization', textTransformations: NONE } }],
        ),
        {
          name: 'ApiBodyTooLarge',
          priority: 3,
          action: {
            block: { customResponse: { responseCode: 413, customResponseBodyKey: TOO_LARGE_BODY } },
          },
          statement: {
            andStatement: {
              statements: [
                api,
                {
                  regexMatchStatement: {
                    fieldToMatch: { singleHeader: { Name: 'content-length' } },
                    regexString: largerThanPattern(MAX_BODY_BYTES),
                    textTransformations: NONE,
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('ApiBodyTooLarge'),
        },
        managedRule('AWSManagedRulesAmazonIpReputationList', 4),
        // Its SizeRestrictions_BODY blocks bodies over 8 KB: counted only, ApiBodyTooLarge decides.
        managedRule('AWSManagedRulesCommonRuleSet', 5, [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 6),
        managedRule('AWSManagedRulesSQLiRuleSet', 7),
        rateRule(
          'PublicApiRateLimitPerKey',
          8,
          props.apiKeyRateLimitPer5Min ?? 300_000,
          { andStatement: { statements: [publicApi, hasApiKey] } },
          [{ header: { name: 'x-api-key', textTransformations: NONE } }],
        ),
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
