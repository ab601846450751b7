import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Secret, type CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../../../functions/platform/http/origin-guard';
import type { ProjectFunction } from './project-function';

export interface EdgeProps {
  readonly envName: string;
  /** `/api/*` goes through CloudFront (and its WAF) to this API. */
  readonly httpApi: IHttpApi;
  /** The API's custom domain: CloudFront's origin instead of the (then disabled) execute-api one. */
  readonly apiDomainName?: string;
  /**
   * Version id of the origin secret that CloudFront sends: set it after `put-secret-value` to make
   * the deployment update the distribution (see README, rotation). @default the current version
   */
  readonly originSecretVersionId?: string;
  /** Receives the web bucket's access logs and CloudFront's standard logs. */
  readonly logBucket: IBucket;
  /** ARN of the CLOUDFRONT-scoped web ACL (see EdgeStack, us-east-1). */
  readonly webAclArn: string;
  /** Extra web origins (custom domains) allowed for OAuth callbacks and S3 CORS. */
  readonly extraWebOrigins?: readonly string[];
}

/** Next static export with trailingSlash: /x/ is stored as x/index.html. */
const INDEX_REWRITE = [
  'function handler(event) {',
  '  var request = event.request;',
  '  var uri = request.uri;',
  "  if (uri.endsWith('/')) request.uri = uri + 'index.html';",
  "  else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) request.uri = uri + '/index.html';",
  '  return request;',
  '}',
].join('\n');

/**
 * What browsers reach: the web bucket (static export) behind CloudFront with origin access
 * control, `/api/*` forwarded uncached to the HTTP API, and the web ACL of the Edge stack.
 *
 * Resources are defined directly in `scope` (the stack): the logical ids, and the CloudFront
 * function, cache policy and origin access control names that CDK derives from construct paths,
 * stay those of the deployed stack.
 */
export class Edge {
  /** The value CloudFront sends in the origin header, which the API requires (see `bindOriginGuard`). */
  readonly originSecret: Secret;
  readonly webBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`. */
  readonly webOrigin: string;
  /** The distribution's origin first, then the extra (custom domain) origins. */
  readonly webOrigins: string[];

  constructor(scope: Construct, props: EdgeProps) {
    this.originSecret = new Secret(scope, 'OriginSecret', {
      description: `Kargüzar ${props.envName}: the ${ORIGIN_HEADER} header CloudFront adds to /api/* (the API refuses requests without it)`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    (this.originSecret.node.defaultChild as CfnSecret).overrideLogicalId('OriginSecret');
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by the documented procedure (put-secret-value, then a deployment that updates CloudFront; the API accepts the current and the previous value meanwhile): CloudFront reads the value only when its distribution is deployed, so a rotation Lambda alone could not hand it over.',
    });

    this.webBucket = new Bucket(scope, 'WebBucket', {
      // Public static assets of the web app; SSE-S3 keeps the CloudFront OAC setup simple.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3/web/',
      lifecycleRules: [{ id: 'expire-old-builds', noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const apiCachePolicy = new CachePolicy(scope, 'ApiCachePolicy', {
      comment: 'API: nothing cached by default (TTL 0); Authorization in the key so it reaches the origin',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const indexRewrite = new CloudFrontFunction(scope, 'IndexRewrite', {
      comment: 'Directory index for the Next.js static export',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(INDEX_REWRITE),
    });
    const stack = Stack.of(scope);
    this.distribution = new Distribution(scope, 'Web', {
      comment: `Kargüzar ${props.envName}: web app and /api/*`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.webBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        functionAssociations: [{ function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(
            props.apiDomainName ?? `${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`,
            {
              protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
              // A dynamic reference: the template holds the secret's ARN, CloudFormation the value.
              customHeaders: {
                [ORIGIN_HEADER]: SecretValue.secretsManager(this.originSecret.secretArn, {
                  versionId: props.originSecretVersionId,
                }).unsafeUnwrap(),
              },
            },
          ),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCachePolicy,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
          compress: true,
        },
      },
      // No custom error responses: they apply to every behavior and would replace the API's
      // problem+json 403/404 bodies with an HTML page.
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: citizens and foreigners apply for e-services (e-visa) from any country; abuse is handled by WAF rate limits and managed rule sets.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Until a custom domain with an ACM certificate is configured the distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer TLS policy; attaching an ACM certificate (open point) comes with minimumProtocolVersion TLSv1.2_2021.',
    });

    this.webOrigin = `https://${this.distribution.distributionDomainName}`;
    this.webOrigins = [this.webOrigin, ...(props.extraWebOrigins ?? [])];

    new CfnOutput(scope, 'WebUrl', { value: this.webOrigin });
    new CfnOutput(scope, 'WebBucketName', { value: this.webBucket.bucketName });
  }

  /**
   * ORIGIN_SECRET_ARN and the right to read it: the API's route groups refuse requests without the
   * origin header CloudFront adds (read at run time, so a rotated value is taken up without a
   * deployment and never appears in the function's configuration).
   */
  bindOriginGuard(pf: ProjectFunction): void {
    pf.addEnvironment({ ORIGIN_SECRET_ARN: this.originSecret.secretArn });
    this.originSecret.grantRead(pf.fn);
  }

  /** WEB_ORIGIN: links back to the web app in messages, and the one CORS origin the API allows. */
  bindOrigin(pf: ProjectFunction): void {
    pf.addEnvironment({ WEB_ORIGIN: this.webOrigin });
  }
}
