import { describe, expect, it } from 'vitest';
import {
  ensureDeadline,
  startDeadline,
  stopDeadline,
} from '../../../../functions/modules/execution/usecases/resolution/deadline-machine';
import { executionDeps, resolution, TENANT } from '../../../support/execution-deps';

const controlled = resolution({ controllerId: 'boss', dueDate: '2026-03-20' });

describe('the deadline machine of a controlled resolution', () => {
  it('starts once per resolution, by name, with the same input every time', async () => {
    // Arrange
    const w = executionDeps();

    // Act
    await ensureDeadline(w.deps, controlled);
    await ensureDeadline(w.deps, controlled);

    // Assert
    expect(w.workflow.started).toEqual([
      {
        machine: 'execution-deadline',
        name: 'deadline-res-1',
        input: { tenantId: TENANT, documentId: 'doc-1', assignmentId: 'res-1', after: controlled.createdAt },
      },
    ]);
  });

  it('does not start for a resolution without a controller or a due date, an executed one, or an execution task', async () => {
    // Arrange
    const w = executionDeps();

    // Act
    await ensureDeadline(w.deps, resolution({ dueDate: '2026-03-20' }));
    await ensureDeadline(w.deps, resolution({ controllerId: 'boss' }));
    await ensureDeadline(w.deps, { ...controlled, status: 'executed' });
    await ensureDeadline(w.deps, { ...controlled, kind: 'execution' });

    // Assert
    expect(w.workflow.started).toEqual([]);
  });

  it('after the commit, an engine failure is left to the stream consumer; a stop of a finished machine is fine', async () => {
    // Arrange
    const w = executionDeps();
    w.workflow.start = async () => {
      throw new Error('engine unreachable');
    };
    w.workflow.stop = async () => {
      throw Object.assign(new Error('gone'), { name: 'ExecutionDoesNotExist' });
    };

    // Act / Assert
    await expect(startDeadline(w.deps, controlled)).resolves.toBeUndefined();
    await expect(stopDeadline(w.deps, controlled)).resolves.toBeUndefined();
  });

  it('stops the machine of a controlled resolution by its name, and nothing for an uncontrolled one', async () => {
    // Arrange
    const w = executionDeps();

    // Act
    await stopDeadline(w.deps, controlled);
    await stopDeadline(w.deps, resolution());

    // Assert
    expect(w.workflow.stopped).toEqual([
      { executionArn: w.workflow.executionArn('execution-deadline', 'deadline-res-1'), cause: 'executed' },
    ]);
  });

  it('does nothing where no engine is configured', async () => {
    // Arrange
    const w = executionDeps({ workflow: false });

    // Act / Assert
    await expect(ensureDeadline(w.deps, controlled)).resolves.toBeUndefined();
    expect(w.workflow.started).toEqual([]);
  });
});
