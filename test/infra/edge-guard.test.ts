import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/platform/http/limits';
import { ORIGIN_HEADER } from '../../functions/platform/http/origin-guard';
import { Api } from '../../infra/aws/constructs/api';
import { Edge } from '../../infra/aws/constructs/edge';
import { EdgeStack, largerThanPattern } from '../../infra/aws/edge-stack';
import { logicalId, onBareStack, statementsOf } from './bare-stack';
import { synth, type Synthesized } from './synth';

/**
 * Issue 18, findings 1 and 2: no way around CloudFront and its WAF (origin secret header, no
 * advertised execute-api endpoint, the endpoint disabled behind a custom domain), the agencies'
 * shared quota reaches every route group, and WAF rules that fit real work.
 */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});

type Resource = { Properties: Record<string, unknown> };
const routeGroupFunctions = () =>
  Object.entries(s.main.functions).filter(([id]) => id.startsWith('Api') && id.endsWith('Fn'));

describe('the way around CloudFront is closed', () => {
  it('no longer outputs the execute-api endpoint', () => {
    const outputs = s.mainTemplate.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).not.toContain('ApiEndpoint');
    expect(JSON.stringify(outputs)).not.toContain('execute-api');
  });

  it('keeps the origin secret under a fixed logical id, generated, never in the template', () => {
    s.mainTemplate.hasResource('AWS::SecretsManager::Secret', {
      Properties: Match.objectLike({
        GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
      }),
    });
    const secrets = s.mainTemplate.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toContain('OriginSecret');
    expect((secrets.OriginSecret as Resource).Properties.SecretString).toBeUndefined();
  });

  it('has CloudFront send the origin header on /api/* as a dynamic reference to the secret', () => {
    const [distribution] = Object.values(
      s.mainTemplate.findResources('AWS::CloudFront::Distribution'),
    ) as Resource[];
    const origins = (
      distribution?.Properties.DistributionConfig as { Origins: Array<Record<string, unknown>> }
    ).Origins;
    const api = origins.find((o) => o.CustomOriginConfig !== undefined);
    const headers = api?.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>;
    expect(headers.map((h) => h.HeaderName)).toEqual([ORIGIN_HEADER]);
    const value = JSON.stringify(headers[0]?.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain('"Ref":"OriginSecret"');
    // Only the API origin: the web bucket never sees the secret.
    const web = origins.find((o) => o.S3OriginConfig !== undefined);
    expect(web?.OriginCustomHeaders).toBeUndefined();
  });

  it('gives every route group the secret to check (its ARN and read access), and those with signed-in users the tenant quota', () => {
    const groups = routeGroupFunctions();
    expect(groups.length).toBeGreaterThan(5);
    for (const [id, pf] of groups) {
      const fn = s.mainTemplate.findResources('AWS::Lambda::Function')[logicalId(pf.fn)] as Resource;
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.ORIGIN_SECRET_ARN, id).toEqual({ Ref: 'OriginSecret' });
      // Health and configuration (public) and onboarding (operator, invitation): no agency's users.
      const quota = !['ApiSystemFn', 'ApiOnboardingFn'].includes(id);
      expect(env.TENANT_RATE_PER_MINUTE, id).toBe(quota ? '6000' : undefined);
      const statements = statementsOf(s.mainTemplate, logicalId(pf.fn.role!.node.defaultChild as never));
      expect(
        statements.some(
          (st) =>
            [st.Action].flat().includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(st.Resource) === JSON.stringify({ Ref: 'OriginSecret' }),
        ),
        id,
      ).toBe(true);
    }
  });

  it('gives the secret to no task or stream function', () => {
    for (const [id, pf] of Object.entries(s.main.functions)) {
      if (id.startsWith('Api')) continue;
      const fn = s.mainTemplate.findResources('AWS::Lambda::Function')[logicalId(pf.fn)] as Resource;
      const env = (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables;
      expect(env?.ORIGIN_SECRET_ARN, id).toBeUndefined();
    }
  });
});

describe('behind a custom API domain', () => {
  const b = onBareStack((stack) => {
    const api = new Api(stack, {
      prefix: 'karguzar-test',
      alarmAction: new SnsAction(new Topic(stack, 'Alarms')),
      apiDomain: {
        name: 'api.edms.example.az',
        certificateArn: 'arn:aws:acm:eu-central-1:111111111111:certificate/abc',
      },
    });
    const edge = new Edge(stack, {
      envName: 'test',
      httpApi: api.httpApi,
      apiDomainName: api.domainName,
      originSecretVersionId: 'version-2',
      logBucket: new Bucket(stack, 'Logs'),
      webAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/karguzar-test-web/abc',
    });
    return { api, edge };
  });

  it('disables the execute-api endpoint and maps the domain to the stage', () => {
    b.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    b.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.edms.example.az',
      DomainNameConfigurations: [
        Match.objectLike({ CertificateArn: 'arn:aws:acm:eu-central-1:111111111111:certificate/abc' }),
      ],
    });
    b.template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiId: { Ref: logicalId(b.api.httpApi) },
      Stage: '$default',
    });
  });

  it('makes CloudFront use the custom domain, with the pinned secret version', () => {
    b.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: 'api.edms.example.az',
            OriginCustomHeaders: [
              {
                HeaderName: ORIGIN_HEADER,
                HeaderValue: {
                  'Fn::Join': [
                    '',
                    ['{{resolve:secretsmanager:', { Ref: 'OriginSecret' }, ':SecretString:::version-2}}'],
                  ],
                },
              },
            ],
          }),
        ]),
      }),
    });
  });

  it('keeps the execute-api endpoint where no domain is given (the origin header guards it)', () => {
    expect(s.mainTemplate.findResources('AWS::ApiGatewayV2::DomainName')).toEqual({});
    s.mainTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      DisableExecuteApiEndpoint: Match.absent(),
    });
  });
});

describe('WAF rules that fit real work (Edge stack)', () => {
  const edge = Template.fromStack(
    new EdgeStack(new App({ builtinCloudFormationValidation: false }), 'Edge', {
      envName: 'test',
      env: { account: '111111111111', region: 'us-east-1' },
      apiTokenRateLimitPer5Min: 4500,
    }),
  );
  const rules = () => {
    const [acl] = Object.values(edge.findResources('AWS::WAFv2::WebACL')) as Resource[];
    return acl?.Properties.Rules as Array<Record<string, unknown> & { Name: string }>;
  };
  const rule = (name: string) => rules().find((r) => r.Name === name);
  const apiPath = {
    ByteMatchStatement: Match.objectLike({ SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' }),
  };
  const hasAuthorization = {
    SizeConstraintStatement: Match.objectLike({
      FieldToMatch: { SingleHeader: { Name: 'authorization' } },
      ComparisonOperator: 'GT',
      Size: 0,
    }),
  };

  it('only counts the Common rule set’s 8 KB body rule', () => {
    expect(rule('AWSManagedRulesCommonRuleSet')).toMatchObject({
      OverrideAction: { None: {} },
      Statement: {
        ManagedRuleGroupStatement: {
          Name: 'AWSManagedRulesCommonRuleSet',
          RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
        },
      },
    });
  });

  it('refuses API bodies above the API’s own limit with 413', () => {
    expect(rule('ApiBodyTooLarge')).toMatchObject({
      Action: {
        Block: { CustomResponse: { ResponseCode: 413, CustomResponseBodyKey: 'payload-too-large' } },
      },
      Statement: {
        AndStatement: {
          Statements: [
            { ByteMatchStatement: expect.objectContaining({ SearchString: '/api/' }) },
            {
              RegexMatchStatement: expect.objectContaining({
                FieldToMatch: { SingleHeader: { Name: 'content-length' } },
                RegexString: largerThanPattern(MAX_BODY_BYTES),
              }),
            },
          ],
        },
      },
    });
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      CustomResponseBodies: { 'payload-too-large': Match.objectLike({ ContentType: 'APPLICATION_JSON' }) },
    });
  });

  it('matches exactly the lengths above the limit, leading zeros included', () => {
    const pattern = new RegExp(largerThanPattern(MAX_BODY_BYTES));
    const above = [
      MAX_BODY_BYTES + 1,
      MAX_BODY_BYTES + 10,
      1_049_000,
      1_100_000,
      2_000_000,
      9_999_999,
      10_000_000,
    ];
    const within = [0, 1, 8192, 20_000 * 4, MAX_BODY_BYTES - 1, MAX_BODY_BYTES, 1_048_570, 999_999];
    for (const n of above) expect(pattern.test(String(n)), String(n)).toBe(true);
    for (const n of within) expect(pattern.test(String(n)), String(n)).toBe(false);
    expect(pattern.test(`00${MAX_BODY_BYTES + 1}`)).toBe(true);
    expect(pattern.test(`00${MAX_BODY_BYTES}`)).toBe(false);
    expect(pattern.test('abc')).toBe(false);
    // Every limit, not only this one: compare with the numbers around a few others.
    for (const max of [9, 10, 99, 1000, 65_535, 1_048_576, 5_242_880]) {
      const p = new RegExp(largerThanPattern(max));
      for (const n of [0, max - 1, max, max + 1, max * 2, max * 10])
        if (n >= 0) expect(p.test(String(n)), `${n} vs ${max}`).toBe(n > max);
    }
  });

  it('limits unauthenticated API calls (and the public paths) per address', () => {
    expect(rule('ApiRateLimitPerIp')).toMatchObject({
      Action: { Block: {} },
      Statement: {
        RateBasedStatement: {
          AggregateKeyType: 'IP',
          Limit: 1000,
          ScopeDownStatement: {
            AndStatement: {
              Statements: [
                { ByteMatchStatement: expect.objectContaining({ SearchString: '/api/' }) },
                {
                  OrStatement: {
                    Statements: [
                      {
                        NotStatement: {
                          Statement: expect.objectContaining({ SizeConstraintStatement: expect.anything() }),
                        },
                      },
                      { ByteMatchStatement: expect.objectContaining({ SearchString: '/api/public/' }) },
                    ],
                  },
                },
                {
                  NotStatement: {
                    Statement: {
                      AndStatement: {
                        Statements: [
                          { ByteMatchStatement: expect.objectContaining({ SearchString: '/api/public/' }) },
                          {
                            SizeConstraintStatement: expect.objectContaining({
                              FieldToMatch: { SingleHeader: { Name: 'x-api-key' } },
                            }),
                          },
                        ],
                      },
                    },
                  },
                },
              ],
            },
          },
        },
      },
    });
  });

  it('counts an integrator’s public API calls per key, not per address', () => {
    expect(rule('PublicApiRateLimitPerKey')).toMatchObject({
      Action: { Block: {} },
      Statement: {
        RateBasedStatement: {
          AggregateKeyType: 'CUSTOM_KEYS',
          CustomKeys: [
            { Header: { Name: 'x-api-key', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
          ],
          Limit: 300_000,
          ScopeDownStatement: {
            AndStatement: {
              Statements: [
                { ByteMatchStatement: expect.objectContaining({ SearchString: '/api/public/' }) },
                {
                  SizeConstraintStatement: expect.objectContaining({
                    FieldToMatch: { SingleHeader: { Name: 'x-api-key' } },
                  }),
                },
              ],
            },
          },
        },
      },
    });
  });

  it('limits authenticated API calls per token, not per address', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'ApiRateLimitPerToken',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: {
              AggregateKeyType: 'CUSTOM_KEYS',
              CustomKeys: [
                { Header: { Name: 'authorization', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
              ],
              Limit: 4500,
              ScopeDownStatement: {
                AndStatement: {
                  Statements: [
                    apiPath,
                    hasAuthorization,
                    {
                      NotStatement: {
                        Statement: { ByteMatchStatement: Match.objectLike({ SearchString: '/api/public/' }) },
                      },
                    },
                  ],
                },
              },
            },
          },
        }),
      ]),
    });
  });

  it('keeps a per-address ceiling on everything high enough for an agency behind one NAT address', () => {
    const ceiling = rule('RateLimitPerIp') as unknown as {
      Statement: { RateBasedStatement: Record<string, unknown> };
    };
    expect(ceiling.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP' });
    expect(ceiling.Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    // 100 requests per second from one address before WAF steps in (was 3,000 per 5 minutes).
    expect(ceiling.Statement.RateBasedStatement.Limit).toBe(30_000);
  });

  it('gives every rule its own priority and metric', () => {
    const all = rules() as Array<{
      Name: string;
      Priority: number;
      VisibilityConfig: { MetricName: string };
    }>;
    expect(new Set(all.map((r) => r.Priority)).size).toBe(all.length);
    expect(all.map((r) => r.VisibilityConfig.MetricName)).toEqual(all.map((r) => r.Name));
  });
});
