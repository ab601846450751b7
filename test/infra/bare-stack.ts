import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll } from 'vitest';
import { APP_CONTEXT } from '../../infra/aws/build';
import type { AppFunctionOptions, NewAppFunction } from '../../infra/aws/constructs/app-functions';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';

/**
 * A bare stack for testing one concern on its own: the app's feature flags (so constructs behave
 * as in `cdk synth`), no bundling, no CloudFormation schema validation, no cdk-nag (the
 * composition test runs those on the real app).
 */
export function bareStack(): Stack {
  const app = new App({
    builtinCloudFormationValidation: false,
    outdir: mkdtempSync(join(tmpdir(), 'karguzar-cdk-bare-')),
    context: { ...APP_CONTEXT, 'aws:cdk:bundling-stacks': [] },
  });
  return new Stack(app, 'Test', { env: { account: '111111111111', region: 'eu-central-1' } });
}

/**
 * Before the file's tests: `build` puts the constructs under test on a fresh bare stack; the
 * object returned then holds what `build` returned, and the stack's synthesized `template`.
 */
export function onBareStack<T extends object>(build: (stack: Stack) => T): T & { template: Template } {
  const built = {} as T & { template: Template };
  beforeAll(() => {
    const stack = bareStack();
    Object.assign(built, build(stack));
    built.template = Template.fromStack(stack);
  });
  return built;
}

/** Logical id of an L1, or of an L2's default child. */
export const logicalId = (c: IConstruct): string =>
  Stack.of(c).getLogicalId(c instanceof CfnElement ? c : (c.node.defaultChild as CfnElement));

/** The environment variables the template gives a project function. */
export function environmentOf(template: Template, pf: ProjectFunction): Record<string, unknown> {
  const fn = template.findResources('AWS::Lambda::Function')[logicalId(pf.fn)];
  return (fn?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

/** An entry file that exists (bundling is skipped, only its path matters). */
export const stubEntry = join(import.meta.dirname, 'fixture/functions/handlers/alpha.handler.ts');

export const appFunctionOptions = (overrides: Partial<AppFunctionOptions> = {}): AppFunctionOptions => ({
  entry: stubEntry,
  description: 'test function',
  timeout: Duration.seconds(10),
  grants: [],
  ...overrides,
});

/** A function factory without the shared data plane: only what the concern under test binds. */
export const plainFunctions =
  (stack: Stack): NewAppFunction =>
  (id, options) =>
    new ProjectFunction(stack, id, {
      entry: options.entry,
      description: options.description,
      timeout: options.timeout,
      deadLetterQueue: options.deadLetterQueue,
    });

export interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Statements of the policies attached to a role (CDK's DefaultPolicy and separate policies). */
export function statementsOf(template: Template, roleLogicalId: string): Statement[] {
  const out: Statement[] = [];
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    const roles = policy.Properties.Roles as Array<{ Ref: string }>;
    if (!roles.some((r) => r.Ref === roleLogicalId)) continue;
    out.push(...(policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  }
  return out;
}

/** Every IAM action granted to a role, flattened. */
export const actionsOf = (...args: Parameters<typeof statementsOf>): string[] =>
  statementsOf(...args).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
