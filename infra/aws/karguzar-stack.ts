import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Annotations,
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  CacheQueryStringBehavior,
  CacheHeaderBehavior,
  CacheCookieBehavior,
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
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import {
  AttributeType,
  BillingMode,
  Operation,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { RouteDef } from '../../functions/platform/http/route';
import { readAslFolder, pascal } from './asl';
import { ProjectFunction } from './constructs/project-function';
import { alarmAtLeast } from './constructs/alarm';

/** The part of the shared route table that the infrastructure needs. */
export type InfraRoute = Pick<RouteDef, 'method' | 'path' | 'group' | 'auth'>;

export interface KarguzarStackProps extends StackProps {
  /** Repository root: entries and `statemachines/` are resolved against it. */
  readonly projectRoot: string;
  /** The shared route table (`functions/http/routes.ts`). */
  readonly routes: readonly InfraRoute[];
  /** Short environment name used in physical names (`prod`, `staging`, ...). */
  readonly envName: string;
  /** ARN of the CLOUDFRONT-scoped web ACL (see EdgeStack). */
  readonly webAclArn: string;
  /** Domain verified in SES; mail is sent from no-reply@<domain>. */
  readonly mailDomain: string;
  /** Cognito managed login domain prefix (must be globally unique per region). */
  readonly authDomainPrefix: string;
  /** Extra web origins (custom domains) allowed for OAuth callbacks and S3 CORS. */
  readonly extraWebOrigins?: readonly string[];
  /** Default route throttling of the HTTP API stage. */
  readonly apiThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  /** Default retention of the archive (Object Lock COMPLIANCE), in days. */
  readonly archiveRetentionDays?: number;
  /** Default retention of document contents (Object Lock COMPLIANCE), in days. */
  readonly attachmentsRetentionDays?: number;
}

const STREAM_HANDLER = 'functions/handlers/stream.handler.ts';

export class KarguzarStack extends Stack {
  readonly table: Table;
  readonly dataKey: Key;
  readonly signingKey: Key;
  readonly buckets: { attachments: Bucket; archive: Bucket; web: Bucket; logs: Bucket };
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly httpApi: HttpApi;
  readonly distribution: Distribution;
  readonly stateMachines: Record<string, StateMachine> = {};
  /** Every ProjectFunction of the stack, by construct id. */
  readonly functions: Record<string, ProjectFunction> = {};

  constructor(scope: Construct, id: string, props: KarguzarStackProps) {
    super(scope, id, props);
    const prefix = `karguzar-${props.envName}`;
    const root = props.projectRoot;

    // ------------------------------------------------------------------ KMS
    const dataKey = (this.dataKey = new Key(this, 'DataKey', {
      description: 'Kargüzar data encryption key (table, buckets, queues, topics, search)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    // CloudWatch alarms publish to the encrypted alarm topic.
    dataKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    const signingKey = (this.signingKey = new Key(this, 'SigningKey', {
      description: 'Kargüzar document signing key (ECDSA P-256, sign/verify)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    }));

    const alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Kargüzar alarms',
      masterKey: dataKey,
      enforceSSL: true,
    });
    const alarmAction = new SnsAction(alarmTopic);

    // ------------------------------------------------------------- DynamoDB
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: 'ttl',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of ['gsi1', 'gsi2']) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi,
        partitionKey: { name: `${gsi}pk`, type: AttributeType.STRING },
        sortKey: { name: `${gsi}sk`, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    const table = this.table;

    // ------------------------------------------------------------------ S3
    const logBucket = new Bucket(this, 'LogBucket', {
      // S3 server access logs and CloudFront standard logs only support SSE-S3 targets;
      // CloudFront standard logs need ACLs (BUCKET_OWNER_PREFERRED).
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-logs',
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const webOrigins = (d: Distribution): string[] => [
      `https://${d.distributionDomainName}`,
      ...(props.extraWebOrigins ?? []),
    ];

    // Contents of documents never change: every version is kept under Object Lock, and the app
    // reads the version it verified (a later write to the key cannot alter what it serves).
    const attachments = new Bucket(this, 'AttachmentsBucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(
        Duration.days(props.attachmentsRetentionDays ?? 3653),
      ),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/attachments/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const archive = new Bucket(this, 'ArchiveBucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(
        Duration.days(props.archiveRetentionDays ?? 3653),
      ),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/archive/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const webBucket = new Bucket(this, 'WebBucket', {
      // Public static assets of the web app; SSE-S3 keeps the CloudFront OAC setup simple.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/web/',
      lifecycleRules: [{ id: 'expire-old-builds', noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.buckets = { attachments, archive, web: webBucket, logs: logBucket };

    // --------------------------------------------------------------- HTTP API
    const apiAccessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.httpApi = new HttpApi(this, 'Api', {
      apiName: `${prefix}-api`,
      description: 'Kargüzar HTTP API (routes from functions/http/routes.ts)',
      createDefaultStage: false,
    });
    const throttle = props.apiThrottle ?? { rateLimit: 200, burstLimit: 400 };
    const stage = new HttpStage(this, 'ApiStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(apiAccessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // ----------------------------------------------------------- CloudFront
    const apiCachePolicy = new CachePolicy(this, 'ApiCachePolicy', {
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
    // Next static export with trailingSlash: /x/ is stored as x/index.html.
    const indexRewrite = new CloudFrontFunction(this, 'IndexRewrite', {
      comment: 'Directory index for the Next.js static export',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          '  var uri = request.uri;',
          "  if (uri.endsWith('/')) request.uri = uri + 'index.html';",
          "  else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) request.uri = uri + '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });
    this.distribution = new Distribution(this, 'Web', {
      comment: `Kargüzar ${props.envName}: web app and /api/*`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(webBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        functionAssociations: [{ function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          }),
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
      logBucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    const distribution = this.distribution;
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: citizens and foreigners apply for e-services (e-visa) from any country; abuse is handled by WAF rate limits and managed rule sets.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Until a custom domain with an ACM certificate is configured the distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer TLS policy; attaching an ACM certificate (open point) comes with minimumProtocolVersion TLSv1.2_2021.',
    });

    attachments.addCorsRule({
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
      allowedOrigins: webOrigins(distribution),
      allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
      exposedHeaders: ['ETag', 'x-amz-version-id'],
      maxAge: 3000,
    });

    // --------------------------------------------------------------- Cognito
    const preToken = new ProjectFunction(this, 'PreTokenFn', {
      entry: fileURLToPath(new URL('./lambda/pre-token.ts', import.meta.url)),
      description: 'Cognito pre-token-generation (V2): copies custom:tenant into the access token',
      memorySize: 256,
      timeout: Duration.seconds(5),
      alarmTopic,
    });
    this.functions.PreTokenFn = preToken;

    const userPool = (this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${prefix}-users`,
      // Accounts are created by tenant administrators, never by self sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      autoVerify: { email: true },
      customAttributes: { tenant: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }) },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken.fn, LambdaVersion.V2_0);
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL by product decision (public-sector staff without authenticators must still sign in); TOTP is offered and Plus-tier threat protection enforces adaptive authentication.',
    });

    const userPoolDomain = userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const webClient = (this.webClient = new UserPoolClient(this, 'WebClient', {
      userPool,
      userPoolClientName: `${prefix}-web`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        // web/lib/auth/oidc.ts: redirect_uri <origin>/auth/callback/ (Next trailingSlash: true)
        callbackUrls: webOrigins(distribution).map((o) => `${o}/auth/callback/`),
        logoutUrls: webOrigins(distribution).map((o) => `${o}/`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(7),
    }));
    new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: webClient.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(userPoolDomain);

    const authorizer = new HttpUserPoolAuthorizer('Cognito', userPool, {
      userPoolClients: [webClient],
      identitySource: ['$request.header.Authorization'],
    });

    // ------------------------------------------- queues, search, mail, schedules
    const newDlq = (id: string, description: string, consumer: 'lambda' | 'event-source-mapping'): Queue => {
      const q = new Queue(this, id, {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: dataKey,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      if (consumer === 'event-source-mapping') {
        // nag recognises a queue used as a Lambda DeadLetterConfig, not an ESM on-failure destination.
        Validations.of(q).acknowledge({
          id: 'AwsSolutions-SQS3',
          reason: `${description} is itself a dead-letter queue (on-failure destination of the stream mapping); an operator inspects it after the depth alarm.`,
        });
      }
      alarmAtLeast(this, `${id}Depth`, {
        description: `${description}: messages waiting`,
        metric: q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 1,
        action: alarmAction,
      });
      return q;
    };
    const asyncDlq = newDlq(
      'AsyncDlq',
      'DLQ of asynchronous Lambda invocations and scheduler deliveries',
      'lambda',
    );

    const collectionName = `${prefix}`.slice(0, 32);
    const encryptionPolicy = new CfnSecurityPolicy(this, 'SearchEncryptionPolicy', {
      name: `${prefix}-enc`.slice(0, 32),
      type: 'encryption',
      policy: this.toJsonString({
        Rules: [{ ResourceType: 'collection', Resource: [`collection/${collectionName}`] }],
        AWSOwnedKey: false,
        KmsARN: dataKey.keyArn,
      }),
    });
    const networkPolicy = new CfnSecurityPolicy(this, 'SearchNetworkPolicy', {
      name: `${prefix}-net`.slice(0, 32),
      type: 'network',
      // No VPC in this stack: the endpoint is public, every request is SigV4-signed and
      // authorised by the data access policy below; OpenSearch Dashboards stay closed.
      policy: JSON.stringify([
        {
          Rules: [{ ResourceType: 'collection', Resource: [`collection/${collectionName}`] }],
          AllowFromPublic: true,
        },
      ]),
    });
    const collection = new CfnCollection(this, 'SearchCollection', {
      name: collectionName,
      type: 'SEARCH',
      description: 'Kargüzar document search',
      standbyReplicas: 'ENABLED',
    });
    collection.addResourceDependency(encryptionPolicy);
    collection.addResourceDependency(networkPolicy);

    const mailIdentity = new EmailIdentity(this, 'MailIdentity', {
      identity: Identity.domain(props.mailDomain),
    });
    const sesFrom = `no-reply@${props.mailDomain}`;
    const mailIdentityArn = this.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: mailIdentity.emailIdentityName,
    });

    const scheduleGroup = new CfnScheduleGroup(this, 'ScheduleGroup', { name: `${prefix}-timers` });
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: 'EventBridge Scheduler: starts Kargüzar state machines, failed deliveries to the DLQ',
    });
    asyncDlq.grantSendMessages(schedulerRole);
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'Failed schedule deliveries go to the KMS-encrypted async DLQ; the grant is on the data key ARN only.',
      });
    }

    // ------------------------------------------------------------ functions
    const asl = readAslFolder(join(root, 'statemachines'));
    const machineArn = (name: string): string =>
      this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: `${prefix}-${name}`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const machineArns = Object.fromEntries(asl.map((d) => [d.name, machineArn(d.name)]));

    const appEnvironment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      ATTACHMENTS_BUCKET: attachments.bucketName,
      ARCHIVE_BUCKET: archive.bucketName,
      SIGNING_KEY_ID: signingKey.keyId,
      OIDC_ISSUER: userPool.userPoolProviderUrl,
      OIDC_AUDIENCE: webClient.userPoolClientId,
      OIDC_CLIENT_ID: webClient.userPoolClientId,
      OIDC_LOGOUT_URL: `${userPoolDomain.baseUrl()}/logout`,
      USER_POOL_ID: userPool.userPoolId,
      // Built from names, not from the machines: task Lambdas are referenced by the
      // machines, so referencing the machines back would be a dependency cycle.
      STATE_MACHINE_ARNS: JSON.stringify(machineArns),
      SES_FROM: sesFrom,
      SEARCH_ENDPOINT: collection.attrCollectionEndpoint,
      SCHEDULE_GROUP: scheduleGroup.ref,
      SCHEDULER_ROLE_ARN: schedulerRole.roleArn,
      SCHEDULER_DLQ_ARN: asyncDlq.queueArn,
      WEB_ORIGIN: `https://${distribution.distributionDomainName}`,
    };

    const searchReaders: Role[] = [];
    const searchWriters: Role[] = [];
    const grantApp = (pf: ProjectFunction, opts: { notifications: boolean }): void => {
      const role = pf.role;
      table.grantReadWriteData(role);
      attachments.grantRead(role);
      attachments.grantPut(role);
      archive.grantRead(role);
      archive.grantPut(role);
      signingKey.grant(role, 'kms:Sign', 'kms:Verify', 'kms:GetPublicKey');
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['aoss:APIAccessAll'],
          resources: [collection.attrArn],
        }),
      );
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [
            'scheduler:CreateSchedule',
            'scheduler:UpdateSchedule',
            'scheduler:DeleteSchedule',
            'scheduler:GetSchedule',
          ],
          resources: [
            this.formatArn({
              service: 'scheduler',
              resource: 'schedule',
              resourceName: `${scheduleGroup.ref}/*`,
            }),
          ],
        }),
      );
      schedulerRole.grantPassRole(role);
      if (asl.length > 0) {
        role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
            resources: Object.values(machineArns),
          }),
        );
        // Stopping a deadline watch once its resolution is executed (execution ARNs of our machines).
        const executions = asl.map((d) =>
          this.formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${prefix}-${d.name}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        );
        role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['states:StopExecution', 'states:DescribeExecution'],
            resources: executions,
          }),
        );
      }
      if (opts.notifications) {
        role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail', 'ses:SendRawEmail'],
            resources: [mailIdentityArn],
            conditions: { StringEquals: { 'ses:FromAddress': sesFrom } },
          }),
        );
        // SMS to phone numbers has no resource ARN; topics are excluded by the condition-free
        // separate policy so that the acknowledgement below names exactly this statement.
        const sms = new Policy(pf, 'SmsPublish', {
          statements: [new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })],
        });
        sms.attachToRole(role);
        Validations.of(sms).acknowledge({
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason:
            'sns:Publish directly to a phone number (SMS) has no resource ARN, so IAM requires "*"; this policy holds only that action.',
        });
      }
      ackDataPlaneWildcards(pf);
    };
    // How cdk-nag prints the partition: a literal with @aws-cdk/core:enablePartitionLiterals.
    const partition = Token.isUnresolved(this.partition) ? '<AWS::Partition>' : this.partition;
    const ackDataPlaneWildcards = (pf: ProjectFunction): void => {
      const acks: Array<[string, string]> = [
        [
          `Resource::<${this.getLogicalId(table.node.defaultChild as never)}.Arn>/index/*`,
          'Queries on the two GSIs (gsi1, gsi2) of the single table.',
        ],
        [
          `Resource::<${this.getLogicalId(attachments.node.defaultChild as never)}.Arn>/*`,
          'Objects of the attachments bucket (keys are tenant-prefixed and chosen at run time).',
        ],
        [
          `Resource::<${this.getLogicalId(archive.node.defaultChild as never)}.Arn>/*`,
          'Objects of the archive bucket (Object Lock protects them from change).',
        ],
        [
          'Action::s3:GetObject*',
          'CDK grantRead: GetObject, GetObjectVersion and their ACL/tagging reads on the two named buckets only.',
        ],
        ['Action::s3:GetBucket*', 'CDK grantRead: bucket metadata reads on the two named buckets only.'],
        ['Action::s3:List*', 'CDK grantRead: listing the two named buckets only.'],
        [
          'Action::kms:ReEncrypt*',
          'CDK table/bucket grants: ReEncrypt on the data key only (resource is the key ARN).',
        ],
        [
          'Action::kms:GenerateDataKey*',
          'Envelope encryption with the data key only (resource is the key ARN).',
        ],
        ['Action::s3:Abort*', 'CDK grantPut: aborting multipart uploads on the two named buckets only.'],
        [
          `Resource::arn:${partition}:scheduler:${this.region}:${this.account}:schedule/<${this.getLogicalId(scheduleGroup)}>/*`,
          'Schedules inside the project schedule group only; names are per document deadline.',
        ],
        ...asl.map((d): [string, string] => [
          `Resource::arn:${partition}:states:${this.region}:${this.account}:execution:${prefix}-${d.name}:*`,
          'Executions of this project’s own state machine (names are per resolution, known only at run time).',
        ]),
      ];
      for (const [finding, reason] of acks) {
        Validations.of(pf.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
      }
    };

    // One Lambda per route group that has routes.
    const integrations = new Map<string, HttpLambdaIntegration>();
    const groups = [...new Set(props.routes.map((r) => r.group))];
    for (const group of groups) {
      const entry = join(root, `functions/handlers/${group}.handler.ts`);
      if (!ProjectFunction.entryExists(entry)) {
        Annotations.of(this).addWarningV2(
          'karguzar:missing-handler',
          `Route group "${group}" has no entry ${entry}; its routes are not deployed.`,
        );
        continue;
      }
      const id = `Api${pascal(group)}Fn`;
      const pf = new ProjectFunction(this, id, {
        entry,
        description: `Kargüzar API route group "${group}"`,
        environment: appEnvironment,
        timeout: Duration.seconds(29),
        alarmTopic,
      });
      this.functions[id] = pf;
      // The documents group sends outgoing documents by e-mail (SES).
      grantApp(pf, { notifications: group === 'documents' || group === 'execution' });
      // Agency admins create and disable their employees' logins (org route group only).
      if (group === 'org') {
        userPool.grant(
          pf.role,
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminGetUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminDisableUser',
        );
      }
      searchReaders.push(pf.role);
      integrations.set(
        group,
        // One invoke permission per function (scoped to this API) instead of one per route:
        // a big route table would otherwise outgrow the 20 KB Lambda resource policy.
        new HttpLambdaIntegration(`${pascal(group)}Integration`, pf.fn, { scopePermissionToRoute: false }),
      );
    }

    for (const route of props.routes) {
      const integration = integrations.get(route.group);
      if (!integration) continue;
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (route.auth === 'public' && created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Public by design in the shared route table (${route.method} ${route.path}): anonymous e-service or health endpoint, behind WAF and stage throttling.`,
        });
      }
    }

    // Step Functions task Lambdas: one per ${fn_<name>} placeholder used in any ASL file.
    const taskFns = new Map<string, ProjectFunction>();
    for (const name of [...new Set(asl.flatMap((d) => d.tasks))]) {
      const entry = join(root, `functions/handlers/tasks/${name}.task.ts`);
      if (!ProjectFunction.entryExists(entry)) {
        Annotations.of(this).addWarningV2(
          'karguzar:missing-task',
          `Task "${name}" has no entry ${entry}; state machines that use it are not deployed.`,
        );
        continue;
      }
      const id = `Task${pascal(name)}Fn`;
      const pf = new ProjectFunction(this, id, {
        entry,
        description: `Kargüzar Step Functions task "${name}"`,
        environment: appEnvironment,
        timeout: Duration.seconds(60),
        deadLetterQueue: asyncDlq,
        alarmTopic,
      });
      this.functions[id] = pf;
      grantApp(pf, { notifications: true });
      searchReaders.push(pf.role);
      taskFns.set(name, pf);
    }

    // Stream consumer (search indexer and notification fan-out), when the lead adds it.
    const streamEntry = join(root, STREAM_HANDLER);
    if (ProjectFunction.entryExists(streamEntry)) {
      const streamDlq = newDlq(
        'StreamDlq',
        'DLQ of DynamoDB stream batches that failed processing',
        'event-source-mapping',
      );
      const pf = new ProjectFunction(this, 'StreamFn', {
        entry: streamEntry,
        description: 'Kargüzar DynamoDB stream consumer (search indexer, notifications)',
        environment: appEnvironment,
        timeout: Duration.seconds(60),
        alarmTopic,
      });
      this.functions.StreamFn = pf;
      grantApp(pf, { notifications: true });
      searchWriters.push(pf.role);
      pf.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [
            'dynamodb:DescribeStream',
            'dynamodb:GetRecords',
            'dynamodb:GetShardIterator',
            'dynamodb:ListStreams',
          ],
          resources: [table.tableStreamArn!],
        }),
      );
      pf.fn.addEventSourceMapping('TableStream', {
        eventSourceArn: table.tableStreamArn!,
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(streamDlq),
      });
    }

    // OpenSearch Serverless data access: writers index, readers query.
    const principals = (roles: Role[]) => roles.map((r) => r.roleArn);
    const accessRules = [
      ...(searchWriters.length
        ? [
            {
              Description: 'Indexer: manage indexes and documents',
              Rules: [
                {
                  ResourceType: 'index',
                  Resource: [`index/${collectionName}/*`],
                  Permission: [
                    'aoss:CreateIndex',
                    'aoss:UpdateIndex',
                    'aoss:DescribeIndex',
                    'aoss:ReadDocument',
                    'aoss:WriteDocument',
                  ],
                },
                {
                  ResourceType: 'collection',
                  Resource: [`collection/${collectionName}`],
                  Permission: ['aoss:DescribeCollectionItems'],
                },
              ],
              Principal: principals(searchWriters),
            },
          ]
        : []),
      ...(searchReaders.length
        ? [
            {
              Description: 'API and tasks: query documents',
              Rules: [
                {
                  ResourceType: 'index',
                  Resource: [`index/${collectionName}/*`],
                  Permission: ['aoss:DescribeIndex', 'aoss:ReadDocument'],
                },
              ],
              Principal: principals(searchReaders),
            },
          ]
        : []),
    ];
    if (accessRules.length > 0) {
      new CfnAccessPolicy(this, 'SearchAccessPolicy', {
        name: `${prefix}-data`.slice(0, 32),
        type: 'data',
        policy: this.toJsonString(accessRules),
      });
    }

    // ---------------------------------------------------------- Step Functions
    const sfnLogs = new LogGroup(this, 'StateMachineLogs', {
      logGroupName: `/aws/vendedlogs/states/${prefix}`,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const def of asl) {
      const missing = def.tasks.filter((t) => !taskFns.has(t));
      if (missing.length > 0) {
        Annotations.of(this).addWarningV2(
          'karguzar:missing-task',
          `State machine "${def.name}" is not deployed: no task entry for ${missing.join(', ')}.`,
        );
        continue;
      }
      const id = `${pascal(def.name)}Machine`;
      const machine = new StateMachine(this, id, {
        stateMachineName: `${prefix}-${def.name}`,
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromString(def.text),
        definitionSubstitutions: Object.fromEntries(
          def.tasks.map((t) => [`fn_${t}`, taskFns.get(t)!.fn.functionArn]),
        ),
        logs: { destination: sfnLogs, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
      });
      for (const t of def.tasks) taskFns.get(t)!.fn.grantInvoke(machine);
      this.stateMachines[def.name] = machine;
      Validations.of(machine.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Step Functions log delivery (logs:CreateLogDelivery, PutResourcePolicy, ...) and X-Ray actions do not support resource-level permissions.',
      });
      for (const t of def.tasks) {
        Validations.of(machine.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(taskFns.get(t)!.fn.node.defaultChild as never)}.Arn>:*]`,
          reason: `Invoke any version/alias of the task Lambda "${t}" used by this machine.`,
        });
      }
      schedulerRole.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.stateMachineArn] }),
      );
      alarmAtLeast(this, `${id}Failed`, {
        description: `State machine ${def.name}: failed, timed-out or aborted executions`,
        metric: machine.metricFailed({ period: Duration.minutes(5) }),
        threshold: 1,
        action: alarmAction,
      });
    }

    // ----------------------------------------------------------- API alarms
    alarmAtLeast(this, 'Api5xx', {
      description: 'HTTP API: 5xx responses',
      metric: stage.metricServerError({ period: Duration.minutes(5) }),
      threshold: 5,
      action: alarmAction,
    });
    alarmAtLeast(this, 'Api4xxSpike', {
      description: 'HTTP API: 4xx spike (includes 429 from stage throttling)',
      metric: stage.metricClientError({ period: Duration.minutes(5) }),
      threshold: 500,
      action: alarmAction,
    });
    alarmAtLeast(this, 'TableThrottles', {
      description: 'DynamoDB: throttled requests',
      metric: table.metricThrottledRequestsForOperations({
        period: Duration.minutes(5),
        operations: [
          Operation.GET_ITEM,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.QUERY,
          Operation.BATCH_GET_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.TRANSACT_GET_ITEMS,
          Operation.TRANSACT_WRITE_ITEMS,
        ],
      }),
      threshold: 1,
      action: alarmAction,
    });

    // --------------------------------------------------------------- outputs
    new CfnOutput(this, 'WebUrl', { value: `https://${distribution.distributionDomainName}` });
    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'WebBucketName', { value: webBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: webClient.userPoolClientId });
    new CfnOutput(this, 'OidcIssuer', { value: userPool.userPoolProviderUrl });
    new CfnOutput(this, 'AuthDomain', { value: userPoolDomain.baseUrl() });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
  }
}
