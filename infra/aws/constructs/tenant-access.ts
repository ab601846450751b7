import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import {
  ArnPrincipal,
  CompositePrincipal,
  PolicyDocument,
  PolicyStatement,
  PrincipalWithConditions,
  Role,
} from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { ProjectFunction } from './project-function';
import { TENANT_TAG, tenantAccessPolicy } from '../../../functions/platform/tenant-access/policy';

export interface TenantAccessProps {
  readonly table: ITable;
  readonly buckets: readonly Bucket[];
  /** The data key of the table and the buckets (used only through DynamoDB and S3). */
  readonly key: IKey;
  /** The API route groups' functions: the only ones that may assume the role. */
  readonly apiFunctions: readonly ProjectFunction[];
}

/** Only a session tagged `tenant`, and with no other tag, may be opened. */
const TAGGED_WITH_TENANT_ONLY = {
  Null: { [`aws:RequestTag/${TENANT_TAG}`]: 'false' },
  'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_TAG] },
};

/**
 * Tenant isolation in IAM as well as in code (issue 18). `TenantAccessRole` grants the request
 * path's item, object and key actions on the tenant's own partitions and prefixes only, naming the
 * tenant by the session tag `tenant` (functions/platform/tenant-access/policy.ts: one role for
 * every tenant). The API route groups' roles may assume it, with that tag and no other, for an
 * hour at most; their functions get TENANT_ACCESS_ROLE_ARN and run every request that carries a
 * tenant with its tenant's session (functions/wiring/tenant-access.ts). Tasks, the stream
 * consumer and the operator's, public and invitation routes keep their function's role.
 *
 * Defined directly in the stack like the other concerns (construct id `TenantAccessRole`).
 */
export class TenantAccess {
  readonly role: Role;

  constructor(scope: Construct, props: TenantAccessProps) {
    const callers = props.apiFunctions.map((pf) => new ArnPrincipal(pf.role.roleArn));
    const document = tenantAccessPolicy({
      tableArn: props.table.tableArn,
      bucketArns: props.buckets.map((b) => b.bucketArn),
      dataKeyArn: props.key.keyArn,
      region: Aws.REGION,
    });
    this.role = new Role(scope, 'TenantAccessRole', {
      description: "Kargüzar tenant-scoped credentials: one tenant's items and objects (session tag tenant)",
      assumedBy: new PrincipalWithConditions(new CompositePrincipal(...callers), TAGGED_WITH_TENANT_ONLY),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: { TenantAccess: PolicyDocument.fromJson(document) },
    });
    // Sessions carry the tenant as a tag: the trust policy's statement allows sts:TagSession too.
    this.role.assumeRolePolicy?.addStatements(
      new PolicyStatement({
        actions: ['sts:TagSession'],
        principals: callers,
        conditions: TAGGED_WITH_TENANT_ONLY,
      }),
    );

    for (const pf of props.apiFunctions) {
      pf.addEnvironment({ TENANT_ACCESS_ROLE_ARN: this.role.roleArn });
      pf.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: [this.role.roleArn],
          conditions: TAGGED_WITH_TENANT_ONLY,
        }),
      );
    }

    const stack = Stack.of(scope);
    const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);
    const tableArn = `<${id(props.table)}.Arn>`;
    const reasons: Array<[string, string]> = [
      [
        `Resource::${tableArn}/index/*`,
        "Queries on the table's two GSIs, held by dynamodb:LeadingKeys to the session's tenant partitions (and the read-only registries).",
      ],
      ...props.buckets.map((b): [string, string] => [
        `Resource::<${id(b)}.Arn>/<aws:PrincipalTag/${TENANT_TAG}>/*`,
        "Objects under the session's own tenant prefix only (the prefix is the session tag).",
      ]),
    ];
    for (const [finding, reason] of reasons)
      Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}
