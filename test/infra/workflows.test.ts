import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAslFolder, taskPlaceholders } from '../../infra/aws/asl';
import type { AppFunctionOptions } from '../../infra/aws/constructs/app-functions';
import { Monitoring } from '../../infra/aws/constructs/monitoring';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { Workflows } from '../../infra/aws/constructs/workflows';
import { entries } from '../../infra/aws/entries';
import {
  actionsOf,
  bareStack,
  environmentOf,
  logicalId,
  plainFunctions,
  statementsOf,
  stubEntry,
} from './bare-stack';
import { projectRoot } from './synth';

const aslFiles = readdirSync(join(projectRoot, 'statemachines')).filter((f) => f.endsWith('.asl.json'));
let workflows: Workflows;
let fn: ProjectFunction;
let quiet: ProjectFunction;
let template: Template;
const tasks = new Map<string, { options: AppFunctionOptions; pf: ProjectFunction }>();
beforeAll(() => {
  const stack = bareStack();
  workflows = new Workflows(stack, {
    prefix: 'karguzar-test',
    definitions: readAslFolder(join(projectRoot, 'statemachines')),
    taskEntry: (name) => join(projectRoot, entries.task(name)),
    taskGrants: (name) => entries.grants.tasks[name] ?? [],
    monitoring: new Monitoring(stack, { key: new Key(stack, 'Key') }),
  });
  fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  workflows.bind(fn, ['machine:daily-digest', 'machine:execution-deadline', 'machines:signal']);
  quiet = new ProjectFunction(stack, 'Quiet', { entry: stubEntry, description: 'no machines' });
  workflows.bind(quiet, ['table:read']);
  const plain = plainFunctions(stack);
  workflows.addMachines((id, options) => {
    const pf = plain(id, options);
    tasks.set(id, { options, pf });
    return pf;
  });
  template = Template.fromStack(stack);
});

const machines = (): Array<Record<string, unknown>> =>
  Object.values(template.findResources('AWS::StepFunctions::StateMachine')).map((m) => m.Properties);

describe('state machines', () => {
  it('creates one STANDARD state machine per statemachines/*.asl.json', () => {
    expect(machines()).toHaveLength(aslFiles.length);
    expect(
      machines()
        .map((m) => m.StateMachineName)
        .sort(),
    ).toEqual(aslFiles.map((f) => `karguzar-test-${f.replace('.asl.json', '')}`).sort());
    for (const m of machines()) {
      expect(m).toMatchObject({
        StateMachineType: 'STANDARD',
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
        TracingConfiguration: { Enabled: true },
      });
    }
  });

  it('maps every ${fn_<name>} placeholder to its task Lambda', () => {
    for (const file of aslFiles) {
      const name = `karguzar-test-${file.replace('.asl.json', '')}`;
      const machine = machines().find((m) => m.StateMachineName === name)!;
      const names = taskPlaceholders(readFileSync(join(projectRoot, 'statemachines', file), 'utf8'));
      const subs = machine.DefinitionSubstitutions as Record<string, unknown>;
      expect(Object.keys(subs).sort()).toEqual(names.map((t) => `fn_${t}`).sort());
      for (const t of names) {
        const task = [...tasks].find(([id]) => id.toLowerCase() === `task${t}fn`.toLowerCase());
        expect(task, t).toBeDefined();
        expect(subs[`fn_${t}`]).toEqual({ 'Fn::GetAtt': [logicalId(task![1].pf.fn), 'Arn'] });
      }
    }
  });

  it('logs to the fixed vended log group and alarms on failed executions', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/karguzar-test',
    });
    // One metric-math alarm per machine over failed, timed-out and aborted executions.
    const failed = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) =>
      JSON.stringify(a.Properties.Metrics ?? []).includes('"MetricName":"ExecutionsFailed"'),
    );
    expect(failed).toHaveLength(aslFiles.length);
  });
});

describe('task Lambdas', () => {
  it('gives tasks the async DLQ and the capabilities entries.ts declares for them', () => {
    expect(tasks.size).toBeGreaterThan(0);
    for (const [id, { options }] of tasks) {
      expect(options.deadLetterQueue).toBe(workflows.asyncDlq);
      const name = id.replace(/^Task/, '').replace(/Fn$/, '');
      expect(options.grants).toEqual(entries.grants.tasks[name[0]!.toLowerCase() + name.slice(1)]);
    }
  });
});

describe('the archive integrity machine', () => {
  it('is deployed with its two tasks, the check given the 15 minutes its state allows', () => {
    expect(machines().map((m) => m.StateMachineName)).toContain('karguzar-test-archive-integrity');
    const check = tasks.get('TaskArchiveIntegrityCheckFn');
    const plan = tasks.get('TaskArchiveIntegrityPlanFn');
    expect(check?.options.timeout?.toSeconds()).toBe(900);
    expect(plan?.options.timeout?.toSeconds()).toBe(60);
  });
});

describe('bind', () => {
  const statements = (): ReturnType<typeof statementsOf> => statementsOf(template, logicalId(fn.role));

  it('sets the ARNs (from names) of the machines the function starts only, and {} for the others', () => {
    const vars = environmentOf(template, fn);
    const arns = JSON.stringify(vars.STATE_MACHINE_ARNS);
    expect(arns).toMatch(/stateMachine:karguzar-test-daily-digest/);
    expect(arns).toMatch(/stateMachine:karguzar-test-execution-deadline/);
    expect(arns).not.toMatch(/document-route/);
    expect(environmentOf(template, quiet).STATE_MACHINE_ARNS).toBe('{}');
    for (const name of ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'SCHEDULER_DLQ_ARN']) {
      expect(vars).not.toHaveProperty(name);
    }
  });

  it('starts, describes and stops only the declared machines, and signals the deployed ones', () => {
    const start = statements().find((s) => [s.Action].flat().includes('states:StartExecution'))!;
    expect([start.Action].flat()).toEqual(['states:StartExecution']);
    expect([start.Resource].flat()).toHaveLength(2);
    expect(JSON.stringify(start.Resource)).toMatch(/stateMachine:karguzar-test-daily-digest/);
    expect(JSON.stringify(start.Resource)).toMatch(/stateMachine:karguzar-test-execution-deadline/);
    const stop = statements().find((s) => [s.Action].flat().includes('states:StopExecution'))!;
    expect([stop.Resource].flat()).toHaveLength(2);
    for (const r of [stop.Resource].flat())
      expect(JSON.stringify(r)).toMatch(/:execution:karguzar-test-(daily-digest|execution-deadline):\*/);
    const signal = statements().find((s) => [s.Action].flat().includes('states:SendTaskSuccess'))!;
    expect([signal.Resource].flat()).toHaveLength(aslFiles.length);
    expect(actionsOf(template, logicalId(quiet.role)).filter((a) => a.startsWith('states:'))).toEqual([]);
  });

  it('grants nothing of EventBridge Scheduler and passes no role', () => {
    const actions = [logicalId(fn.role), logicalId(quiet.role)].flatMap((r) => actionsOf(template, r));
    expect(actions.filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 0);
  });
});
