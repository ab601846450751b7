import { beforeAll, describe, expect, it } from 'vitest';
import { TENANT_ITEM_ACTIONS, tenantLeadingKeys } from '../../functions/platform/tenant-access/policy';
import { synth, type Synthesized } from './synth';

/** Issue 18: tenant-scoped credentials for the request path, as the real app deploys them. */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});

type Json = Record<string, unknown>;
type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
};
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

function tenantRole(): [string, Json] {
  const roles = Object.entries(s.mainTemplate.findResources('AWS::IAM::Role')).filter(([id]) =>
    id.startsWith('TenantAccessRole'),
  );
  expect(roles).toHaveLength(1);
  return roles[0]!;
}
const props = (r: Json) => r.Properties as Json;
const logicalIds = (prefix: RegExp) =>
  Object.keys(s.main.functions)
    .filter((id) => prefix.test(id))
    .map((id) => s.main.getLogicalId(s.main.functions[id]!.role.node.defaultChild as never));

describe('the tenant access role', () => {
  it('lasts an hour at most and is assumable only by the API route groups, tagged with the tenant alone', () => {
    const [, role] = tenantRole();
    expect(props(role).MaxSessionDuration).toBe(3600);
    const trust = (props(role).AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
    expect(trust).toHaveLength(1);
    const [statement] = trust as [
      Statement & { Principal: { AWS: Array<{ 'Fn::GetAtt': [string, string] }> } },
    ];
    expect(list(statement.Action).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(statement.Condition).toEqual({
      Null: { 'aws:RequestTag/tenant': 'false' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
    });
    const principals = statement.Principal.AWS.map((p) => p['Fn::GetAtt'][0]).sort();
    const apiRoles = logicalIds(/^Api/).sort();
    expect(apiRoles.length).toBeGreaterThan(5);
    expect(principals).toEqual(apiRoles);
  });

  it("grants item actions only on the tenant's partitions, reads of the registries, and the tenant's objects", () => {
    const [, role] = tenantRole();
    const policies = props(role).Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>;
    const statements = policies.flatMap((p) => p.PolicyDocument.Statement);
    const bySid = Object.fromEntries(statements.map((st) => [st.Sid, st]));
    expect(Object.keys(bySid).sort()).toEqual([
      'DataKeyThroughStorage',
      'RegistryReads',
      'TenantItems',
      'TenantListings',
      'TenantObjects',
    ]);
    expect(list(bySid.TenantItems!.Action).sort()).toEqual([...TENANT_ITEM_ACTIONS].sort());
    expect(bySid.TenantItems!.Condition).toEqual({
      Null: { 'dynamodb:LeadingKeys': 'false' },
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': tenantLeadingKeys('${aws:PrincipalTag/tenant}') },
    });
    expect(list(bySid.RegistryReads!.Action).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    // No table-wide action, no deletion of objects or versions, nothing outside the data plane.
    for (const st of statements) {
      expect(st.Effect).toBe('Allow');
      for (const action of list(st.Action)) {
        expect(action).not.toMatch(/^dynamodb:(Scan|DescribeTable|PartiQL)|^s3:Delete|\*/);
        expect(action).toMatch(/^(dynamodb|s3|kms):/);
      }
    }
    const objects = JSON.stringify(bySid.TenantObjects!.Resource);
    expect(objects.match(/\/\$\{aws:PrincipalTag\/tenant\}\/\*/g)).toHaveLength(2);
    expect(JSON.stringify(bySid.DataKeyThroughStorage!.Condition)).toContain('kms:ViaService');
  });

  it('is bound into every API function, and into no task or stream function', () => {
    const [roleId] = tenantRole();
    const functions = s.mainTemplate.findResources('AWS::Lambda::Function');
    const bound = Object.entries(functions)
      .filter(([, f]) => {
        const variables = ((props(f).Environment as Json | undefined)?.Variables ?? {}) as Json;
        return (
          JSON.stringify(variables.TENANT_ACCESS_ROLE_ARN) ===
          JSON.stringify({ 'Fn::GetAtt': [roleId, 'Arn'] })
        );
      })
      .map(([id]) => id);
    const api = Object.keys(s.main.functions).filter((id) => id.startsWith('Api'));
    expect(bound).toHaveLength(api.length);
    for (const id of bound) expect(id).toMatch(/^Api/);
  });

  it('lets the API roles, and only them, open tagged sessions of it', () => {
    const [roleId] = tenantRole();
    const assumers: string[] = [];
    for (const [, p] of Object.entries(s.mainTemplate.findResources('AWS::IAM::Policy'))) {
      for (const st of (props(p).PolicyDocument as { Statement: Statement[] }).Statement) {
        if (!list(st.Action).includes('sts:AssumeRole')) continue;
        if (JSON.stringify(st.Resource) !== JSON.stringify({ 'Fn::GetAtt': [roleId, 'Arn'] })) continue;
        expect(list(st.Action).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
        expect(st.Condition).toEqual({
          Null: { 'aws:RequestTag/tenant': 'false' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
        });
        assumers.push(...(props(p).Roles as Array<{ Ref: string }>).map((r) => r.Ref));
      }
    }
    expect(assumers.sort()).toEqual(logicalIds(/^Api/).sort());
  });
});
