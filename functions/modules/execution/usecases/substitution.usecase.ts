import { allPages } from '../../../platform/kernel/aggregate';
import {
  AWAITING,
  awaitsResolution,
  type AssignmentRecord,
  type InboxBox,
  type InboxEntry,
  retryOnStale,
} from '../../documents';
import { bakuInstant } from '../domain/deadline';
import type { Substitution } from '../../org';
import { linesOfAll, type ExecutionDeps } from './common';

/**
 * A substitution period on the clock: at its first day (00:00 Baku) the official's pending tasks
 * move to the substitute, and after its last day they come back. One execution per version of the
 * substitution; an older version's execution finds the version changed and does nothing.
 */
export const SUBSTITUTION_MACHINE = 'substitution-period';
export const substitutionExecutionName = (s: Substitution) => `substitution-${s.id}-v${s.version}`;

/** Lists whose open lines are tasks someone must act on (the others are records, not work). */
const workBoxes: InboxBox[] = ['execution', 'approval'];

export async function ensureSubstitutionMachine(deps: ExecutionDeps, s: Substitution): Promise<void> {
  if (!deps.workflow) return;
  const endAt = bakuInstant(nextDay(s.to), 0);
  await deps.workflow.start({
    machine: SUBSTITUTION_MACHINE,
    name: substitutionExecutionName(s),
    input: {
      tenantId: s.tenantId,
      substitutionId: s.id,
      version: s.version,
      // Inactive: nothing to hand over, and whatever was handed over comes back now.
      startAt: s.active ? bakuInstant(s.from, 0) : s.updatedAt,
      endAt: s.active ? endAt : s.updatedAt,
    },
  });
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface ShiftInput {
  tenantId: string;
  substitutionId: string;
  version: number;
  phase: 'start' | 'end';
}

/**
 * Moves the tasks and the documents waiting for the official's resolution: at the start from the
 * official to the substitute, at the end back. Returns how many moved.
 */
export async function shiftSubstitution(deps: ExecutionDeps, input: ShiftInput): Promise<{ moved: number }> {
  const s = await deps.store.get<Substitution>('substitution', input.tenantId, input.substitutionId);
  if (!s || s.version !== input.version) return { moved: 0 };
  if (input.phase === 'start' && !s.active) return { moved: 0 };
  // At the start the official's own work moves, and what a replaced substitute still holds for
  // them; at the end everything held for the official comes back.
  const formers = (s.formerSubstituteIds ?? []).filter((id) => id !== s.employeeId && id !== s.substituteId);
  const sources =
    input.phase === 'start'
      ? [{ holder: s.employeeId, own: true }, ...formers.map((holder) => ({ holder, own: false }))]
      : [s.substituteId, ...formers].map((holder) => ({ holder, own: false }));
  const to = input.phase === 'start' ? s.substituteId : s.employeeId;
  let moved = 0;
  for (const { holder, own } of sources) {
    const ours = (l: InboxEntry) => (own ? !l.onBehalfOf : l.onBehalfOf === s.employeeId);
    const moving = (await openWork(deps, s.tenantId, holder)).filter(ours);
    const waiting = (await awaitingOf(deps, s.tenantId, holder)).filter(ours);
    const byDocument = new Map<string, Moving>();
    const entry = (documentId: string) => {
      const found = byDocument.get(documentId) ?? { ids: new Set<string>() };
      byDocument.set(documentId, found);
      return found;
    };
    for (const l of moving) entry(l.documentId).ids.add(l.assignmentId);
    for (const l of waiting) entry(l.documentId).waiting = l;
    for (const [documentId, what] of byDocument)
      moved += await retryOnStale(5, () => moveTasks(deps, s, documentId, what, holder, to, input.phase));
  }
  return { moved };
}

/** What moves on one document: its open tasks, and its waiting line (Dərkənar gözləyənlər). */
interface Moving {
  ids: Set<string>;
  waiting?: InboxEntry;
}

function awaitingOf(deps: ExecutionDeps, tenantId: string, userId: string): Promise<InboxEntry[]> {
  return allPages((page) => deps.documents.inbox(tenantId, userId, AWAITING, { order: 'asc', ...page }));
}

async function openWork(deps: ExecutionDeps, tenantId: string, userId: string): Promise<InboxEntry[]> {
  const out: InboxEntry[] = [];
  for (const box of workBoxes) {
    // Open lines sort first (control order) or carry `open`: read the whole list page by page.
    const lines = await allPages((page) =>
      deps.documents.inbox(tenantId, userId, box, { order: 'asc', ...page }),
    );
    out.push(...lines.filter((l) => l.open && l.assignmentId));
  }
  return out;
}

const stillOpen = (a: AssignmentRecord) =>
  a.status === 'pending' || a.status === 'returned' || (a.kind === 'execution' && a.status === 'reported');

/**
 * One document's tasks (and its waiting line) change holder in one transaction with the log entry
 * and the moved lines.
 */
async function moveTasks(
  deps: ExecutionDeps,
  s: Substitution,
  documentId: string,
  { ids, waiting }: Moving,
  from: string,
  to: string,
  phase: 'start' | 'end',
): Promise<number> {
  const doc = await deps.documents.get(s.tenantId, documentId);
  if (!doc) return 0;
  const all = await deps.documents.assignments(s.tenantId, documentId);
  const tasks = all.filter((a) => ids.has(a.id) && a.assigneeId === from && stillOpen(a));
  // The waiting line moves while the document still waits for this official's resolution.
  const line = waiting && awaitsResolution(doc) && doc.addresseeId === s.employeeId ? waiting : undefined;
  if (tasks.length === 0 && !line) return 0;
  const now = deps.clock.now().toISOString();
  const moved = tasks.map((a) => ({
    record: { ...a, assigneeId: to, updatedAt: now },
    expectedVersion: a.version,
  }));
  const inbox = linesOfAll(
    moved.map((m) => m.record),
    now,
  ).filter((l) => l.box !== 'mine' || l.userId === to);
  if (line) {
    const { onBehalfOf: _held, ...rest } = line;
    inbox.push({ ...rest, userId: to, ...(phase === 'start' ? { onBehalfOf: s.employeeId } : {}) });
  }
  await deps.documents.commit({
    document: { ...doc, participants: [...new Set([...doc.participants, to])], updatedAt: now },
    expectedVersion: doc.version,
    operation: {
      actorId: 'system',
      onBehalfOf: s.employeeId,
      action: phase === 'start' ? 'substitution-redirect' : 'substitution-return',
      changes: [
        ...tasks.map((a) => ({
          field: 'assignee',
          before: { id: a.id, holder: from },
          after: { id: a.id, holder: to },
        })),
        ...(line ? [{ field: 'awaitingResolution', before: { holder: from }, after: { holder: to } }] : []),
      ],
    },
    assignments: moved,
    inbox,
    removeInbox: [
      ...tasks.flatMap((a) =>
        workBoxes.map((box) => ({ userId: from, box, documentId, assignmentId: a.id })),
      ),
      ...(line ? [{ userId: from, box: AWAITING, documentId, assignmentId: '' }] : []),
    ],
  });
  return tasks.length + (line ? 1 : 0);
}
