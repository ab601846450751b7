import { StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import {
  listDigestRecipients,
  sendDigests,
  type DigestLimits,
} from '../../../functions/modules/execution/usecases/digest.usecase';
import type { InboxEntry } from '../../../functions/modules/documents/domain/tasks';
import { documentRecord, employee, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';
import { closeRunners, machineArn, runnerWith, waitForStatus } from './helpers';

// The real daily-digest-send machine on the local runner (Map over batches inside a paging loop),
// its task Lambdas being the real use cases over in-memory ports with small limits, so that a
// handful of employees spans several pages and batches.
const limits: DigestLimits = { batch: 3, recipients: 5, pages: 2, pageSize: 4 };
const wants = { email: true, sms: false, language: 'az' as const, digest: true };

afterEach(closeRunners);

/** Starts the day's execution of agency t1 under `name`. */
const startDay = (client: SFNClient, name: string) =>
  client.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn('daily-digest-send'),
      name,
      input: JSON.stringify({ tenantId: 't1', at: T0, cursor: null }),
    }),
  );

function agency(recipients: number) {
  const deps = memoryDeps();
  const ids = Array.from({ length: recipients }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
  for (const id of ids) deps.store.seed('employee', employee(id, { notifications: wants }));
  // Three who do not get one: digest off, inactive, e-mail off.
  deps.store.seed('employee', employee('x1', { notifications: { ...wants, digest: false } }));
  deps.store.seed('employee', employee('x2', { notifications: wants, active: false }));
  deps.store.seed('employee', employee('x3', { notifications: { ...wants, email: false } }));
  const line = (userId: string): InboxEntry => ({
    tenantId: 't1',
    userId,
    box: 'execution',
    documentId: 'doc-1',
    assignmentId: `a-${userId}`,
    sortKey: `0#2026-03-05#doc-1#a-${userId}`,
    open: true,
    receivedAt: T0,
    status: 'pending',
    dueDate: '2026-03-05',
  });
  deps.documents.seed({
    documents: [documentRecord('doc-1', { summary: 'Bina təmiri' })],
    inbox: [...ids, 'x1', 'x2', 'x3'].map(line),
  });
  return { deps, ids };
}

describe('daily-digest-send on the local runner', () => {
  it('sends every recipient of an agency bigger than a batch and a page exactly one digest', async () => {
    // Arrange: 13 recipients → pages of ≤ 5 recipients, batches of ≤ 3; one batch fails once
    // after sending (a Lambda that died before answering) and is retried.
    const { deps, ids } = agency(13);
    const listings: unknown[] = [];
    const batches: string[][] = [];
    let failOnce = true;
    const { client } = await runnerWith({
      digestRecipients: async (event) => {
        listings.push(event);
        return listDigestRecipients(deps, event as never, limits);
      },
      digestSend: async (event) => {
        const input = event as { tenantId: string; at: string; employeeIds: string[] };
        batches.push(input.employeeIds);
        const out = await sendDigests(deps, input);
        if (failOnce && out.sent > 0) {
          failOnce = false;
          throw Object.assign(new Error('connection reset'), { name: 'Lambda.ServiceException' });
        }
        return out;
      },
    });

    // Act: the day's execution, then a second one for the same day (as after a restart).
    const first = await startDay(client, 'digest-t1-2026-03-02');
    await waitForStatus(client, first.executionArn!, 'SUCCEEDED', 30_000);
    const sentFirst = deps.email.sent.length;
    const second = await startDay(client, 'digest-t1-2026-03-02-again');
    await waitForStatus(client, second.executionArn!, 'SUCCEEDED', 30_000);

    // Assert
    const recipients = deps.email.sent.map((m) => m.to[0]);
    expect(sentFirst).toBe(13);
    expect(recipients.sort()).toEqual(ids.map((id) => `${id}@agency.az`).sort());
    expect(listings.length).toBeGreaterThan(2);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(limits.batch);
    expect(new Set(batches.flat())).toEqual(new Set(ids));
    expect(failOnce).toBe(false);
  });

  it('finishes at once for an agency where nobody asked for a digest', async () => {
    // Arrange
    const { deps } = agency(0);
    const { client } = await runnerWith({
      digestRecipients: async (event) => listDigestRecipients(deps, event as never, limits),
      digestSend: async (event) => sendDigests(deps, event as never),
    });

    // Act
    const out = await startDay(client, 'digest-t1-empty');
    await waitForStatus(client, out.executionArn!, 'SUCCEEDED', 10_000);

    // Assert
    expect(deps.email.sent).toEqual([]);
  });
});
