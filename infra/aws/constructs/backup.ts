import { Duration, RemovalPolicy, TimeZone, Validations } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  BackupSelection,
  BackupVault,
} from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** How long the daily and monthly recovery points are kept. */
export const BACKUP_RETENTION = { dailyDays: 35, monthlyDays: 366 } as const;

export interface BackupProps {
  /** `karguzar-<env>`: prefix of the vault, plan and selection names. */
  readonly prefix: string;
  /** The data key encrypts the vault (the table and the archive are already under it). */
  readonly key: IKey;
  readonly table: ITable;
  /** The archive bucket (versioned, as S3 backups require). */
  readonly archive: IBucket;
  /**
   * Vault lock in COMPLIANCE mode: after a 3-day grace period nobody (the root account included)
   * can delete the vault, its recovery points before their retention ends, or shorten the lock.
   * Otherwise GOVERNANCE mode: the same rules, but an administrator may remove the lock (for
   * developer environments). @default true
   */
  readonly compliance?: boolean;
}

const MANAGED = [
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'AWSBackupServiceRolePolicyForS3Backup',
] as const;

/**
 * A copy of the table and the archive bucket outside the account's own write paths: AWS Backup,
 * daily (kept 35 days) and monthly (kept a year), in a vault encrypted with the data key and
 * locked, so that a compromised deployment role or a mistaken stack change cannot remove it.
 * Point-in-time recovery (35 days) stays the table's first line; Object Lock the archive's.
 *
 * Resources are defined directly in `scope` (the stack), with fixed ids (`BackupVault`,
 * `BackupPlan`, `BackupRole`, `BackupSelection`): their logical ids are pinned by the tests.
 */
export class Backup {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  readonly role: Role;

  constructor(scope: Construct, props: BackupProps) {
    const compliance = props.compliance ?? true;
    this.vault = new BackupVault(scope, 'BackupVault', {
      backupVaultName: `${props.prefix}-vault`,
      encryptionKey: props.key,
      lockConfiguration: {
        // Rules may not keep anything for less: no recovery point can be cut short.
        minRetention: Duration.days(BACKUP_RETENTION.dailyDays),
        ...(compliance ? { changeableFor: Duration.days(3) } : {}),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.plan = new BackupPlan(scope, 'BackupPlan', {
      backupPlanName: `${props.prefix}-plan`,
      backupVault: this.vault,
      backupPlanRules: [
        // After the nightly integrity check (02:00 Baku) has had its run.
        new BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: Schedule.cron({ hour: '5', minute: '0' }),
          scheduleExpressionTimezone: TimeZone.ASIA_BAKU,
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: Duration.days(BACKUP_RETENTION.dailyDays),
        }),
        new BackupPlanRule({
          ruleName: 'monthly',
          scheduleExpression: Schedule.cron({ day: '1', hour: '5', minute: '0' }),
          scheduleExpressionTimezone: TimeZone.ASIA_BAKU,
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(12),
          deleteAfter: Duration.days(BACKUP_RETENTION.monthlyDays),
        }),
      ],
    });
    this.plan.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // Backup only: a restore is an operator's act, with a restore role chosen then.
    this.role = new Role(scope, 'BackupRole', {
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: back up the Kargüzar table and archive bucket',
      managedPolicies: MANAGED.map((name) => ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    for (const name of MANAGED) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`,
        reason:
          'AWS Backup documents these AWS managed policies as the backup role of DynamoDB and S3 backups; they follow new backup features, and the role can only be assumed by AWS Backup.',
      });
    }
    new BackupSelection(scope, 'BackupSelection', {
      backupPlan: this.plan,
      backupSelectionName: `${props.prefix}-data`,
      role: this.role,
      disableDefaultBackupPolicy: true,
      resources: [
        BackupResource.fromDynamoDbTable(props.table),
        BackupResource.fromArn(props.archive.bucketArn),
      ],
    });
  }
}
