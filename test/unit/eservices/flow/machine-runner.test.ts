import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APPLICATION,
  APPLICATION_MACHINE,
  applicationExecutionName,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  applicationCancelTask,
  applicationNextTask,
  applicationNotifyTask,
  applicationWaitTask,
  confirmApplication,
  paymentCallback,
  startPayment,
} from '../../../../functions/modules/eservices';
import type { WorkflowEngine } from '../../../../functions/platform/ports/workflow.port';
import { ControllableClock } from '../../../../infra/local/stepfunctions/clock';
import { REPO_ROOT } from '../../../../infra/local/stepfunctions/definitions';
import { Runner } from '../../../../infra/local/stepfunctions/runner';
import { eventually } from '../../../support/eventually';
import { evisa, flowDeps, given, SUBMITTED, TENANT, type FlowDeps } from './fixtures';

/**
 * statemachines/eservice-application.asl.json in the local runner, its tasks the real ones on
 * memory deps that read the runner's movable clock. `applicationReview` (another part of the work)
 * is stood in for by a fake that registers the application, so the run can reach the decision wait.
 */
const ARN = `arn:aws:states:us-east-1:000000000000:stateMachine:karguzar-${APPLICATION_MACHINE}`;
const dirs: string[] = [];
const runners: Runner[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function machine(): Promise<{ runner: Runner; deps: FlowDeps }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-application-'));
  dirs.push(dataDir);
  const clock = new ControllableClock(dataDir, { startAt: new Date(SUBMITTED) });
  const held: { runner?: Runner } = {};
  const on = (): Runner => held.runner!;
  const workflow: WorkflowEngine = {
    start: async (i) => {
      try {
        return on().startExecution({ stateMachineArn: ARN, name: i.name, input: JSON.stringify(i.input) });
      } catch (error) {
        if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
        return { executionArn: `${ARN.replace(':stateMachine:', ':execution:')}:${i.name}` };
      }
    },
    describe: async (arn) => on().describeExecution(arn),
    taskSucceeded: async (token, output) => on().sendTaskSuccess(token, JSON.stringify(output)),
    taskFailed: async (token, error, cause) => on().sendTaskFailure(token, error, cause),
    stop: async (arn, cause) => void on().stopExecution(arn, undefined, cause),
    executionArn: (_m, name) => `${ARN.replace(':stateMachine:', ':execution:')}:${name}`,
  };
  const deps = { ...flowDeps(), clock, workflow } as unknown as FlowDeps;
  const runner = new Runner({
    dataDir,
    statemachinesDir: join(REPO_ROOT, 'statemachines'),
    clock,
    log: () => undefined,
    functions: {
      applicationNext: (e) => applicationNextTask(e, deps),
      applicationWait: (e) => applicationWaitTask(e, deps),
      applicationNotify: (e) => applicationNotifyTask(e, deps),
      applicationCancel: (e) => applicationCancelTask(e, deps),
      applicationReview: async (e) => {
        const { applicationId } = e as { applicationId: string };
        const r = (await deps.store.get<ApplicationRecord>(APPLICATION, TENANT, applicationId))!;
        await deps.store.update(APPLICATION, { ...r, documentId: 'doc-1' }, r.version, {
          actorId: 'x',
          sortKey: 'x',
        });
        return { reviewed: true };
      },
    },
  });
  held.runner = runner;
  await runner.start();
  runners.push(runner);
  return { runner, deps };
}

const stored = async (deps: FlowDeps, id: string) =>
  (await deps.store.get<ApplicationRecord>(APPLICATION, TENANT, id))!;
const parkedOn = (deps: FlowDeps, id: string, on: string) =>
  eventually(
    async () => ((await stored(deps, id)).waiting?.on === on ? true : undefined),
    `waiting on ${on}`,
  );

describe('the application machine in the local runner', () => {
  it('cancels an unconfirmed application when its window ends by the moved clock, and tells the applicant once', async () => {
    // Arrange
    const { runner, deps } = await machine();
    const app = await given(deps, evisa());
    const name = applicationExecutionName(TENANT, app.id);
    const { executionArn } = runner.startExecution({
      stateMachineArn: ARN,
      name,
      input: JSON.stringify({ tenantId: TENANT, applicationId: app.id }),
    });
    await parkedOn(deps, app.id, 'confirmation');

    // Act
    runner.advanceClock(Date.parse(app.confirmation!.dueAt) - runner.clock.now().getTime() - 60_000);
    const aMinuteBefore = (await stored(deps, app.id)).state;
    const timedOutBefore = runner.history(executionArn).some((h) => h.type === 'TaskTimedOut');
    runner.advanceClock(60_000);
    await eventually(
      async () => (runner.describeExecution(executionArn).status === 'SUCCEEDED' ? true : undefined),
      'the end',
    );

    // Assert
    const after = await stored(deps, app.id);
    expect([aMinuteBefore, timedOutBefore]).toEqual(['awaiting-confirmation', false]);
    expect(after.state).toBe('cancelled');
    expect(Date.parse(after.cancelledAt!)).toBeGreaterThanOrEqual(Date.parse(app.confirmation!.dueAt));
    expect(Date.parse(after.cancelledAt!) - Date.parse(app.confirmation!.dueAt)).toBeLessThan(30_000);
    expect(deps.email.sent.map((m) => m.subject)).toEqual([
      `Confirm your application: ${app.id}`,
      `Application cancelled: ${app.id}`,
    ]);
    expect(after.log.map((l) => l.event)).toEqual(['submitted', 'notice-sent', 'cancelled', 'notice-sent']);
  }, 60_000);

  it('goes from the confirmation through the payment to the review and waits for the decision', async () => {
    // Arrange
    const { runner, deps } = await machine();
    const app = await given(deps, evisa());
    const { executionArn } = runner.startExecution({
      stateMachineArn: ARN,
      name: applicationExecutionName(TENANT, app.id),
      input: JSON.stringify({ tenantId: TENANT, applicationId: app.id }),
    });
    await parkedOn(deps, app.id, 'confirmation');

    // Act
    await confirmApplication(deps, TENANT, { number: app.id, token: app.confirmation!.token });
    await parkedOn(deps, app.id, 'payment');
    const { paymentId } = await startPayment(deps, TENANT, { number: app.id, secondFactor: 'C01234567' });
    const callback = deps.payments.decide(paymentId, 'paid');
    await paymentCallback(deps, { tenantId: TENANT, applicationId: app.id }, callback);
    await paymentCallback(deps, { tenantId: TENANT, applicationId: app.id }, callback);
    await parkedOn(deps, app.id, 'decision');

    // Assert
    const after = await stored(deps, app.id);
    expect(after.state).toBe('in-review');
    expect(after.documentId).toBe('doc-1');
    expect(runner.describeExecution(executionArn).status).toBe('RUNNING');
    expect(deps.email.sent.map((m) => m.subject)).toEqual([
      `Confirm your application: ${app.id}`,
      `Payment received: ${app.id}`,
    ]);
    expect(after.log.map((l) => l.event)).toEqual([
      'submitted',
      'notice-sent',
      'email-confirmed',
      'payment-created',
      'paid',
      'notice-sent',
    ]);
  }, 60_000);
});
