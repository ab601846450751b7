import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { Search } from '../../infra/aws/constructs/search';
import { actionsOf, bareStack, environmentOf, logicalId, onBareStack, stubEntry } from './bare-stack';

const s = onBareStack((stack) => {
  const key = new Key(stack, 'Key');
  const search = new Search(stack, { prefix: 'karguzar-test', key, enabled: true });
  const reader = new ProjectFunction(stack, 'Reader', { entry: stubEntry, description: 'reader' });
  const writer = new ProjectFunction(stack, 'Writer', { entry: stubEntry, description: 'writer' });
  const other = new ProjectFunction(stack, 'Other', { entry: stubEntry, description: 'no search' });
  search.bind(reader, ['search:read']);
  search.bind(writer, ['search:write']);
  search.bind(other, ['table:read']);
  return { search, key, reader, writer, other };
});

type Rule = { Description: string; Rules: Array<{ Permission: string[] }>; Principal: unknown[] };
const accessRules = (): Rule[] => {
  const [policy] = Object.values(s.template.findResources('AWS::OpenSearchServerless::AccessPolicy'));
  return JSON.parse(resolveJoin(policy!.Properties.Policy)) as Rule[];
};
/** The policy is a Fn::Join of JSON text and role ARNs: put each role's logical id in its place. */
function resolveJoin(value: unknown): string {
  if (typeof value === 'string') return value;
  const [, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return parts
    .map((p) => (typeof p === 'string' ? p : `${(p as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]}`))
    .join('');
}

describe('collection', () => {
  it('encrypts the collection with the data key and restricts data access to project roles', () => {
    s.template.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'encryption' });
    s.template.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'network' });
    s.template.hasResourceProperties('AWS::OpenSearchServerless::AccessPolicy', { Type: 'data' });
    s.template.hasResourceProperties('AWS::OpenSearchServerless::Collection', { Type: 'SEARCH' });
    const [encryption] = Object.values(
      s.template.findResources('AWS::OpenSearchServerless::SecurityPolicy'),
    ).filter((p) => p.Properties.Type === 'encryption');
    expect(JSON.stringify(encryption!.Properties.Policy)).toContain(logicalId(s.key));
  });

  it('creates the policies before the collection', () => {
    const [collection] = Object.values(s.template.findResources('AWS::OpenSearchServerless::Collection'));
    expect(collection!.DependsOn).toHaveLength(2);
  });
});

describe('bind', () => {
  it('sets SEARCH_ENDPOINT and allows aoss:APIAccessAll on the collection', () => {
    for (const pf of [s.reader, s.writer]) {
      const vars = environmentOf(s.template, pf);
      expect(vars.SEARCH_ENDPOINT).toEqual({
        'Fn::GetAtt': [logicalId(s.search.collection!), 'CollectionEndpoint'],
      });
      expect(actionsOf(s.template, logicalId(pf.role))).toContain('aoss:APIAccessAll');
    }
  });

  it('gives a function without a search capability neither the endpoint nor access', () => {
    expect(environmentOf(s.template, s.other)?.SEARCH_ENDPOINT).toBeUndefined();
    expect(actionsOf(s.template, logicalId(s.other.role))).not.toContain('aoss:APIAccessAll');
    expect(JSON.stringify(accessRules())).not.toContain(logicalId(s.other.role));
  });

  it('lets writers index and readers only query', () => {
    const rules = accessRules();
    const writers = rules.find((r) => r.Description.startsWith('Indexer'))!;
    const readers = rules.find((r) => r.Description.startsWith('API and tasks'))!;
    expect(writers.Principal).toEqual([logicalId(s.writer.role)]);
    expect(writers.Rules.flatMap((r) => r.Permission)).toContain('aoss:WriteDocument');
    expect(readers.Principal).toEqual([logicalId(s.reader.role)]);
    expect(readers.Rules.flatMap((r) => r.Permission).sort()).toEqual([
      'aoss:DescribeIndex',
      'aoss:ReadDocument',
    ]);
  });

  it('has no data access policy while nothing is bound', () => {
    const stack = bareStack();
    new Search(stack, { prefix: 'karguzar-test', key: new Key(stack, 'Key'), enabled: true });
    Template.fromStack(stack).resourceCountIs('AWS::OpenSearchServerless::AccessPolicy', 0);
  });
});
