import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../../functions/modules/documents/domain/delivery';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import { DynamoDocumentStore } from '../../../functions/modules/documents/dynamodb/document-store.adapter';
import { azerbaijanBuiltInCalendar } from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import {
  ensureReceiptWatch,
  RECEIPT_MACHINE,
  receiptExecutionName,
} from '../../../functions/modules/exchange/usecases/no-receipt.usecase';
import { receiptDueAt } from '../../../functions/modules/exchange/usecases/receipt-due';
import { SfnWorkflowEngine } from '../../../functions/platform/adapters/sfn/workflow.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import type { Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';
import {
  ended,
  executionArn,
  executionHistory,
  executionStatus,
  machineArn,
  parkedAt,
} from '../../support/workflows';
import { as, lookups, unique, type Doc, type Lookups } from '../documents/helpers';

// Decree 935 §150 on a running embedded default of its own (the clock moves): a delivery to another
// agency with no receipt notice by its due time gives the sender a task and a notice. The delivery
// itself is written straight to the store (the platform delivery is another part of the work).
const embedded = ownEmbedded();
const TENANT = 'demo1';
let maildev: string;
let clerk: Api;
let executor: Api;
let ref: Lookups;
let store: DynamoDocumentStore;
let workflow: SfnWorkflowEngine;

type Mail = { subject: string; to: Array<{ address: string }>; text: string };
type InboxPage = {
  items: Array<{ document: { id: string }; line: { open: boolean; assignmentId: string } }>;
};
type Tree = {
  documentVersion: number;
  assignments: Array<{ id: string; kind: string; status: string; text?: string; actions: string[] }>;
};

const emp = (username: string) => ref.employee.get(username)!;
const mails = async () => (await (await fetch(`${maildev}/api/email`)).json()) as Mail[];
const emailOf = async (username: string) =>
  (await clerk.get<{ email: string }>(`/api/v1/employees/${emp(username)}`)).body.email;

beforeAll(async () => {
  maildev = `http://127.0.0.1:${Number(new URL(embedded.baseUrl).port) + 6}`;
  clerk = await as(embedded.baseUrl, 'clerk');
  executor = await as(embedded.baseUrl, 'executor1');
  ref = await lookups(clerk);
  store = new DynamoDocumentStore(tableClientOf(embedded.baseUrl), TABLE_NAME);
  workflow = new SfnWorkflowEngine({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${Number(new URL(embedded.baseUrl).port) + 4}`,
    credentials: { ...LOCAL_AWS_CREDENTIALS },
    machines: { [RECEIPT_MACHINE]: machineArn(RECEIPT_MACHINE) },
  });
});

/**
 * An outgoing letter registered through the API, then (in the store, as the exchange's delivery
 * leaves it) sent by the clerk to another agency on the platform: prepared by executor1, delivered
 * into the recipient's queue at `sentAt`, its receipt notice due three working days later.
 */
async function deliveredLetter(sentAt: string): Promise<{ doc: DocumentRecord; delivery: Delivery }> {
  const created = await clerk.post<Doc>('/api/v1/documents/outgoing', {
    summary: unique('Alınma bildirişi sınağı'),
    signatoryId: emp('head'),
    recipients: [{ name: 'Nəqliyyat Nazirliyi' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const before = (await store.get(TENANT, created.body.id))!;
  const dispatchId = randomUUID();
  const delivery: Delivery = {
    id: randomUUID(),
    dispatchId,
    recipientIndex: 0,
    recipientTenantId: 'demo2',
    recipientName: 'Nəqliyyat Nazirliyi',
    state: 'delivered',
    receiptDueAt: receiptDueAt(sentAt, 3, azerbaijanBuiltInCalendar),
    deliveredAt: sentAt,
  };
  const { document } = await store.commit({
    document: {
      ...before,
      status: 'sent',
      authorId: emp('executor1'),
      participants: [...new Set([...before.participants, emp('executor1')])],
      outgoing: {
        ...before.outgoing!,
        dispatches: [
          {
            id: dispatchId,
            at: sentAt,
            by: emp('clerk'),
            channel: 'edms',
            recipients: ['Nəqliyyat Nazirliyi'],
          },
        ],
        deliveries: [delivery],
      },
      updatedAt: sentAt,
    },
    expectedVersion: before.version,
    operation: { actorId: emp('clerk'), action: 'send', changes: [{ field: 'status', after: 'sent' }] },
  });
  return { doc: document, delivery };
}

describe('no receipt notice in time (§150)', () => {
  it('past the due time the sender gets the task and the notice, and the letter shows noReceipt', async () => {
    // Arrange: delivered now. The table stream's receipt watch starts the machine by itself; it
    // rests until the due time, and nobody is told before it.
    const { doc, delivery } = await deliveredLetter(await clockNow(embedded.baseUrl));
    const watch = executionArn(RECEIPT_MACHINE, receiptExecutionName(delivery.id));
    const parked = await parkedAt<{ dueAt: string }>(embedded.baseUrl, watch, 'WaitUntilDue');
    expect(parked.dueAt).toBe(delivery.receiptDueAt);
    const number = doc.registration!.number;
    const noticeOf = (all: Mail[]) => all.filter((m) => m.subject === `Alınma bildirişi gəlməyib: ${number}`);
    expect(noticeOf(await mails())).toEqual([]);

    // Act: the due time passes.
    await advanceClockTo(embedded.baseUrl, Date.parse(delivery.receiptDueAt!) + 1000);

    // Assert: the check ran once and ended the watch; starting it again (a replayed stream record)
    // starts nothing.
    expect(await ended(embedded.baseUrl, watch)).toBe('SUCCEEDED');
    await ensureReceiptWatch({ workflow }, TENANT, doc.id, delivery);
    expect(await executionStatus(embedded.baseUrl, watch)).toBe('SUCCEEDED');
    // The letter shows it (read through the API, as the card reads it) and is still sent.
    const card = await clerk.get<Doc & { outgoing: { deliveries: Delivery[] } }>(
      `/api/v1/documents/${doc.id}`,
    );
    expect(card.body.status).toBe('sent');
    const marked = card.body.outgoing.deliveries[0]!;
    expect(marked.state).toBe('delivered');
    expect(Date.parse(marked.noReceipt!.at)).toBeGreaterThanOrEqual(Date.parse(delivery.receiptDueAt!));
    // The task is in the sender's list, with its instruction.
    const list = await executor.get<InboxPage>('/api/v1/inbox/execution?open=true');
    expect(list.body.items.find((i) => i.document.id === doc.id)?.line).toMatchObject({
      open: true,
      assignmentId: marked.noReceipt!.taskId,
    });
    const tree = (await executor.get<Tree>(`/api/v1/documents/${doc.id}/execution`)).body;
    const task = tree.assignments.find((a) => a.id === marked.noReceipt!.taskId)!;
    expect(task).toMatchObject({ kind: 'execution', status: 'pending' });
    expect(task.actions).toContain('close');
    expect(tree.assignments.find((a) => a.kind === 'resolution')?.text).toContain('§150');
    // The notice reached the sender and the clerk who dispatched it, by e-mail, once each.
    const sent = await eventually(async () => {
      const found = noticeOf(await mails());
      return found.length >= 2 ? found : undefined;
    }, 'the no-receipt notices');
    expect(sent.map((m) => m.to[0]!.address).sort()).toEqual(
      [await emailOf('executor1'), await emailOf('clerk')].sort(),
    );
    expect(sent[0]!.text).toContain('Nəqliyyat Nazirliyi');
    expect(sent[0]!.text).toContain(`/documents/view/?id=${doc.id}&tab=execution`);
    // The operations log records the finding.
    const ops = await clerk.get<{ items: Array<{ action: string; actorId: string }> }>(
      `/api/v1/documents/${doc.id}/operations?limit=100`,
    );
    expect(ops.body.items.filter((o) => o.action === 'no-receipt')).toEqual([
      expect.objectContaining({ actorId: 'system' }),
    ]);

    // Act: the sender delivers it by post and closes the task.
    const closed = await executor.post<Doc>(`/api/v1/documents/${doc.id}/assignments/${task.id}/close`, {
      version: tree.documentVersion,
      text: 'Poçtla sifarişli məktubla göndərildi',
    });

    // Assert: the task is done and the letter stays sent; no second notice went out.
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('sent');
    const after = await executor.get<InboxPage>('/api/v1/inbox/execution?open=true');
    expect(after.body.items.some((i) => i.document.id === doc.id)).toBe(false);
    expect(noticeOf(await mails())).toHaveLength(2);
  });

  it('a delivery registered before the due time gives no task', async () => {
    // Arrange: delivered, watched, then registered by the recipient (the §148 notice arrived).
    const { doc, delivery } = await deliveredLetter(await clockNow(embedded.baseUrl));
    await ensureReceiptWatch({ workflow }, TENANT, doc.id, delivery);
    const watch = executionArn(RECEIPT_MACHINE, receiptExecutionName(delivery.id));
    await parkedAt(embedded.baseUrl, watch, 'WaitUntilDue');
    const at = await clockNow(embedded.baseUrl);
    await store.commit({
      document: {
        ...doc,
        outgoing: {
          ...doc.outgoing!,
          deliveries: [
            {
              ...delivery,
              state: 'registered',
              registration: { number: '77-B/26', date: at.slice(0, 10), at },
            },
          ],
        },
        updatedAt: at,
      },
      expectedVersion: doc.version,
      operation: {
        actorId: 'system',
        action: 'receipt',
        changes: [{ field: 'delivery', after: 'registered' }],
      },
    });

    // Act
    await advanceClockTo(embedded.baseUrl, Date.parse(delivery.receiptDueAt!) + 1000);

    // Assert: the check found it answered; no task, no noReceipt, no notice.
    expect(await ended(embedded.baseUrl, watch)).toBe('SUCCEEDED');
    const history = await executionHistory(embedded.baseUrl, watch);
    const checked = history.find(
      (e) => e.type === 'TaskStateExited' && e.stateExitedEventDetails?.name === 'CheckReceipt',
    );
    expect(JSON.parse(checked!.stateExitedEventDetails!.output!).check.result).toEqual({
      outcome: 'answered',
      state: 'registered',
    });
    const card = await clerk.get<Doc & { outgoing: { deliveries: Delivery[] } }>(
      `/api/v1/documents/${doc.id}`,
    );
    expect(card.body.outgoing.deliveries[0]!.noReceipt).toBeUndefined();
    expect((await clerk.get<Tree>(`/api/v1/documents/${doc.id}/execution`)).body.assignments).toEqual([]);
    const number = doc.registration!.number;
    expect((await mails()).filter((m) => m.subject === `Alınma bildirişi gəlməyib: ${number}`)).toEqual([]);
  });
});
