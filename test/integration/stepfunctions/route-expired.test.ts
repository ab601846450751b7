import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRunners, eventually, machineArn, runnerWith, stillParked, waitForStatus } from './helpers';

// The real document-route machine on the local runner, its clock moved past a step's year-long
// timeout: the Catch on States.Timeout must be reachable (no retrier may swallow the timeout).
const YEAR_MS = 31_536_000_000;

afterEach(closeRunners);

describe('document-route on the local runner', () => {
  it('ends a step forgotten past its timeout in Expired, after retrying a failed step Lambda', async () => {
    // Arrange: the step Lambda fails once (e.g. a write conflict), then keeps the token.
    const tokens: string[] = [];
    let failures = 0;
    const { server, client } = await runnerWith({
      routeStep: async (event) => {
        if (failures === 0) {
          failures++;
          throw Object.assign(new Error('conflict'), { name: 'TransactionCanceledException' });
        }
        tokens.push((event as { taskToken: string }).taskToken);
        return { activated: true };
      },
    });
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('document-route'),
        name: 'route-doc-1-1',
        input: JSON.stringify({ tenantId: 't1', documentId: 'doc-1', round: 1, step: 0 }),
      }),
    );
    await eventually(() => tokens[0], 15_000, 'the step token');

    // Act: a day short of the timeout, then past it.
    server.runner.advanceClock(YEAR_MS - 86_400_000);
    const before = stillParked(server, executionArn!);
    server.runner.advanceClock(86_400_000 + 1000);
    const expired = await waitForStatus(client, executionArn!, 'FAILED');

    // Assert
    expect(failures).toBe(1);
    expect(tokens).toHaveLength(1);
    expect(before).toBe(true);
    expect(expired.error).toBe('Route.StepExpired');
  });
});
