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
import { bareStack, environmentOf, logicalId, plainFunctions, statementsOf, stubEntry } from './bare-stack';
import { projectRoot } from './synth';

const aslFiles = readdirSync(join(projectRoot, 'statemachines')).filter((f) => f.endsWith('.asl.json'));
let workflows: Workflows;
let fn: ProjectFunction;
let template: Template;
const tasks = new Map<string, { options: AppFunctionOptions; pf: ProjectFunction }>();
beforeAll(() => {
  const stack = bareStack();
  workflows = new Workflows(stack, {
    prefix: 'karguzar-test',
    definitions: readAslFolder(join(projectRoot, 'statemachines')),
    taskEntry: (name) => join(projectRoot, entries.task(name)),
    monitoring: new Monitoring(stack, { key: new Key(stack, 'Key') }),
  });
  fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  workflows.bind(fn);
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
  it('gives tasks the async DLQ, notification rights and read access to search', () => {
    expect(tasks.size).toBeGreaterThan(0);
    for (const { options } of tasks.values()) {
      expect(options.deadLetterQueue).toBe(workflows.asyncDlq);
      expect(options.sendsNotifications).toBe(true);
      expect(options.search).toBe('read');
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

describe('scheduler', () => {
  it('lets the scheduler role start every machine and send failed deliveries to the DLQ', () => {
    const statements = statementsOf(template, logicalId(workflows.schedulerRole));
    const started = statements
      .filter((s) => [s.Action].flat().includes('states:StartExecution'))
      .flatMap((s) => [s.Resource].flat());
    expect(started).toHaveLength(aslFiles.length);
    expect(statements.some((s) => [s.Action].flat().includes('sqs:SendMessage'))).toBe(true);
  });
});

describe('bind', () => {
  const statements = (): ReturnType<typeof statementsOf> => statementsOf(template, logicalId(fn.role));

  it('sets the machine ARNs (from names) and the scheduler settings', () => {
    const vars = environmentOf(template, fn);
    expect(JSON.stringify(vars.STATE_MACHINE_ARNS)).toMatch(/stateMachine:karguzar-test-/);
    expect(vars.SCHEDULE_GROUP).toEqual({ Ref: logicalId(workflows.scheduleGroup) });
    expect(vars.SCHEDULER_ROLE_ARN).toEqual({ 'Fn::GetAtt': [logicalId(workflows.schedulerRole), 'Arn'] });
    expect(vars.SCHEDULER_DLQ_ARN).toEqual({ 'Fn::GetAtt': [logicalId(workflows.asyncDlq), 'Arn'] });
  });

  it('scopes states:* to the project machines and their executions', () => {
    const start = statements().find((s) => [s.Action].flat().includes('states:SendTaskSuccess'))!;
    expect([start.Resource].flat()).toHaveLength(aslFiles.length);
    for (const r of [start.Resource].flat())
      expect(JSON.stringify(r)).toMatch(/:stateMachine:karguzar-test-/);
    const stop = statements().find((s) => [s.Action].flat().includes('states:StopExecution'))!;
    for (const r of [stop.Resource].flat())
      expect(JSON.stringify(r)).toMatch(/:execution:karguzar-test-[a-z-]+:\*/);
  });

  it('allows schedules in the project group only, and passing the scheduler role', () => {
    const schedules = statements().find((s) => [s.Action].flat().includes('scheduler:CreateSchedule'))!;
    const resource = JSON.stringify(schedules.Resource);
    expect(resource).toContain(':schedule/');
    expect(resource).toContain(`{"Ref":"${logicalId(workflows.scheduleGroup)}"},"/*"`);
    const pass = statements().find((s) => s.Action === 'iam:PassRole')!;
    expect(pass.Resource).toEqual({ 'Fn::GetAtt': [logicalId(workflows.schedulerRole), 'Arn'] });
  });
});
