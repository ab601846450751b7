import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { Search } from '../../infra/aws/constructs/search';
import { actionsOf, bareStack, environmentOf, logicalId, stubEntry } from './bare-stack';

let search: Search;
let key: Key;
let reader: ProjectFunction;
let writer: ProjectFunction;
let template: Template;
beforeAll(() => {
  const stack = bareStack();
  key = new Key(stack, 'Key');
  search = new Search(stack, { prefix: 'karguzar-test', key });
  reader = new ProjectFunction(stack, 'Reader', { entry: stubEntry, description: 'reader' });
  writer = new ProjectFunction(stack, 'Writer', { entry: stubEntry, description: 'writer' });
  search.bind(reader, 'read');
  search.bind(writer, 'write');
  template = Template.fromStack(stack);
});

type Rule = { Description: string; Rules: Array<{ Permission: string[] }>; Principal: unknown[] };
const accessRules = (): Rule[] => {
  const [policy] = Object.values(template.findResources('AWS::OpenSearchServerless::AccessPolicy'));
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
    template.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'encryption' });
    template.hasResourceProperties('AWS::OpenSearchServerless::SecurityPolicy', { Type: 'network' });
    template.hasResourceProperties('AWS::OpenSearchServerless::AccessPolicy', { Type: 'data' });
    template.hasResourceProperties('AWS::OpenSearchServerless::Collection', { Type: 'SEARCH' });
    const [encryption] = Object.values(
      template.findResources('AWS::OpenSearchServerless::SecurityPolicy'),
    ).filter((p) => p.Properties.Type === 'encryption');
    expect(JSON.stringify(encryption!.Properties.Policy)).toContain(logicalId(key));
  });

  it('creates the policies before the collection', () => {
    const [collection] = Object.values(template.findResources('AWS::OpenSearchServerless::Collection'));
    expect(collection!.DependsOn).toHaveLength(2);
  });
});

describe('bind', () => {
  it('sets SEARCH_ENDPOINT and allows aoss:APIAccessAll on the collection', () => {
    for (const pf of [reader, writer]) {
      const vars = environmentOf(template, pf);
      expect(vars.SEARCH_ENDPOINT).toEqual({
        'Fn::GetAtt': [logicalId(search.collection), 'CollectionEndpoint'],
      });
      expect(actionsOf(template, logicalId(pf.role))).toContain('aoss:APIAccessAll');
    }
  });

  it('lets writers index and readers only query', () => {
    const rules = accessRules();
    const writers = rules.find((r) => r.Description.startsWith('Indexer'))!;
    const readers = rules.find((r) => r.Description.startsWith('API and tasks'))!;
    expect(writers.Principal).toEqual([logicalId(writer.role)]);
    expect(writers.Rules.flatMap((r) => r.Permission)).toContain('aoss:WriteDocument');
    expect(readers.Principal).toEqual([logicalId(reader.role)]);
    expect(readers.Rules.flatMap((r) => r.Permission).sort()).toEqual([
      'aoss:DescribeIndex',
      'aoss:ReadDocument',
    ]);
  });

  it('has no data access policy while nothing is bound', () => {
    const stack = bareStack();
    new Search(stack, { prefix: 'karguzar-test', key: new Key(stack, 'Key') });
    Template.fromStack(stack).resourceCountIs('AWS::OpenSearchServerless::AccessPolicy', 0);
  });
});
