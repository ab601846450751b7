import { randomUUID } from 'node:crypto';
import { allPages, type Actor, type Page } from '../../../platform/kernel/aggregate';
import type { AggregateWrite } from '../../../platform/ports/aggregate-store.port';
import {
  assertAbsenceInput,
  assertNoOverlap,
  assertRecorded,
  assertSubstitutePresent,
  substitutionFor,
  type Absence,
  type AbsenceData,
  type AbsenceInput,
} from '../domain/absence';
import type { Employee, Substitution, SubstitutionData } from '../domain/org';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import {
  assertExists,
  assertKnown,
  getOr404,
  listPage,
  unknownReference,
  type Deps,
} from '../../../platform/kernel/aggregates';
import { substitutionPlacement } from './structure.usecase';

type Idem = { key: string; requestHash: string } | undefined;
type ListQuery = { limit: number; cursor?: string };

/** Absences are listed per employee (their first day first), and in the tenant by first day. */
const absencePlacement = (a: AbsenceData) => ({ parentKey: a.employeeId, sortKey: a.from });

const absencesOf = (deps: Deps, tenantId: string, employeeId: string) =>
  allPages((page) => deps.store.list<Absence>('absence', tenantId, { ...page, parentKey: employeeId }));

/**
 * The absent employee exists in the tenant; a substitute is an active employee (work handed to
 * someone who cannot sign in would be stranded) who is not away on a day of the period; and the
 * employee is not already away on one of those days.
 */
async function checkAbsence(deps: Deps, actor: Actor, input: AbsenceInput, selfId?: string): Promise<void> {
  assertAbsenceInput(input);
  const found = await assertKnown<Employee>(deps, actor.tenantId, [
    ['employee', input.employeeId, 'employeeId'],
    ['employee', input.substituteId, 'substituteId'],
  ]);
  if (input.substituteId && !found('employee', input.substituteId)?.active)
    throw unknownReference('substituteId');
  assertNoOverlap(input, await absencesOf(deps, actor.tenantId, input.employeeId), selfId);
  if (input.substituteId)
    assertSubstitutePresent(input, await absencesOf(deps, actor.tenantId, input.substituteId));
}

/** The absence as stored: the caller's fields, its status and the substitution it keeps. */
function absenceData(
  input: AbsenceInput,
  status: AbsenceData['status'],
  substitutionId?: string,
): AbsenceData {
  return {
    employeeId: input.employeeId,
    kind: input.kind,
    from: input.from,
    to: input.to,
    ...(input.substituteId ? { substituteId: input.substituteId } : {}),
    ...(input.note ? { note: input.note } : {}),
    status,
    ...(substitutionId ? { substitutionId } : {}),
  };
}

/**
 * The writes of one change of an absence: the absence and the substitution it implies (created,
 * moved, or ended), in ONE transaction with their change records. The substitution's new version
 * puts it on the clock (substitution-period machine, from the table stream): the official's open
 * tasks move to the substitute for the period and come back after it, or at once when it ends.
 */
function absenceWrites(
  deps: Deps,
  actor: Actor,
  absence: { id: string; createdAt: string; data: AbsenceData; expectedVersion?: number },
  current: Substitution | undefined,
  idem: Idem,
): AggregateWrite[] {
  const now = deps.clock.now().toISOString();
  const derived = substitutionFor({ id: absence.id, ...absence.data }, current);
  const writes: AggregateWrite[] = [];
  const stamp = (id: string, createdAt: string) => ({
    id,
    tenantId: actor.tenantId,
    version: 1,
    createdAt,
    updatedAt: now,
  });
  let substitutionId = current?.id;
  if (derived) {
    substitutionId ??= randomUUID();
    if (!current || !sameSubstitution(current, derived)) {
      writes.push({
        type: 'substitution',
        item: { ...derived, ...stamp(substitutionId, current?.createdAt ?? now) },
        ...(current ? { expectedVersion: current.version } : {}),
        options: { actorId: actor.employeeId, ...substitutionPlacement(derived) },
      });
    }
  }
  const data: AbsenceData = { ...absence.data, ...(substitutionId ? { substitutionId } : {}) };
  return [
    {
      type: 'absence',
      item: { ...data, ...stamp(absence.id, absence.createdAt) },
      ...(absence.expectedVersion !== undefined ? { expectedVersion: absence.expectedVersion } : {}),
      options: {
        actorId: actor.employeeId,
        ...absencePlacement(data),
        ...(idem ? { idempotency: idem } : {}),
      },
    },
    ...writes,
  ];
}

/** Whether the stored substitution already says what the absence implies (then it is not rewritten). */
function sameSubstitution(a: SubstitutionData, b: SubstitutionData): boolean {
  const key = (s: SubstitutionData) =>
    JSON.stringify([
      s.employeeId,
      s.substituteId,
      s.from,
      s.to,
      s.reason ?? null,
      s.active,
      s.absenceId ?? null,
      [...(s.formerSubstituteIds ?? [])].sort(),
    ]);
  return key(a) === key(b);
}

async function substitutionOf(deps: Deps, actor: Actor, absence: Absence): Promise<Substitution | undefined> {
  return absence.substitutionId
    ? deps.store.get<Substitution>('substitution', actor.tenantId, absence.substitutionId)
    : undefined;
}

export async function createAbsence(
  deps: Deps,
  actor: Actor,
  input: AbsenceInput,
  idem: Idem,
): Promise<Absence> {
  // A retry must not meet its own first write as an overlapping absence.
  const earlier = idem ? await deps.store.replayOf<Absence>(actor.tenantId, idem) : undefined;
  if (earlier) return earlier;
  await checkAbsence(deps, actor, input);
  const now = deps.clock.now().toISOString();
  const writes = absenceWrites(
    deps,
    actor,
    { id: randomUUID(), createdAt: now, data: absenceData(input, 'recorded') },
    undefined,
    idem,
  );
  const { items } = await deps.store.transact(writes);
  return items[0] as Absence;
}

export async function updateAbsence(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AbsenceInput & { version: number },
): Promise<Absence> {
  const { version, ...fields } = input;
  const current = await getOr404<Absence>(deps, 'absence', actor.tenantId, id);
  assertRecorded(current);
  if (fields.employeeId !== current.employeeId) {
    // Another person's absence is another absence: the substitution's official cannot change
    // under tasks already handed over for them.
    throw new BusinessRuleError('absence_employee_immutable', 'The absent employee cannot change', {}, [
      { path: 'employeeId', code: 'absence_employee_immutable' },
    ]);
  }
  await checkAbsence(deps, actor, fields, id);
  const substitution = await substitutionOf(deps, actor, current);
  const { items } = await deps.store.transact(
    absenceWrites(
      deps,
      actor,
      { id, createdAt: current.createdAt, data: absenceData(fields, 'recorded'), expectedVersion: version },
      substitution,
      undefined,
    ),
  );
  return items[0] as Absence;
}

/** Cancelling keeps the record (nothing is deleted) and ends its substitution at once. */
export async function cancelAbsence(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<Absence> {
  const current = await getOr404<Absence>(deps, 'absence', actor.tenantId, id);
  assertRecorded(current);
  const substitution = await substitutionOf(deps, actor, current);
  const { id: _i, tenantId: _t, version: _v, createdAt, updatedAt: _u, ...data } = current;
  const { items } = await deps.store.transact(
    absenceWrites(
      deps,
      actor,
      { id, createdAt, data: { ...data, status: 'cancelled' }, expectedVersion: input.version },
      substitution,
      undefined,
    ),
  );
  return items[0] as Absence;
}

export const getAbsence = (deps: Deps, actor: Actor, id: string) =>
  getOr404<Absence>(deps, 'absence', actor.tenantId, id);

export async function listAbsences(
  deps: Deps,
  actor: Actor,
  q: ListQuery & { employeeId?: string },
): Promise<Page<Absence>> {
  await assertExists(deps, 'employee', actor.tenantId, q.employeeId, 'employeeId');
  return listPage(deps, 'absence', actor.tenantId, {
    ...q,
    ...(q.employeeId ? { parentKey: q.employeeId } : {}),
  });
}
