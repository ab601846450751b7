import { Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalId } from './bare-stack';
import { synth, type Synthesized } from './synth';

/**
 * The stack as a whole: what must hold across the concerns (every bucket, Lambda and alarm), how
 * the concerns are wired to each other, cdk-nag, and the logical ids of the deployed resources.
 * Each concern's own properties are tested in `<concern>.test.ts`, every policy in iam.test.ts.
 */
let s: Synthesized;
beforeAll(() => {
  s = synth();
});

const resourcesOf = (type: string): Record<string, { Properties: Record<string, unknown> }> =>
  s.mainTemplate.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;

/**
 * Logical ids as deployed. A changed logical id makes CloudFormation replace the resource: the
 * table, buckets, user pool and keys would lose their data, and the resources with fixed names
 * would fail to deploy on a name clash. The CloudFront function's name comes from its path.
 */
const DEPLOYED: Record<string, string> = {
  DataKey17AFBB84: 'AWS::KMS::Key',
  SigningKeyEEFC2790: 'AWS::KMS::Key',
  TableCD117FA1: 'AWS::DynamoDB::Table',
  LogBucketCC3B17E8: 'AWS::S3::Bucket',
  AttachmentsBucket8E14A36F: 'AWS::S3::Bucket',
  ArchiveBucket9DECBF5D: 'AWS::S3::Bucket',
  WebBucket12880F5B: 'AWS::S3::Bucket',
  UserPool6BA7E5F2: 'AWS::Cognito::UserPool',
  UserPoolDomainD0EA232A: 'AWS::Cognito::UserPoolDomain',
  WebClient697086FD: 'AWS::Cognito::UserPoolClient',
  ApiF70053CD: 'AWS::ApiGatewayV2::Api',
  Web3C8945DB: 'AWS::CloudFront::Distribution',
  IndexRewrite0A63A7CD: 'AWS::CloudFront::Function',
  SearchCollection: 'AWS::OpenSearchServerless::Collection',
  MailIdentity4365A1C5: 'AWS::SES::EmailIdentity',
  StateMachineLogs3CB16D3C: 'AWS::Logs::LogGroup',
  ExecutionDeadlineMachineF40381A9: 'AWS::StepFunctions::StateMachine',
};

describe('logical ids', () => {
  it('keeps the logical ids of the deployed stateful and named resources', () => {
    const resources = s.mainTemplate.toJSON().Resources as Record<string, { Type: string }>;
    for (const [id, type] of Object.entries(DEPLOYED)) expect(resources[id]?.Type, id).toBe(type);
    s.mainTemplate.hasResourceProperties('AWS::CloudFront::Function', {
      Name: 'eu-central-1KarguzarprodIndexRewrite8FAFF1EA',
    });
  });

  it('defines the stateful resources directly in the stack (a concern adds no level to their paths)', () => {
    const { data, storage, edge, identity } = s.main;
    const stateful: IConstruct[] = [
      data.dataKey,
      data.signingKey,
      data.table,
      storage.logBucket,
      storage.attachments,
      storage.archive,
      edge.webBucket,
      identity.userPool,
    ];
    for (const c of stateful) expect(c.node.scope, c.node.path).toBe(s.main);
  });
});

describe('S3 buckets', () => {
  it('encrypts every bucket, attachments and archive with the data key', () => {
    const buckets = resourcesOf('AWS::S3::Bucket');
    // Log, attachments, archive, web, the stream replay bucket (workflows-aws.test.ts) and the
    // intake bucket of e-mail in (SSE-S3: SES receiving writes it; intake.test.ts).
    expect(Object.keys(buckets)).toHaveLength(6);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
    for (const b of [s.main.storage.attachments, s.main.storage.archive]) {
      expect(buckets[logicalId(b)]!.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [logicalId(s.main.data.dataKey), 'Arn'] },
            },
          },
        ],
      });
    }
  });

  it('blocks public access on every bucket and denies non-TLS requests', () => {
    const buckets = resourcesOf('AWS::S3::Bucket');
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const policies = Object.values(resourcesOf('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(Object.keys(buckets).length);
    for (const policy of policies) {
      const statements = (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> })
        .Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('logs attachments, archive and web access to the log bucket and allows presigned PUT from the web origin', () => {
    const buckets = resourcesOf('AWS::S3::Bucket');
    for (const b of [s.main.storage.attachments, s.main.storage.archive, s.main.edge.webBucket]) {
      expect(buckets[logicalId(b)]!.Properties.LoggingConfiguration).toMatchObject({
        DestinationBucketName: { Ref: logicalId(s.main.storage.logBucket) },
      });
    }
    expect(buckets[logicalId(s.main.storage.attachments)]!.Properties.CorsConfiguration).toMatchObject({
      CorsRules: [
        expect.objectContaining({
          AllowedMethods: expect.arrayContaining(['PUT']),
          AllowedOrigins: [
            {
              'Fn::Join': [
                '',
                ['https://', { 'Fn::GetAtt': [logicalId(s.main.edge.distribution), 'DomainName'] }],
              ],
            },
          ],
        }),
        // E-service scans from agency portals on any origin (the presigned URL is the credential).
        expect.objectContaining({ AllowedMethods: expect.arrayContaining(['PUT']), AllowedOrigins: ['*'] }),
      ],
    });
  });
});

describe('WAF link', () => {
  it('defines the CLOUDFRONT web ACL in us-east-1 (its rules: edge.test.ts)', () => {
    expect(s.edge.region).toBe('us-east-1');
    s.edgeTemplate.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT' });
  });

  it('attaches that web ACL to the distribution (exported from us-east-1, read in the main region)', () => {
    const [aclId] = Object.keys(s.edgeTemplate.findResources('AWS::WAFv2::WebACL'));
    const writer = Object.values(s.edgeTemplate.findResources('Custom::CrossRegionExportWriter'))[0]!;
    const exports = (writer.Properties.WriterProps as { exports: Record<string, unknown> }).exports;
    const exported = Object.entries(exports).find(
      ([, v]) => JSON.stringify(v) === JSON.stringify({ 'Fn::GetAtt': [aclId, 'Arn'] }),
    );
    expect(exported).toBeDefined();
    const [readerId] = Object.keys(s.mainTemplate.findResources('Custom::CrossRegionExportReader'));
    s.mainTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetAtt': [readerId, exported![0]] },
      }),
    });
  });
});

describe('Lambda functions', () => {
  it('runs every project function on nodejs22.x, arm64, with X-Ray tracing and its own log group', () => {
    const fns = resourcesOf('AWS::Lambda::Function');
    const project = Object.values(s.main.functions);
    expect(project.length).toBeGreaterThanOrEqual(4);
    for (const pf of project) {
      const props = fns[logicalId(pf.fn)]!.Properties;
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logicalId(pf.logGroup) } },
      });
      expect((props.Environment as { Variables: object }).Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'karguzar',
        POWERTOOLS_METRICS_NAMESPACE: 'Karguzar',
      });
    }
    s.mainTemplate.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('feeds the table stream to the stream Lambda with partial batch responses', () => {
    const stream = s.main.functions.StreamFn;
    expect(stream).toBeDefined();
    s.mainTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stream!.fn) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(s.main.data.table), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('has no other Lambda than the project functions, the CDK cross-region reader, the SMS settings provider and the bucket-notifications handler', () => {
    const fns = Object.keys(resourcesOf('AWS::Lambda::Function'));
    const project = new Set(Object.values(s.main.functions).map((pf) => logicalId(pf.fn)));
    const others = fns.filter((id) => !project.has(id)).sort();
    expect(others).toHaveLength(3);
    // The AwsCustomResource singleton that sets the account's SMS attributes (costs.test.ts).
    expect(others[0]).toMatch(/^AWS679f53fac002430cb0da5b7982bd2287/);
    // The CDK singleton that sets the intake bucket's S3 event notification (intake.test.ts).
    expect(others[1]).toMatch(/^BucketNotificationsHandler/);
    expect(others[2]).toMatch(/CrossRegionExportReader/);
  });

  it('passes the application environment to API and task Lambdas', () => {
    const fns = resourcesOf('AWS::Lambda::Function');
    const app = Object.entries(s.main.functions).filter(([id]) => /^(Api|Task)/.test(id));
    expect(app.length).toBeGreaterThan(0);
    for (const [, pf] of app) {
      const vars = (fns[logicalId(pf.fn)]!.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      // What every function's configuration requires; the rest follows its capabilities.
      for (const name of ['TABLE_NAME', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'STATE_MACHINE_ARNS']) {
        expect(vars, name).toHaveProperty(name);
      }
      expect(vars.KARGUZAR_ENV).toBe('aws');
      expect(vars.TABLE_NAME).toEqual({ Ref: logicalId(s.main.data.table) });
      expect(vars.OIDC_AUDIENCE).toEqual({ Ref: logicalId(s.main.identity.webClient) });
    }
    const vars = (id: string): Record<string, unknown> =>
      (
        fns[logicalId(s.main.functions[id]!.fn)]!.Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    expect(vars('ApiDocumentsFn')).toHaveProperty('ATTACHMENTS_BUCKET');
    expect(vars('ApiDocumentsFn')).toHaveProperty('SES_FROM');
    expect(JSON.stringify(vars('ApiExecutionFn').STATE_MACHINE_ARNS)).toMatch(
      /stateMachine:karguzar-prod-document-route/,
    );
    expect(vars('ApiSystemFn').STATE_MACHINE_ARNS).toBe('{}');
    for (const name of [
      'ATTACHMENTS_BUCKET',
      'SES_FROM',
      'SIGNING_KEY_ID',
      'SEARCH_ENDPOINT',
      'SCHEDULE_GROUP',
    ]) {
      expect(vars('ApiSystemFn'), name).not.toHaveProperty(name);
    }
  });

  it('has a public web client with the authorization code flow, called back on the distribution', () => {
    s.mainTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            [
              'https://',
              { 'Fn::GetAtt': [logicalId(s.main.edge.distribution), 'DomainName'] },
              '/auth/callback/',
            ],
          ],
        },
      ],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
  });
});

describe('queues and alarms', () => {
  it('encrypts the DLQs and alarms on their depth, on Lambda errors and throttles and on API 5xx', () => {
    s.mainTemplate.allResourcesProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
    const alarms = Object.values(resourcesOf('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const metrics = alarms.map((a) => `${String(a.Namespace)}:${String(a.MetricName)}`);
    expect(metrics).toEqual(
      expect.arrayContaining([
        'AWS/Lambda:Errors',
        'AWS/Lambda:Throttles',
        'AWS/SQS:ApproximateNumberOfMessagesVisible',
        'AWS/ApiGateway:5xx',
      ]),
    );
    for (const a of alarms) expect(a.AlarmActions).toHaveLength(1);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding (errors or warnings) and every plugin succeeds', () => {
    for (const report of s.report.pluginReports) {
      expect(report.conclusion, report.pluginName).toBe('success');
      const open = report.violations.map(
        (v) => `${v.ruleName} ${v.violatingConstructs.map((c) => c.constructPath).join(',')}`,
      );
      expect(open, report.pluginName).toEqual([]);
    }
  });

  it('gives every acknowledgement a specific reason and never acknowledges a rule on a whole stack', () => {
    const acks: Array<{ path: string; id: string; reason: string; onStack: boolean }> = [];
    const visit = (c: IConstruct): void => {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, value] of Object.entries(entry.data as Record<string, unknown>)) {
          const reason =
            typeof value === 'string' ? value : String((value as { reason?: string }).reason ?? '');
          acks.push({ path: c.node.path, id, reason, onStack: Stack.isStack(c) || c === s.app });
        }
      }
      c.node.children.forEach(visit);
    };
    visit(s.app);
    const nagAcks = acks.filter((a) => a.id.includes('AwsSolutions'));
    expect(nagAcks.length).toBeGreaterThan(0);
    for (const a of nagAcks) {
      expect(a.reason.length, `${a.path} ${a.id}`).toBeGreaterThanOrEqual(40);
      expect(a.onStack, `${a.path} ${a.id}`).toBe(false);
    }
  });
});
