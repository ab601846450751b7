import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import type { SubstitutionData } from './org';

/** Why an employee is away: annual or other leave, sick leave, a business trip. */
export const absenceKinds = ['leave', 'sick-leave', 'business-trip'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

export const absenceStatuses = ['recorded', 'cancelled'] as const;
export type AbsenceStatus = (typeof absenceStatuses)[number];

/**
 * An employee's absence: the one source of the substitution that covers it. The substitution
 * (when a substitute is named) is derived from these dates and this substitute, and written in the
 * same transaction as the absence; nobody edits it apart.
 */
export interface AbsenceData {
  employeeId: string;
  kind: AbsenceKind;
  /** Calendar dates in Asia/Baku, inclusive: YYYY-MM-DD */
  from: string;
  to: string;
  /** Who acts for the employee meanwhile (absent: nobody; the work waits). */
  substituteId?: string;
  note?: string;
  status: AbsenceStatus;
  /** The substitution this absence keeps (absent while it never named a substitute). */
  substitutionId?: string;
}
export type Absence = AggregateMeta & AbsenceData;

/** What a caller states about an absence (the status and the substitution are the system's). */
export type AbsenceInput = Pick<AbsenceData, 'employeeId' | 'kind' | 'from' | 'to' | 'substituteId' | 'note'>;

/** Whether two inclusive date ranges share a day. */
export const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  a.from <= b.to && b.from <= a.to;

/** The input's own rules: a real range, and nobody stands in for themselves. */
export function assertAbsenceInput(input: AbsenceInput): void {
  if (input.substituteId !== undefined && input.substituteId === input.employeeId) {
    throw new BusinessRuleError('substitute_is_self', 'An employee cannot substitute themselves', {}, [
      { path: 'substituteId', code: 'substitute_is_self' },
    ]);
  }
  if (input.to < input.from) {
    throw new BusinessRuleError('date_range_inverted', 'The period ends before it starts', {}, [
      { path: 'to', code: 'date_range_inverted' },
    ]);
  }
}

/**
 * An employee is away once at a time: a recorded absence of the same employee that shares a day
 * with this one (other than itself) is refused.
 */
export function assertNoOverlap(input: AbsenceInput, others: readonly Absence[], selfId?: string): void {
  const clash = others.find(
    (a) =>
      a.id !== selfId && a.status === 'recorded' && a.employeeId === input.employeeId && overlaps(a, input),
  );
  if (clash) {
    throw new BusinessRuleError(
      'absence_overlap',
      'The employee is already absent on some of these days',
      {},
      [{ path: 'from', code: 'absence_overlap' }],
    );
  }
}

/** A substitute who is away on a day of the period cannot act then. */
export function assertSubstitutePresent(input: AbsenceInput, substitutesAbsences: readonly Absence[]): void {
  if (!input.substituteId) return;
  const away = substitutesAbsences.find((a) => a.status === 'recorded' && overlaps(a, input));
  if (away) {
    throw new BusinessRuleError('substitute_absent', 'The substitute is absent during the period', {}, [
      { path: 'substituteId', code: 'substitute_absent' },
    ]);
  }
}

/** A cancelled absence is a record of what was planned: it changes no more. */
export function assertRecorded(absence: Absence): void {
  if (absence.status === 'cancelled')
    throw new ConflictError('absence_cancelled', 'The absence is cancelled and cannot change');
}

/**
 * The substitution an absence implies: its substitute for its dates while it stands, or nothing.
 * `current` is the substitution the absence kept so far: when the substitute changes, the one
 * replaced is remembered, so that the tasks they still hold for the official move on as well.
 */
export function substitutionFor(
  absence: Pick<Absence, 'id' | 'employeeId' | 'from' | 'to' | 'substituteId' | 'note' | 'status'>,
  current: SubstitutionData | undefined,
): SubstitutionData | undefined {
  const standing = absence.status === 'recorded' && absence.substituteId !== undefined;
  if (!standing && !current) return undefined;
  const substituteId = standing ? absence.substituteId! : current!.substituteId;
  const former = new Set(current?.formerSubstituteIds ?? []);
  if (current && current.substituteId !== substituteId) former.add(current.substituteId);
  former.delete(substituteId);
  return {
    employeeId: absence.employeeId,
    substituteId,
    from: absence.from,
    to: absence.to,
    ...(absence.note ? { reason: absence.note } : {}),
    active: standing,
    absenceId: absence.id,
    ...(former.size > 0 ? { formerSubstituteIds: [...former] } : {}),
  };
}
