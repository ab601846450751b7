import { beforeAll, describe, expect, it } from 'vitest';
import { entries, type Capability } from '../../infra/aws/entries';
import { logicalId } from './bare-stack';
import { synth, type Synthesized } from './synth';

/**
 * Least privilege per application function (issue 18): every role of the real stack, checked
 * against the capabilities entries.ts declares for its route group, task or stream consumer.
 */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Every statement of every policy attached to the role (inline policies and separate ones). */
function statementsOf(roleId: string): Statement[] {
  const out: Statement[] = [];
  for (const policy of Object.values(s.mainTemplate.findResources('AWS::IAM::Policy'))) {
    const roles = policy.Properties.Roles as Array<{ Ref: string }>;
    if (!roles.some((r) => r.Ref === roleId)) continue;
    out.push(...(policy.Properties.PolicyDocument.Statement as Statement[]));
  }
  return out;
}
const allows = (roleId: string): Statement[] => statementsOf(roleId).filter((st) => st.Effect === 'Allow');
const allowedActions = (roleId: string): string[] => allows(roleId).flatMap((st) => list(st.Action));

/** The application functions with what each declares. */
function appFunctions(): Array<{ id: string; role: string; grants: readonly Capability[] }> {
  const byId = (id: string): readonly Capability[] | undefined => {
    if (id === 'StreamFn') return entries.grants.stream;
    const group = Object.keys(entries.grants.routeGroups).find((g) => id === `Api${pascal(g)}Fn`);
    if (group) return entries.grants.routeGroups[group];
    const task = Object.keys(entries.grants.tasks).find((t) => id === `Task${pascal(t)}Fn`);
    return task ? entries.grants.tasks[task] : undefined;
  };
  return Object.entries(s.main.functions)
    .filter(([id]) => /^(Api|Task|Stream)/.test(id))
    .map(([id, pf]) => ({ id, role: logicalId(pf.role), grants: byId(id)! }));
}
const pascal = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

describe('least privilege per function', () => {
  it('knows the declared capabilities of every application function', () => {
    const fns = appFunctions();
    expect(fns.length).toBeGreaterThan(10);
    for (const f of fns) expect(f.grants, f.id).toBeDefined();
  });

  it('never grants Scan or BatchWriteItem, and DeleteItem only to the functions that delete', () => {
    for (const f of appFunctions()) {
      const actions = allowedActions(f.role);
      expect(actions, f.id).not.toContain('dynamodb:Scan');
      expect(actions, f.id).not.toContain('dynamodb:BatchWriteItem');
      expect(actions.includes('dynamodb:DeleteItem'), f.id).toBe(f.grants.includes('table:delete'));
      expect(actions.includes('dynamodb:PutItem'), f.id).toBe(f.grants.includes('table:write'));
      expect(
        actions.some((a) => /^dynamodb:\w*\*$/.test(a)),
        f.id,
      ).toBe(false);
    }
  });

  it('gives the health and configuration function table reads only: no write, bucket, signing, machine or sending grant', () => {
    const system = appFunctions().find((f) => f.id === 'ApiSystemFn')!;
    const actions = allowedActions(system.role);
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    // The table is encrypted with the data key: reading it decrypts, nothing more.
    expect(actions.filter((a) => a.startsWith('kms:')).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    for (const st of allows(system.role).filter((x) => list(x.Action).some((a) => a.startsWith('kms:')))) {
      expect(JSON.stringify(st.Resource)).toContain(logicalId(s.main.data.dataKey));
    }
    const forbidden = /^(s3|states|sns|ses|scheduler|cognito-idp|aoss|iam):/;
    expect(actions.filter((a) => forbidden.test(a))).toEqual([]);
  });

  it('lets route groups update items of tenant partitions only for the quota, beyond their capabilities', () => {
    for (const f of appFunctions()) {
      for (const st of allows(f.role)) {
        if (!list(st.Action).includes('dynamodb:UpdateItem')) continue;
        if (f.grants.includes('table:write')) continue;
        expect(list(st.Action), f.id).toEqual(['dynamodb:UpdateItem']);
        expect(st.Condition, f.id).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['$karguzar#tenantId_*'] },
        });
      }
    }
    const registries = appFunctions().find((f) => f.id === 'ApiCitizenRegistriesFn')!;
    expect(allowedActions(registries.role)).toContain('dynamodb:UpdateItem');
  });

  it('lets only the archive writers set retention or legal holds, and only the declared buckets', () => {
    const archive = logicalId(s.main.storage.archive);
    const attachments = logicalId(s.main.storage.attachments);
    const lockers: string[] = [];
    for (const f of appFunctions()) {
      for (const st of allows(f.role)) {
        const actions = list(st.Action).filter(
          (a) => a === 's3:PutObjectRetention' || a === 's3:PutObjectLegalHold',
        );
        if (actions.length === 0) continue;
        lockers.push(f.id);
        expect(JSON.stringify(st.Resource), f.id).toContain(archive);
        expect(JSON.stringify(st.Resource), f.id).not.toContain(attachments);
        for (const a of actions) {
          const cap = a === 's3:PutObjectRetention' ? 'archive:retention' : 'archive:legalHold';
          expect(f.grants, `${f.id} ${a}`).toContain(cap);
        }
      }
    }
    expect([...new Set(lockers)].sort()).toEqual([
      'ApiArchiveFn',
      'StreamFn',
      'TaskArchiveIntegrityCheckFn',
      'TaskArchiveTransferBuildFn',
    ]);
  });

  it('gives bucket and KMS signing rights only to the functions that declare them', () => {
    for (const f of appFunctions()) {
      const actions = allowedActions(f.role);
      const files = f.grants.some((c) => c.startsWith('attachments:') || c.startsWith('archive:'));
      expect(
        actions.some((a) => a.startsWith('s3:')),
        f.id,
      ).toBe(files);
      expect(actions.includes('kms:CreateKey'), f.id).toBe(f.grants.includes('signingKeys'));
      expect(
        actions.some((a) => a.startsWith('s3:') && a.endsWith('*')),
        f.id,
      ).toBe(false);
    }
  });

  it('lets only the functions that start machines start them, and only those machines', () => {
    for (const f of appFunctions()) {
      const machines = f.grants.filter((c) => c.startsWith('machine:')).map((c) => c.slice(8));
      const starts = allows(f.role).filter((st) => list(st.Action).includes('states:StartExecution'));
      if (machines.length === 0) {
        expect(starts, f.id).toEqual([]);
        continue;
      }
      const resources = starts.flatMap((st) => list(st.Resource)).map((r) => JSON.stringify(r));
      expect(resources.length, f.id).toBe(machines.length);
      for (const m of machines) {
        expect(
          resources.some((r) => r.includes(`stateMachine:karguzar-prod-${m}"`)),
          `${f.id} ${m}`,
        ).toBe(true);
      }
    }
  });

  it('leaves no EventBridge Scheduler grant, schedule group or scheduler role, and no iam:PassRole', () => {
    for (const f of appFunctions()) {
      const actions = allowedActions(f.role);
      expect(
        actions.filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole'),
        f.id,
      ).toEqual([]);
    }
    s.mainTemplate.resourceCountIs('AWS::Scheduler::ScheduleGroup', 0);
    const roles = Object.values(s.mainTemplate.findResources('AWS::IAM::Role'));
    expect(JSON.stringify(roles)).not.toContain('scheduler.amazonaws.com');
  });

  it('never allows sns:Publish on "*" without a Deny of it on every topic in the same policy', () => {
    const senders: string[] = [];
    for (const [id, policy] of Object.entries(s.mainTemplate.findResources('AWS::IAM::Policy'))) {
      const statements = policy.Properties.PolicyDocument.Statement as Statement[];
      const wide = statements.filter(
        (st) =>
          st.Effect === 'Allow' && list(st.Action).includes('sns:Publish') && list(st.Resource).includes('*'),
      );
      if (wide.length === 0) continue;
      senders.push(id);
      expect(
        wide.map((st) => st.Action),
        id,
      ).toEqual(['sns:Publish']);
      const deny = statements.filter((st) => st.Effect === 'Deny' && list(st.Action).includes('sns:Publish'));
      expect(
        deny.map((st) => JSON.stringify(st.Resource)),
        id,
      ).toEqual([
        expect.stringMatching(
          /^"arn:(aws|[^"]*Partition[^"]*):sns:\*:\*:\*"$|^\{"Fn::Join".*":sns:\*:\*:\*"\]\]\}$/,
        ),
      ]);
    }
    const smsSenders = appFunctions().filter((f) => f.grants.includes('sms'));
    expect(senders).toHaveLength(smsSenders.length);
    for (const f of appFunctions()) {
      expect(allowedActions(f.role).includes('sns:Publish'), f.id).toBe(f.grants.includes('sms'));
      expect(allowedActions(f.role).includes('ses:SendEmail'), f.id).toBe(f.grants.includes('email'));
    }
  });

  it('deploys only the machines some function starts', () => {
    expect(Object.keys(s.main.workflows.stateMachines).sort()).toEqual([
      'archive-integrity',
      'archive-transfer',
      'content-text',
      'daily-digest',
      'daily-digest-send',
      'document-route',
      'eservice-application',
      'eservice-level-watch',
      'exchange-receipt',
      'execution-deadline',
      'report-export',
      'substitution-period',
      'webhook-delivery',
    ]);
    expect(s.main.functions.TaskRegisterTaskFn).toBeUndefined();
    expect(s.main.functions.TaskSendNotificationFn).toBeUndefined();
  });
});
