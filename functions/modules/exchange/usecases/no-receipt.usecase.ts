import { createHash, randomUUID } from 'node:crypto';
import {
  bakuLocalDate,
  commitWithAddresseeLines,
  retryOnStale,
  type AssignmentRecord,
  type Delivery,
  type DocumentRecord,
} from '../../documents';
import { actingHolder, linesOfAll, type ExecutionDeps } from '../../execution';
import { notifyEmployees, type NotifyDeps } from '../../notifications';
import type { WorkflowEngine } from '../../../platform/ports/workflow.port';

/**
 * Decree 935 §150: until the receipt notice (§148) arrives, a document sent to another agency
 * counts as not received. One `exchange-receipt` execution per delivery waits until the delivery's
 * `receiptDueAt` (an absolute instant: a restart never stretches it) and then runs `checkReceipt`:
 * still no notice (and no refusal) — the sender gets a task to deliver the content by other means,
 * and a notice.
 */
export const RECEIPT_MACHINE = 'exchange-receipt';

/** Step Functions execution names: up to 80 of [A-Za-z0-9_-]; other delivery ids are hashed. */
export function receiptExecutionName(deliveryId: string): string {
  return /^[A-Za-z0-9_-]{1,72}$/.test(deliveryId)
    ? `receipt-${deliveryId}`
    : `receipt-${createHash('sha256').update(deliveryId).digest('hex').slice(0, 64)}`;
}

/** A delivery the recipient has answered (§148 notice, or §149 refusal): §150 no longer applies. */
export const answered = (d: Pick<Delivery, 'state'>) => d.state === 'registered' || d.state === 'refused';

export interface ReceiptRef {
  tenantId: string;
  documentId: string;
  deliveryId: string;
}

/**
 * Starts the delivery's receipt watch. Idempotent: the execution is named after the delivery and
 * its input depends on the delivery alone, so a repeated call (a stream consumer's retry, a
 * replayed delivery) starts nothing new. A delivery already answered or already found without
 * receipt needs no watch.
 */
export async function ensureReceiptWatch(
  deps: { readonly workflow?: WorkflowEngine },
  tenantId: string,
  documentId: string,
  delivery: Delivery,
): Promise<void> {
  // Still `sending`: the period starts at delivery, and so does the watch.
  if (!delivery.receiptDueAt || answered(delivery) || delivery.noReceipt) return;
  if (!deps.workflow) throw new Error('ensureReceiptWatch needs the workflow engine');
  await deps.workflow.start({
    machine: RECEIPT_MACHINE,
    name: receiptExecutionName(delivery.id),
    input: { tenantId, documentId, deliveryId: delivery.id, dueAt: delivery.receiptDueAt },
  });
}

/** What the sender is asked to do (the task's text, kept on the resolution as any task's is). */
export const NO_RECEIPT_INSTRUCTION =
  'Alınma bildirişi müddətində gəlmədi (Qərar 935, §150): sənədin məzmununu digər üsulla çatdırın.';

export type ReceiptCheck =
  | { outcome: 'no-receipt'; taskId: string; notified: number }
  | { outcome: 'answered' | 'not-found' | 'not-delivered'; state?: string }
  /** Not yet due (a clock a little behind the machine's, or a due time moved later): wait until `dueAt`. */
  | { outcome: 'not-due'; dueAt: string };

export type ReceiptDeps = ExecutionDeps & NotifyDeps;

/**
 * The `receiptCheck` task: the delivery still unanswered past its due time gets `noReceipt` on the
 * sender's document, with the task it gave the sender, in one commit (optimistic version, retried
 * on a concurrent write — which may be the very receipt notice, then nothing is done). The notice
 * follows the commit; it is keyed by the delivery, so a retried check (already marked) only sends
 * what is still missing and changes nothing else.
 */
export async function checkReceipt(deps: ReceiptDeps, ref: ReceiptRef): Promise<ReceiptCheck> {
  const marked = await retryOnStale(5, async () => {
    const doc = await deps.documents.get(ref.tenantId, ref.documentId);
    const delivery = doc?.outgoing?.deliveries?.find((d) => d.id === ref.deliveryId);
    if (!doc || !delivery) return { outcome: 'not-found' as const };
    if (answered(delivery)) return { outcome: 'answered' as const, state: delivery.state };
    if (delivery.noReceipt) return { outcome: 'marked' as const, doc, delivery };
    if (!delivery.receiptDueAt) return { outcome: 'not-delivered' as const, state: delivery.state };
    const now = deps.clock.now().toISOString();
    // The due time is the delivery's as it is now: early (clock skew, a moved due time), the machine
    // waits again until then.
    if (Date.parse(now) < Date.parse(delivery.receiptDueAt))
      return { outcome: 'not-due' as const, dueAt: delivery.receiptDueAt };
    return { outcome: 'marked' as const, ...(await markNoReceipt(deps, doc, delivery, now)) };
  });
  if (marked.outcome !== 'marked') return marked;
  const { doc, delivery } = marked;
  const notified = await notifyNoReceipt(deps, doc, delivery);
  return { outcome: 'no-receipt', taskId: delivery.noReceipt!.taskId ?? '', notified };
}

/**
 * The sender's task, in the shape every task of the execution module has: a top resolution the
 * system wrote (no controller, no deadline machine) and the sender's execution assignment under it,
 * with its lines in the holder's lists (İcrada olanlar, Etdiklərim). The sender closes it with a
 * report of how the content went (post, courier...), like any execution.
 */
async function markNoReceipt(
  deps: ReceiptDeps,
  doc: DocumentRecord,
  delivery: Delivery,
  now: string,
): Promise<{ doc: DocumentRecord; delivery: Delivery }> {
  const sender = doc.authorId;
  const holder = await actingHolder(deps, doc.tenantId, sender, bakuLocalDate(now));
  const resolutionId = randomUUID();
  const common = {
    tenantId: doc.tenantId,
    documentId: doc.id,
    rootId: resolutionId,
    authorId: 'system',
    text: NO_RECEIPT_INSTRUCTION,
    reports: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const resolution: AssignmentRecord = {
    ...common,
    id: resolutionId,
    kind: 'resolution',
    assigneeId: sender,
    ownerId: sender,
    status: 'open',
  };
  const task: AssignmentRecord = {
    ...common,
    id: randomUUID(),
    parentId: resolutionId,
    kind: 'execution',
    role: 'responsible',
    assigneeId: holder,
    ownerId: sender,
    status: 'pending',
  };
  const noReceipt = { at: now, taskId: task.id };
  const deliveries = doc.outgoing!.deliveries!.map((d) => (d.id === delivery.id ? { ...d, noReceipt } : d));
  const participants = [...new Set([...doc.participants, sender, holder])];
  const { document } = await commitWithAddresseeLines(deps, doc, {
    document: { ...doc, outgoing: { ...doc.outgoing!, deliveries }, participants, updatedAt: now },
    expectedVersion: doc.version,
    operation: {
      actorId: 'system',
      action: 'no-receipt',
      changes: [
        {
          field: 'delivery',
          before: { id: delivery.id, state: delivery.state },
          after: {
            id: delivery.id,
            recipientName: delivery.recipientName,
            receiptDueAt: delivery.receiptDueAt,
            noReceipt,
          },
        },
      ],
    },
    assignments: [{ record: resolution }, { record: task }],
    // Only the task's lines: the resolution's author is the system, which has no lists.
    inbox: linesOfAll([task], now),
  });
  return { doc: document, delivery: { ...delivery, noReceipt } };
}

/**
 * Tells the task's holder (and the sender, when a substitute holds it), and the clerk who made the
 * dispatch: the office sends by post or courier. Keyed by the delivery: sent once per person and
 * channel, however often the check runs.
 */
async function notifyNoReceipt(deps: ReceiptDeps, doc: DocumentRecord, delivery: Delivery): Promise<number> {
  const assignments = await deps.documents.assignments(doc.tenantId, doc.id);
  const task = assignments.find((a) => a.id === delivery.noReceipt?.taskId);
  const dispatcher = doc.outgoing?.dispatches.find((d) => d.id === delivery.dispatchId)?.by;
  const recipients = [
    ...new Set([task?.assigneeId ?? doc.authorId, doc.authorId, ...(dispatcher ? [dispatcher] : [])]),
  ].filter((id) => id !== 'system');
  const { sent } = await notifyEmployees(deps, {
    tenantId: doc.tenantId,
    document: doc,
    kind: 'no-receipt',
    recipients,
    ...(delivery.receiptDueAt
      ? { dueDate: bakuLocalDate(new Date(Date.parse(delivery.receiptDueAt) - 1).toISOString()) }
      : {}),
    recipient: delivery.recipientName,
    tab: 'execution',
    key: `no-receipt:${delivery.id}`,
  });
  return sent;
}
