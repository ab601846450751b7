import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

// Every rule of .dependency-cruiser.cjs proves it fails: test/boundaries/fixture plants one
// violation of each kind in a miniature tree of the same shape, and the real rules must name it.
const require = createRequire(import.meta.url);
const config = require('../../../.dependency-cruiser.cjs') as IConfiguration;
const fixture = join(import.meta.dirname, '../../boundaries/fixture');

let violations: Array<{ rule: string; from: string; to: string }> = [];

beforeAll(async () => {
  const result = await cruise(['functions', 'infra'], {
    ruleSet: { forbidden: config.forbidden ?? [] },
    baseDir: fixture,
    tsPreCompilationDeps: true,
    validate: true,
    doNotFollow: { path: 'node_modules' },
  });
  violations = (result.output as ICruiseResult).summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
  }));
}, 60_000);

const planted: Array<[rule: string, from: string]> = [
  ['no-cycles', 'functions/modules/gamma/domain/left.ts'],
  ['module-internals-are-private', 'functions/modules/alpha/usecases/private-internals.usecase.ts'],
  ['modules-seen-from-outside-through-their-index', 'functions/api/routes.ts'],
  ['domain-is-pure', 'functions/modules/beta/domain/impure.ts'],
  ['domain-imports-types-only-from-other-modules', 'functions/modules/beta/domain/runs-other-module.ts'],
  ['usecases-take-no-http-schemas', 'functions/modules/alpha/usecases/http-schema.usecase.ts'],
  ['usecases-talk-through-ports', 'functions/modules/alpha/usecases/adapter.usecase.ts'],
  ['ports-are-interfaces', 'functions/modules/alpha/ports.ts'],
  ['adapters-implement-ports', 'functions/modules/alpha/dynamodb/alpha-store.adapter.ts'],
  ['handlers-call-use-cases', 'functions/modules/alpha/api/alpha.api.ts'],
  ['platform-knows-no-module', 'functions/platform/http/knows-a-module.ts'],
  ['functions-never-import-the-outside', 'functions/platform/kernel/imports-infra.ts'],
  ['infra-aws-reads-the-route-table', 'infra/aws/app.ts'],
  ['infra-local-never-reaches-aws-infra', 'infra/local/reaches-aws.ts'],
];

describe('the boundary rules fail on planted violations', () => {
  it('plants one violation of every rule', () => {
    const rules = (config.forbidden ?? []).map((r) => r.name).sort();
    expect([...new Set(planted.map(([rule]) => rule))].sort()).toEqual(rules);
  });

  it.each(planted)('%s: %s', (rule, from) => {
    expect(violations.filter((v) => v.rule === rule).map((v) => v.from)).toContain(from);
  });

  it('finds nothing else in the miniature tree', () => {
    const expected = new Set(planted.map(([rule, from]) => `${rule} ${from}`));
    const unexpected = violations.filter(
      (v) => !expected.has(`${v.rule} ${v.from}`) && v.rule !== 'no-cycles',
    );
    expect(unexpected).toEqual([]);
  });
});
