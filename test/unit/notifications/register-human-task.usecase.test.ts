import { describe, expect, it } from 'vitest';
import { registerHumanTask } from '../../../functions/modules/notifications/usecases/register-human-task.usecase';
import { MemoryTaskInbox } from '../../support/fakes/task-inbox';

const registration = {
  tenantId: 't1',
  assignmentId: 'a1',
  assignee: 'u1',
  taskToken: 'tok',
  executionId: 'arn:x',
};

describe('registerHumanTask use case', () => {
  it('records the task token on the assignment through the TaskInbox port', async () => {
    // Arrange
    const inbox = new MemoryTaskInbox();

    // Act
    const out = await registerHumanTask({ inbox: () => inbox }, registration);

    // Assert
    expect(out).toEqual({ registered: true });
    expect(await inbox.get('t1', 'a1')).toEqual(registration);
    expect(await inbox.get('t2', 'a1')).toBeUndefined();
  });
});
