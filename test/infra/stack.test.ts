import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes';
import { taskPlaceholders } from '../../infra/aws/asl';
import { projectRoot, synth, type Synthesized } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = synth();
});

const logicalId = (c: IConstruct): string => Stack.of(c).getLogicalId(c.node.defaultChild as CfnResource);
const resourcesOf = (type: string): Record<string, { Properties: Record<string, unknown> }> =>
  s.mainTemplate.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;

describe('DynamoDB table', () => {
  it('has pk/sk, gsi1 and gsi2, on-demand billing, streams and TTL', () => {
    s.mainTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        }),
        Match.objectLike({
          IndexName: 'gsi2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
        }),
      ],
    });
  });

  it('has PITR, deletion protection and SSE with the customer-managed data key', () => {
    s.mainTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(s.main.data.dataKey), 'Arn'] },
      },
    });
    s.mainTemplate.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });
});

describe('KMS keys', () => {
  it('rotates the symmetric data key', () => {
    s.mainTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: Match.absent(),
      EnableKeyRotation: true,
    });
  });

  it('has an ECC_NIST_P256 SIGN_VERIFY signing key', () => {
    s.mainTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
    });
  });
});

describe('S3 buckets', () => {
  it('locks the archive bucket in COMPLIANCE mode with a default retention, versioned', () => {
    const archive = resourcesOf('AWS::S3::Bucket')[logicalId(s.main.storage.archive)]!;
    expect(archive.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('keeps every version of document contents under Object Lock (COMPLIANCE)', () => {
    const attachments = resourcesOf('AWS::S3::Bucket')[logicalId(s.main.storage.attachments)]!;
    expect(attachments.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('encrypts every bucket, attachments and archive with the data key', () => {
    const buckets = resourcesOf('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(4);
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
      ],
    });
  });
});

describe('IAM', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
  const allowStatements = (): Array<{ where: string; st: Statement }> => {
    const out: Array<{ where: string; st: Statement }> = [];
    for (const template of [s.mainTemplate, s.edgeTemplate]) {
      for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
        for (const st of r.Properties.PolicyDocument.Statement as Statement[]) out.push({ where: id, st });
      }
      for (const [id, r] of Object.entries(template.findResources('AWS::IAM::ManagedPolicy'))) {
        for (const st of r.Properties.PolicyDocument.Statement as Statement[]) out.push({ where: id, st });
      }
      for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Role'))) {
        for (const p of (r.Properties.Policies ?? []) as Array<{
          PolicyDocument: { Statement: Statement[] };
        }>) {
          for (const st of p.PolicyDocument.Statement) out.push({ where: id, st });
        }
      }
    }
    return out.filter(({ st }) => st.Effect === 'Allow');
  };
  const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
  const DATA = /^(dynamodb|s3|kms):/;

  it('finds the policies it checks', () => {
    expect(allowStatements().length).toBeGreaterThan(20);
  });

  it('never grants "*" actions, nor "<service>:*" on DynamoDB, S3 or KMS', () => {
    for (const { where, st } of allowStatements()) {
      for (const action of list(st.Action)) {
        expect(action, where).not.toBe('*');
        expect(action, where).not.toMatch(/^(dynamodb|s3|kms):\*$/);
      }
    }
  });

  it('never grants DynamoDB, S3 or KMS actions on "*" resources', () => {
    for (const { where, st } of allowStatements()) {
      if (!list(st.Action).some((a) => DATA.test(a))) continue;
      for (const resource of list(st.Resource)) expect(resource, where).not.toBe('*');
    }
  });

  it('scopes states:SendTaskSuccess/SendTaskFailure/StartExecution to the project state machines', () => {
    const grants = allowStatements().filter(({ st }) => list(st.Action).includes('states:SendTaskSuccess'));
    const machineCount = Object.keys(s.main.workflows.stateMachines).length;
    expect(machineCount).toBeGreaterThan(0);
    // every API, task and stream Lambda gets the grant
    const appFns = Object.keys(s.main.functions).filter((id) => /^(Api|Task|Stream)/.test(id));
    expect(grants).toHaveLength(appFns.length);
    for (const { st } of grants) {
      expect(list(st.Action)).toEqual(
        expect.arrayContaining(['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:StartExecution']),
      );
      const resources = list(st.Resource);
      expect(resources).toHaveLength(machineCount);
      for (const r of resources) expect(JSON.stringify(r)).toMatch(/:stateMachine:karguzar-prod-/);
    }
  });

  it('scopes states:StopExecution to executions of the project state machines', () => {
    const grants = allowStatements().filter(({ st }) => list(st.Action).includes('states:StopExecution'));
    expect(grants.length).toBeGreaterThan(0);
    for (const { st } of grants) {
      const resources = list(st.Resource);
      expect(resources).toHaveLength(Object.keys(s.main.workflows.stateMachines).length);
      for (const r of resources) expect(JSON.stringify(r)).toMatch(/:execution:karguzar-prod-[a-z-]+:\*/);
    }
  });
});

describe('WAF and CloudFront', () => {
  it('defines a CLOUDFRONT web ACL in us-east-1 with a rate-based rule and AWS managed rule sets', () => {
    expect(s.edge.region).toBe('us-east-1');
    s.edgeTemplate.hasResourceProperties('AWS::WAFv2::WebACL', {
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

  it('routes /api/* to the HTTP API and serves the web bucket through origin access control', () => {
    s.mainTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
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
              'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: logicalId(s.main.api.httpApi) }])]),
            }),
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
          }),
        ],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });
  it('rewrites directory paths of the static export and leaves API error bodies alone', () => {
    s.mainTemplate.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    s.mainTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CustomErrorResponses: Match.absent(),
      }),
    });
  });
});

describe('HTTP API', () => {
  it('sets default route throttling and access logs on the stage', () => {
    s.mainTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('creates exactly the routes of the shared route table, JWT-authorized unless public', () => {
    const created = Object.values(resourcesOf('AWS::ApiGatewayV2::Route')).map((r) => ({
      key: r.Properties.RouteKey,
      auth: r.Properties.AuthorizationType,
    }));
    const expected = routes.map((r) => ({
      key: `${r.method} ${r.path}`,
      auth: r.auth === 'jwt' ? 'JWT' : 'NONE',
    }));
    expect(created).toEqual(expect.arrayContaining(expected));
    expect(created).toHaveLength(expected.length);
  });

  it('uses a Cognito JWT authorizer whose audience is the web client', () => {
    s.mainTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(s.main.identity.webClient) }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
  });

  it('has one Lambda per route group', () => {
    const groups = new Set(routes.map((r) => r.group));
    const apiFns = Object.keys(s.main.functions).filter((id) => id.startsWith('Api'));
    expect(apiFns).toHaveLength(groups.size);
    expect(resourcesOf('AWS::ApiGatewayV2::Integration')).toSatisfy(
      (integrations: object) => Object.keys(integrations).length === groups.size,
    );
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
    }
    s.mainTemplate.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('has no other Lambda than the project functions and the CDK cross-region reader', () => {
    const fns = Object.keys(resourcesOf('AWS::Lambda::Function'));
    const project = new Set(Object.values(s.main.functions).map((pf) => logicalId(pf.fn)));
    const others = fns.filter((id) => !project.has(id));
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/CrossRegionExportReader/);
  });

  it('passes the application environment to API and task Lambdas', () => {
    const fns = resourcesOf('AWS::Lambda::Function');
    const app = Object.entries(s.main.functions).filter(([id]) => /^(Api|Task)/.test(id));
    expect(app.length).toBeGreaterThan(0);
    for (const [, pf] of app) {
      const vars = (fns[logicalId(pf.fn)]!.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      for (const name of [
        'TABLE_NAME',
        'ATTACHMENTS_BUCKET',
        'ARCHIVE_BUCKET',
        'SIGNING_KEY_ID',
        'OIDC_ISSUER',
        'OIDC_AUDIENCE',
        'STATE_MACHINE_ARNS',
        'SES_FROM',
      ]) {
        expect(vars, name).toHaveProperty(name);
      }
      expect(vars.KARGUZAR_ENV).toBe('aws');
      expect(vars.TABLE_NAME).toEqual({ Ref: logicalId(s.main.data.table) });
      expect(vars.OIDC_AUDIENCE).toEqual({ Ref: logicalId(s.main.identity.webClient) });
      expect(JSON.stringify(vars.STATE_MACHINE_ARNS)).toMatch(/stateMachine:karguzar-prod-/);
    }
  });

  it('wires the pre-token-generation trigger as event version V2_0', () => {
    s.mainTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [logicalId(s.main.functions.PreTokenFn!.fn), 'Arn'] },
          LambdaVersion: 'V2_0',
        },
      },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant', Mutable: false })]),
      MfaConfiguration: 'OPTIONAL',
    });
  });

  it('has a public web client with the authorization code flow and no secret', () => {
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

describe('Step Functions', () => {
  const aslFiles = readdirSync(join(projectRoot, 'statemachines')).filter((f) => f.endsWith('.asl.json'));

  it('creates one STANDARD state machine per statemachines/*.asl.json', () => {
    const machines = Object.values(resourcesOf('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(aslFiles.length);
    expect(machines.map((m) => m.Properties.StateMachineName).sort()).toEqual(
      aslFiles.map((f) => `karguzar-prod-${f.replace('.asl.json', '')}`).sort(),
    );
    for (const m of machines) {
      expect(m.Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        LoggingConfiguration: { Level: 'ALL' },
        TracingConfiguration: { Enabled: true },
      });
    }
  });

  it('maps every ${fn_<name>} placeholder to its task Lambda', () => {
    const machines = Object.values(resourcesOf('AWS::StepFunctions::StateMachine'));
    for (const file of aslFiles) {
      const name = `karguzar-prod-${file.replace('.asl.json', '')}`;
      const machine = machines.find((m) => m.Properties.StateMachineName === name)!;
      const tasks = taskPlaceholders(readFileSync(join(projectRoot, 'statemachines', file), 'utf8'));
      const subs = machine.Properties.DefinitionSubstitutions as Record<string, unknown>;
      expect(Object.keys(subs).sort()).toEqual(tasks.map((t) => `fn_${t}`).sort());
      for (const t of tasks) {
        const pf = Object.entries(s.main.functions).find(
          ([id]) => id.toLowerCase() === `task${t}fn`.toLowerCase(),
        );
        expect(pf, t).toBeDefined();
        expect(subs[`fn_${t}`]).toEqual({ 'Fn::GetAtt': [logicalId(pf![1].fn), 'Arn'] });
      }
    }
  });
});

describe('OpenSearch Serverless, queues, alarms', () => {
  it('encrypts the collection with the data key and restricts data access to project roles', () => {
    s.mainTemplate.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'encryption' });
    s.mainTemplate.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'network' });
    s.mainTemplate.hasResourceProperties('AWS::OpenSearchServerless::AccessPolicy', { Type: 'data' });
    s.mainTemplate.hasResourceProperties('AWS::OpenSearchServerless::Collection', { Type: 'SEARCH' });
  });

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
