import { beforeAll, describe, expect, it } from 'vitest';
import { logicalId } from './bare-stack';
import { synth, type Synthesized } from './synth';

/** E-mail in on AWS (issue 14): SES receiving into the intake bucket, its S3 event to the intake Lambda. */
let s: Synthesized;
beforeAll(() => {
  s = synth();
});

describe('e-mail in', () => {
  it('keeps raw mail in a versioned bucket under Object Lock COMPLIANCE, TLS only, access-logged', () => {
    s.mainTemplate.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { LogFilePrefix: 's3/intake/' },
    });
  });

  it('receives mail for the intake domain with scanning and TLS, into the bucket under inbound/', () => {
    s.mainTemplate.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Enabled: true,
        Recipients: [s.main.intake.domain],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [
          {
            S3Action: {
              BucketName: { Ref: logicalId(s.main.intake.bucket) },
              ObjectKeyPrefix: 'inbound/',
            },
          },
        ],
      },
    });
  });

  it('invokes the intake Lambda on each stored message, which reads only inbound/ of that bucket', () => {
    const fn = s.main.functions.MailIntakeFn;
    expect(fn).toBeDefined();
    s.mainTemplate.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(s.main.intake.bucket) },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [logicalId(fn!.fn), 'Arn'] },
          },
        ],
      },
    });
    const vars = (
      s.mainTemplate.findResources('AWS::Lambda::Function')[logicalId(fn!.fn)]!.Properties as {
        Environment: { Variables: Record<string, unknown> };
      }
    ).Environment.Variables;
    expect(
      (
        s.mainTemplate.findResources('AWS::Lambda::Function')[logicalId(fn!.fn)]!.Properties as Record<
          string,
          unknown
        >
      ).DeadLetterConfig,
    ).toBeDefined();
    expect(vars).toMatchObject({
      INTAKE_BUCKET: { Ref: logicalId(s.main.intake.bucket) },
      INTAKE_DOMAIN: s.main.intake.domain,
    });
  });
});
