import { describe, expect, it } from 'vitest';
import { signalRecorded, startApplicationExecution } from '../../../../functions/modules/eservices';
import type { ApplicationRecord } from '../../../../functions/modules/eservices/usecases/application-records';
import { ConflictError } from '../../../../functions/platform/kernel/errors';
import { flowApplication } from '../../../support/eservices-flow';
import { evisa, flowDeps, SUBMITTED, TENANT } from './fixtures';

const application = (waiting?: ApplicationRecord['waiting']): ApplicationRecord => ({
  ...flowApplication({
    tenantId: TENANT,
    serviceId: 'svc-1',
    serviceVersion: 1,
    definition: evisa(),
    submittedAt: SUBMITTED,
    email: 'anna@example.de',
  }),
  ...(waiting ? { waiting } : {}),
});
const waitingOn = (on: 'confirmation' | 'payment' | 'decision', taskToken = 'tok-1') =>
  application({ on, taskToken, since: SUBMITTED });
const execution = (r: ApplicationRecord) => ({
  machine: 'eservice-application',
  name: `application-${TENANT}-${r.id.replaceAll('-', '')}`,
  input: { tenantId: TENANT, applicationId: r.id },
});

describe('answering the machine once an event is recorded', () => {
  it('answers the token of the machine that waits on that event, and starts nothing', async () => {
    // Arrange
    const deps = flowDeps();
    const app = waitingOn('payment');

    // Act
    await signalRecorded(deps, app, 'payment');

    // Assert
    expect(deps.workflow.succeeded).toEqual([{ taskToken: 'tok-1', output: { on: 'payment' } }]);
    expect(deps.workflow.started).toEqual([]);
  });

  it('makes sure the machine runs when it waits on nothing or on another event', async () => {
    // Arrange
    const deps = flowDeps();
    const idle = application();
    const elsewhere = waitingOn('confirmation');

    // Act
    await signalRecorded(deps, idle, 'confirmation');
    await signalRecorded(deps, elsewhere, 'payment');

    // Assert
    expect(deps.workflow.succeeded).toEqual([]);
    expect(deps.workflow.started).toEqual([execution(idle), execution(elsewhere)]);
  });

  it('takes a token the engine says is used, timed out or invalid as a wait already over', async () => {
    // Arrange
    const deps = flowDeps();
    const apps = ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'].map((name, i) => {
      deps.workflow.failTokens.set(`tok-${i}`, name);
      return waitingOn('decision', `tok-${i}`);
    });

    // Act
    const outcomes = await Promise.allSettled(apps.map((app) => signalRecorded(deps, app, 'decision')));

    // Assert
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(deps.workflow.succeeded).toEqual([]);
    expect(deps.workflow.started).toEqual([]);
  });

  it('lets any other error of the engine through, so the caller retries', async () => {
    // Arrange
    const deps = flowDeps();
    deps.workflow.failTokens.set('tok-1', 'ThrottlingException');

    // Act
    const outcome = signalRecorded(deps, waitingOn('confirmation'), 'confirmation');

    // Assert
    await expect(outcome).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('takes an execution of that name started with other input as running, and lets other errors through', async () => {
    // Arrange
    const deps = flowDeps();
    const conflicting = { ...deps, workflow: flowDeps().workflow };
    conflicting.workflow.start = async () => {
      throw new ConflictError('workflow_name_conflict', 'exists with other input');
    };
    const failing = { ...deps, workflow: flowDeps().workflow };
    failing.workflow.start = async () => {
      throw new ConflictError('execution_limit_exceeded', 'too many');
    };

    // Act
    const tolerated = signalRecorded(conflicting, application(), 'confirmation');
    const refused = signalRecorded(failing, application(), 'confirmation');

    // Assert
    await expect(tolerated).resolves.toBeUndefined();
    await expect(refused).rejects.toMatchObject({ code: 'execution_limit_exceeded' });
  });
});

describe('starting an application’s execution', () => {
  it('starts it by a name of the application, and a second start is harmless', async () => {
    // Arrange
    const deps = flowDeps();
    const app = application();

    // Act
    await startApplicationExecution(deps, TENANT, app.id);
    await startApplicationExecution(deps, TENANT, app.id);

    // Assert
    expect(deps.workflow.started).toEqual([execution(app)]);
  });
});
