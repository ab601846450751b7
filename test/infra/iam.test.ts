import { beforeAll, describe, expect, it } from 'vitest';
import { synth, type Synthesized } from './synth';

/** Least privilege across both stacks of the real app (every policy, inline or attached). */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});

describe('IAM', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
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

  it('lets only the stream consumer and the integrity task delete object versions, and nobody delete objects', () => {
    const deleters = allowStatements()
      .filter(({ st }) => list(st.Action).includes('s3:DeleteObjectVersion'))
      .map(({ where }) => where);

    // One statement per bucket.
    expect([...new Set(deleters)].sort()).toEqual([
      expect.stringMatching(/^StreamFn/),
      expect.stringMatching(/^TaskArchiveIntegrityCheckFn/),
    ]);
    expect(allowStatements().some(({ st }) => list(st.Action).includes('s3:DeleteObject'))).toBe(false);
  });

  it('never grants "*" actions, nor "<service>:*" on DynamoDB, S3 or KMS', () => {
    for (const { where, st } of allowStatements()) {
      for (const action of list(st.Action)) {
        expect(action, where).not.toBe('*');
        expect(action, where).not.toMatch(/^(dynamodb|s3|kms):\*$/);
      }
    }
  });

  it('never grants DynamoDB, S3 or KMS actions on "*" resources (but kms:CreateKey, which names none)', () => {
    for (const { where, st } of allowStatements()) {
      if (!list(st.Action).some((a) => DATA.test(a))) continue;
      if (list(st.Action).every((a) => a === 'kms:CreateKey')) continue;
      for (const resource of list(st.Resource)) expect(resource, where).not.toBe('*');
    }
  });

  it('lets kms:CreateKey make only tagged ECC P-256 signing keys of KMS origin', () => {
    const creates = allowStatements().filter(({ st }) => list(st.Action).includes('kms:CreateKey'));
    expect(creates.length).toBeGreaterThan(0);
    for (const { where, st } of creates) {
      expect(list(st.Action), where).toEqual(['kms:CreateKey']);
      expect(st.Condition, where).toEqual({
        StringEquals: {
          'kms:KeySpec': 'ECC_NIST_P256',
          'kms:KeyUsage': 'SIGN_VERIFY',
          'kms:KeyOrigin': 'AWS_KMS',
          'aws:RequestTag/karguzar:purpose': 'document-signing',
        },
        'ForAllValues:StringEquals': {
          'aws:TagKeys': ['karguzar:tenant', 'karguzar:owner', 'karguzar:purpose'],
        },
      });
    }
  });

  it('scopes states:StartExecution and states:SendTaskSuccess/SendTaskFailure to the project state machines', () => {
    const grants = allowStatements().filter(({ st }) =>
      list(st.Action).some((a) => ['states:StartExecution', 'states:SendTaskSuccess'].includes(a)),
    );
    expect(Object.keys(s.main.workflows.stateMachines).length).toBeGreaterThan(0);
    expect(grants.length).toBeGreaterThan(0);
    for (const { st } of grants) {
      for (const r of list(st.Resource)) expect(JSON.stringify(r)).toMatch(/:stateMachine:karguzar-prod-/);
    }
  });

  it('scopes states:StopExecution to executions of the project state machines', () => {
    const grants = allowStatements().filter(({ st }) => list(st.Action).includes('states:StopExecution'));
    expect(grants.length).toBeGreaterThan(0);
    for (const { st } of grants) {
      for (const r of list(st.Resource))
        expect(JSON.stringify(r)).toMatch(/:execution:karguzar-prod-[a-z-]+:\*/);
    }
  });
});
