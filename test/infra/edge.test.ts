import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { Edge } from '../../infra/aws/constructs/edge';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { EdgeStack } from '../../infra/aws/edge-stack';
import { bareStack, environmentOf, logicalId, stubEntry } from './bare-stack';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/karguzar-test-web/abc';

let edge: Edge;
let httpApi: HttpApi;
let logBucket: Bucket;
let fn: ProjectFunction;
let template: Template;
beforeAll(() => {
  const stack = bareStack();
  httpApi = new HttpApi(stack, 'Api');
  logBucket = new Bucket(stack, 'Logs');
  edge = new Edge(stack, {
    envName: 'test',
    httpApi,
    logBucket,
    webAclArn: WEB_ACL_ARN,
    extraWebOrigins: ['https://edms.example.az'],
  });
  fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  edge.bindOrigin(fn);
  template = Template.fromStack(stack);
});

describe('WAF (Edge stack)', () => {
  it('defines a CLOUDFRONT web ACL with a rate-based rule and AWS managed rule sets', () => {
    const stack = new EdgeStack(new App({ builtinCloudFormationValidation: false }), 'Edge', {
      envName: 'test',
      env: { account: '111111111111', region: 'us-east-1' },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: Match.anyValue() }),
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
          },
        }),
      ]),
    });
  });
});

describe('distribution', () => {
  it('routes /api/* to the HTTP API and serves the web bucket through origin access control', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: Match.arrayWith(['PUT', 'PATCH', 'POST', 'DELETE']),
          }),
        ],
        Origins: [
          Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: Match.anyValue() }),
          Match.objectLike({
            DomainName: Match.objectLike({
              'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: logicalId(httpApi) }])]),
            }),
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
          }),
        ],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
        WebACLId: WEB_ACL_ARN,
      }),
    });
  });

  it('rewrites directory paths of the static export and leaves API error bodies alone', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CustomErrorResponses: Match.absent(),
      }),
    });
  });

  it('caches nothing of the API and forwards Authorization', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
        }),
      }),
    });
  });
});

describe('web bucket', () => {
  it('is encrypted, private, versioned and logs to the log bucket', () => {
    const props = template.findResources('AWS::S3::Bucket')[logicalId(edge.webBucket)]!.Properties;
    expect(props).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [expect.anything()] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: expect.objectContaining({ DestinationBucketName: { Ref: logicalId(logBucket) } }),
    });
  });
});

describe('web origins', () => {
  const domain = (): object => ({ 'Fn::GetAtt': [logicalId(edge.distribution), 'DomainName'] });

  it('lists the distribution first, then the extra origins', () => {
    const stack = edge.distribution.stack;
    expect(stack.resolve(edge.webOrigins)).toEqual([
      { 'Fn::Join': ['', ['https://', domain()]] },
      'https://edms.example.az',
    ]);
  });

  it('bindOrigin sets WEB_ORIGIN to the distribution', () => {
    const vars = environmentOf(template, fn);
    expect(vars.WEB_ORIGIN).toEqual({ 'Fn::Join': ['', ['https://', domain()]] });
  });
});
