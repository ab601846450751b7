import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeGroupFiles, routes } from '../../functions/api/routes';
import { APP_CONTEXT, buildApp } from '../../infra/aws/build';
import { BACKUP_RETENTION, Backup } from '../../infra/aws/constructs/backup';
import { Data } from '../../infra/aws/constructs/data';
import { Notifications } from '../../infra/aws/constructs/notifications';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { Search } from '../../infra/aws/constructs/search';
import { NONCURRENT_MARGIN_DAYS, Storage } from '../../infra/aws/constructs/storage';
import { actionsOf, bareStack, environmentOf, logicalId, stubEntry } from './bare-stack';
import { DEPLOYMENT_CONTEXT, projectRoot, synth, type Synthesized } from './synth';

/** Issue 18, finding 6: SMS cap, Cognito mail through SES, S3 lifecycle, backup, search opt-in. */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});
const resources = (type: string) =>
  Object.entries(s.mainTemplate.findResources(type)) as Array<
    [string, { Properties: Record<string, unknown>; DeletionPolicy?: string; DependsOn?: string[] }]
  >;
/** The one resource of a type: its logical id and body. */
const only = (type: string) => {
  const found = resources(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('SMS spend cap', () => {
  it('sets the account’s SMS attributes: the monthly limit given, transactional', () => {
    const [[, cr]] = resources('Custom::AWS') as [[string, { Properties: Record<string, string> }]];
    for (const phase of ['Create', 'Update']) {
      expect(JSON.parse(cr.Properties[phase]!)).toMatchObject({
        service: 'SNS',
        action: 'SetSMSAttributes',
        parameters: {
          attributes: {
            MonthlySpendLimit: DEPLOYMENT_CONTEXT.smsMonthlyLimitUsd,
            DefaultSMSType: 'Transactional',
          },
        },
      });
    }
    // Removing the stack leaves the cap in place.
    expect(cr.Properties.Delete).toBeUndefined();
  });

  it('lets the custom resource do nothing but sns:SetSMSAttributes', () => {
    const providers = resources('AWS::Lambda::Function').filter(([id]) =>
      id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'),
    );
    expect(providers).toHaveLength(1);
    const roleRef = (providers[0]![1].Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    expect(actionsOf(s.mainTemplate, roleRef)).toEqual(['sns:SetSMSAttributes']);
  });

  it('sets the default sender id when given, and refuses a bad limit or sender id', () => {
    const stack = bareStack();
    const n = new Notifications(stack, { mailDomain: 'mail.example.az' });
    n.capSms({ monthlyLimitUsd: 200, senderId: 'Karguzar' });
    const [cr] = Object.values(Template.fromStack(stack).findResources('Custom::AWS'));
    expect(JSON.parse(cr!.Properties.Update as string).parameters.attributes).toEqual({
      MonthlySpendLimit: '200',
      DefaultSMSType: 'Transactional',
      DefaultSenderID: 'Karguzar',
    });
    expect(() => n.capSms({ monthlyLimitUsd: 1.5 })).toThrow(/whole number/);
    expect(() => n.capSms({ monthlyLimitUsd: -1 })).toThrow(/whole number/);
    expect(() => n.capSms({ monthlyLimitUsd: 1, senderId: 'Kargüzar' })).toThrow(/smsSenderId/);
    expect(() => n.capSms({ monthlyLimitUsd: 1, senderId: 'KarguzarPlatform' })).toThrow(/smsSenderId/);
  });
});

describe('Cognito mail', () => {
  it('goes through SES from the verified mail domain, after the identity exists', () => {
    const [, pool] = only('AWS::Cognito::UserPool');
    expect(pool.Properties.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: expect.stringMatching(/<no-reply@mail\.karguzar\.example>$/),
      SourceArn: 'arn:aws:ses:eu-central-1:111111111111:identity/mail.karguzar.example',
    });
    expect(pool.DependsOn).toContain(logicalId(s.main.notifications.mailIdentity));
  });
});

describe('S3 lifecycle', () => {
  const stack = bareStack();
  const storage = new Storage(stack, { key: new Key(stack, 'Key'), attachmentsRetentionDays: 1000 });
  const rules = (bucket: { node: unknown }) =>
    (
      Template.fromStack(stack).findResources('AWS::S3::Bucket')[logicalId(bucket as never)]!.Properties
        .LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }
    ).Rules;

  it('expires noncurrent attachment versions only after their lock and a margin', () => {
    expect(rules(storage.attachments)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Id: 'abort-incomplete-uploads',
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 },
        }),
        expect.objectContaining({
          Id: 'expire-noncurrent-versions',
          NoncurrentVersionExpiration: { NoncurrentDays: 1000 + NONCURRENT_MARGIN_DAYS },
          Status: 'Enabled',
        }),
      ]),
    );
    // Current versions never expire by lifecycle: disposal is an act, not a timer.
    expect(rules(storage.attachments).some((r) => 'ExpirationInDays' in r)).toBe(false);
  });

  it('puts archive objects in Intelligent-Tiering and never expires them', () => {
    const archive = rules(storage.archive);
    expect(archive).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Id: 'intelligent-tiering',
          Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 }],
        }),
      ]),
    );
    for (const r of archive) {
      expect(r).not.toHaveProperty('ExpirationInDays');
      expect(r).not.toHaveProperty('NoncurrentVersionExpiration');
    }
  });
});

describe('backup', () => {
  it('keeps the logical ids and RETAINs the vault and plan', () => {
    const ids: Record<string, string> = {
      BackupVault3A9C5852: 'AWS::Backup::BackupVault',
      BackupPlanA8F64793: 'AWS::Backup::BackupPlan',
      BackupSelection1BF3761C: 'AWS::Backup::BackupSelection',
      BackupRoleF43CFD90: 'AWS::IAM::Role',
    };
    const all = s.mainTemplate.toJSON().Resources as Record<
      string,
      { Type: string; DeletionPolicy?: string }
    >;
    for (const [id, type] of Object.entries(ids)) expect(all[id]?.Type, id).toBe(type);
    expect(all.BackupVault3A9C5852!.DeletionPolicy).toBe('Retain');
    expect(all.BackupPlanA8F64793!.DeletionPolicy).toBe('Retain');
  });

  it('encrypts the vault with the data key and locks it in compliance mode', () => {
    const [, vault] = only('AWS::Backup::BackupVault');
    expect(vault.Properties).toMatchObject({
      EncryptionKeyArn: { 'Fn::GetAtt': [logicalId(s.main.data.dataKey), 'Arn'] },
      LockConfiguration: { MinRetentionDays: BACKUP_RETENTION.dailyDays, ChangeableForDays: 3 },
    });
  });

  it('backs up the table and the archive bucket daily and monthly, with the backup role', () => {
    const [, plan] = only('AWS::Backup::BackupPlan');
    const rules = (plan.Properties.BackupPlan as { BackupPlanRule: Array<Record<string, unknown>> })
      .BackupPlanRule;
    expect(
      rules.map((r) => [r.RuleName, (r.Lifecycle as { DeleteAfterDays: number }).DeleteAfterDays]),
    ).toEqual([
      ['daily', BACKUP_RETENTION.dailyDays],
      ['monthly', BACKUP_RETENTION.monthlyDays],
    ]);
    const [, selection] = only('AWS::Backup::BackupSelection');
    expect(selection.Properties.BackupSelection).toMatchObject({
      IamRoleArn: { 'Fn::GetAtt': [logicalId(s.main.backup.role), 'Arn'] },
      Resources: [
        { 'Fn::GetAtt': [logicalId(s.main.data.table), 'Arn'] },
        { 'Fn::GetAtt': [logicalId(s.main.storage.archive), 'Arn'] },
      ],
    });
    // S3 backups need versioning on the bucket.
    expect(s.main.storage.archive.node.defaultChild).toMatchObject({
      versioningConfiguration: { status: 'Enabled' },
    });
  });

  it('uses a governance lock where compliance is not asked for', () => {
    const stack = bareStack();
    const key = new Key(stack, 'Key');
    const data = new Data(stack);
    const storage = new Storage(stack, { key });
    new Backup(stack, {
      prefix: 'karguzar-dev',
      key,
      table: data.table,
      archive: storage.archive,
      compliance: false,
    });
    const [vault] = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupVault'));
    expect(vault!.Properties.LockConfiguration).toEqual({ MinRetentionDays: BACKUP_RETENTION.dailyDays });
  });
});

describe('search is opt-in', () => {
  it('deploys the collection under its logical id when on, with standby replicas in production', () => {
    const [id, collection] = only('AWS::OpenSearchServerless::Collection');
    expect(id).toBe('SearchCollection');
    expect(collection.Properties.StandbyReplicas).toBe('ENABLED');
  });

  it('has no collection, policy, endpoint or grant when off', () => {
    const stack = bareStack();
    const search = new Search(stack, { prefix: 'karguzar-test', key: new Key(stack, 'Key') });
    const pf = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'reader' });
    search.bind(pf, ['search:read']);
    const template = Template.fromStack(stack);
    for (const type of ['Collection', 'SecurityPolicy', 'AccessPolicy']) {
      template.resourceCountIs(`AWS::OpenSearchServerless::${type}`, 0);
    }
    expect(environmentOf(template, pf)).not.toHaveProperty('SEARCH_ENDPOINT');
    expect(actionsOf(template, logicalId(pf.role)).some((a) => a.startsWith('aoss:'))).toBe(false);
    expect(search.collection).toBeUndefined();
  });

  it('is off by default, and without standby replicas outside production', () => {
    const build = (context: Record<string, string>) =>
      buildApp(
        new App({
          builtinCloudFormationValidation: false,
          outdir: mkdtempSync(join(tmpdir(), 'karguzar-cdk-costs-')),
          context: {
            ...APP_CONTEXT,
            'aws:cdk:bundling-stacks': [],
            alarmEmails: 'duty@karguzar.example',
            ...context,
          },
        }),
        { projectRoot, routes, groupFiles: routeGroupFiles, nag: false },
      );
    expect(build({}).main.search.collection).toBeUndefined();
    expect(build({ env: 'staging', search: 'true' }).main.search.collection?.standbyReplicas).toBe(
      'DISABLED',
    );
    expect(() => build({ search: 'yes' })).toThrow(/search must be true or false/);
  });
});
