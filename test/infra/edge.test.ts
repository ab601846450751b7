import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { Edge } from '../../infra/aws/constructs/edge';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { EdgeStack } from '../../infra/aws/edge-stack';
import { environmentOf, logicalId, onBareStack, stubEntry } from './bare-stack';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/karguzar-test-web/abc';

const s = onBareStack((stack) => {
  const httpApi = new HttpApi(stack, 'Api');
  const logBucket = new Bucket(stack, 'Logs');
  const edge = new Edge(stack, {
    envName: 'test',
    httpApi,
    logBucket,
    webAclArn: WEB_ACL_ARN,
    extraWebOrigins: ['https://edms.example.az'],
  });
  const fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  edge.bindOrigin(fn);
  return { edge, httpApi, logBucket, fn };
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
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
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
              'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: logicalId(s.httpApi) }])]),
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
    s.template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CustomErrorResponses: Match.absent(),
      }),
    });
  });

  it('compresses the web export and the API with gzip and brotli (what the local gateway imitates)', () => {
    // The managed CachingOptimized policy enables both codings in its key; the API's policy is ours.
    const cachingOptimized = '658327ea-f89d-4fab-a63d-7e88639e58f6';
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ Compress: true, CachePolicyId: cachingOptimized }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', Compress: true })],
      }),
    });
    s.template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
        }),
      }),
    });
  });

  it('caches nothing of the API and forwards Authorization', () => {
    s.template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
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
    const props = s.template.findResources('AWS::S3::Bucket')[logicalId(s.edge.webBucket)]!.Properties;
    expect(props).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [expect.anything()] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: expect.objectContaining({
        DestinationBucketName: { Ref: logicalId(s.logBucket) },
      }),
    });
  });
});

describe('web origins', () => {
  const domain = (): object => ({ 'Fn::GetAtt': [logicalId(s.edge.distribution), 'DomainName'] });

  it('lists the distribution first, then the extra origins', () => {
    const stack = s.edge.distribution.stack;
    expect(stack.resolve(s.edge.webOrigins)).toEqual([
      { 'Fn::Join': ['', ['https://', domain()]] },
      'https://edms.example.az',
    ]);
  });

  it('bindOrigin sets WEB_ORIGIN to the distribution', () => {
    const vars = environmentOf(s.template, s.fn);
    expect(vars.WEB_ORIGIN).toEqual({ 'Fn::Join': ['', ['https://', domain()]] });
  });
});
