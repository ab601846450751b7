import { describe, expect, it } from 'vitest';
import type { Absence, AbsenceInput } from '../../../functions/modules/org/domain/absence';
import type { Substitution } from '../../../functions/modules/org/domain/org';
import {
  cancelAbsence,
  createAbsence,
  getAbsence,
  listAbsences,
  updateAbsence,
} from '../../../functions/modules/org/usecases/absence.usecase';
import { updateSubstitution } from '../../../functions/modules/org/usecases/structure.usecase';
import { actor, employee } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin-1', ['admin']);

function world() {
  const deps = memoryDeps();
  for (const id of ['official', 'deputy', 'deputy2', 'clerk'])
    deps.store.seed('employee', employee(id), { parentKey: '-' });
  deps.store.seed('employee', employee('gone', { active: false }));
  return deps;
}

const leave = (overrides: Partial<AbsenceInput> = {}): AbsenceInput => ({
  employeeId: 'official',
  kind: 'leave',
  from: '2026-03-09',
  to: '2026-03-20',
  substituteId: 'deputy',
  ...overrides,
});

const substitutionOf = (deps: ReturnType<typeof world>, a: Absence) =>
  deps.store.get<Substitution>('substitution', 't1', a.substitutionId!);

describe('recording an absence', () => {
  it('writes the absence and its substitution in one transaction, with a change record each', async () => {
    // Arrange
    const deps = world();

    // Act
    const absence = await createAbsence(deps, admin, leave({ note: 'Əmək məzuniyyəti' }), undefined);

    // Assert
    expect(absence).toMatchObject({ employeeId: 'official', kind: 'leave', status: 'recorded', version: 1 });
    expect(await substitutionOf(deps, absence)).toMatchObject({
      employeeId: 'official',
      substituteId: 'deputy',
      from: '2026-03-09',
      to: '2026-03-20',
      reason: 'Əmək məzuniyyəti',
      active: true,
      absenceId: absence.id,
      version: 1,
    });
    expect(deps.store.writes.map((w) => [w.kind, w.type, w.options.actorId])).toEqual([
      ['create', 'absence', 'admin-1'],
      ['create', 'substitution', 'admin-1'],
    ]);
    expect(deps.store.changeLog.map((c) => c.aggregateType)).toEqual(['absence', 'substitution']);
  });

  it('records an absence without a substitute and makes no substitution', async () => {
    // Arrange
    const deps = world();
    const { substituteId: _s, ...input } = leave({ kind: 'sick-leave' });

    // Act
    const absence = await createAbsence(deps, admin, input, undefined);

    // Assert
    expect(absence.substitutionId).toBeUndefined();
    expect(deps.store.all('substitution', 't1')).toEqual([]);
  });

  it('replays a create retried with the same idempotency key, writing nothing more', async () => {
    // Arrange
    const deps = world();
    const key = { key: 'createAbsence:admin-1:k1', requestHash: 'h1' };
    const first = await createAbsence(deps, admin, leave(), key);

    // Act
    const again = await createAbsence(deps, admin, leave(), key);

    // Assert
    expect(again.id).toBe(first.id);
    expect(deps.store.all('absence', 't1')).toHaveLength(1);
    expect(deps.store.all('substitution', 't1')).toHaveLength(1);
  });

  it('refuses overlapping absences, a substitute who is away or inactive, and nonsense, writing nothing', async () => {
    // Arrange
    const deps = world();
    await createAbsence(deps, admin, leave(), undefined);
    await createAbsence(
      deps,
      admin,
      leave({ employeeId: 'deputy2', substituteId: 'clerk', from: '2026-04-01', to: '2026-04-03' }),
      undefined,
    );
    const before = deps.store.writes.length;

    // Act
    const cases = [
      { from: '2026-03-20', to: '2026-03-25', kind: 'business-trip' as const },
      { from: '2026-04-02', to: '2026-04-02', substituteId: 'deputy2' },
      { from: '2026-05-01', to: '2026-05-02', substituteId: 'gone' },
      { from: '2026-05-01', to: '2026-05-02', substituteId: 'official' },
      { from: '2026-05-02', to: '2026-05-01' },
      { employeeId: 'nobody', from: '2026-05-01', to: '2026-05-02' },
    ].map((patch) => createAbsence(deps, admin, leave(patch), undefined));

    // Assert
    const at = (code: string, path: string) => ({ code, issues: [{ path, code }] });
    await expect(cases[0]).rejects.toMatchObject(at('absence_overlap', 'from'));
    await expect(cases[1]).rejects.toMatchObject(at('substitute_absent', 'substituteId'));
    await expect(cases[2]).rejects.toMatchObject(at('unknown_reference', 'substituteId'));
    await expect(cases[3]).rejects.toMatchObject(at('substitute_is_self', 'substituteId'));
    await expect(cases[4]).rejects.toMatchObject(at('date_range_inverted', 'to'));
    await expect(cases[5]).rejects.toMatchObject(at('unknown_reference', 'employeeId'));
    expect(deps.store.writes).toHaveLength(before);
  });
});

describe('changing an absence', () => {
  it('moves its substitution with it: new dates, and a replaced substitute remembered', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);

    // Act
    const changed = await updateAbsence(deps, admin, absence.id, {
      ...leave({ to: '2026-03-27', substituteId: 'deputy2' }),
      version: absence.version,
    });

    // Assert
    expect(changed).toMatchObject({ to: '2026-03-27', substituteId: 'deputy2', version: 2 });
    expect(await substitutionOf(deps, changed)).toMatchObject({
      substituteId: 'deputy2',
      to: '2026-03-27',
      active: true,
      formerSubstituteIds: ['deputy'],
      version: 2,
    });
    expect(deps.store.writes.slice(-2).map((w) => [w.kind, w.type])).toEqual([
      ['update', 'absence'],
      ['update', 'substitution'],
    ]);
  });

  it('leaves the substitution alone when only the kind or the note changes', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);

    // Act
    await updateAbsence(deps, admin, absence.id, { ...leave({ kind: 'business-trip' }), version: 1 });

    // Assert
    expect(deps.store.writes.at(-1)).toMatchObject({ kind: 'update', type: 'absence' });
    expect((await substitutionOf(deps, absence))?.version).toBe(1);
  });

  it('ends the substitution when the substitute is taken off, and makes one when a substitute is named', async () => {
    // Arrange
    const deps = world();
    const { substituteId: _s, ...alone } = leave();
    const withSub = await createAbsence(deps, admin, leave(), undefined);
    const withoutSub = await createAbsence(
      deps,
      admin,
      { ...alone, employeeId: 'clerk', from: '2026-06-01', to: '2026-06-05' },
      undefined,
    );

    // Act
    const dropped = await updateAbsence(deps, admin, withSub.id, { ...alone, version: 1 });
    const named = await updateAbsence(deps, admin, withoutSub.id, {
      ...alone,
      employeeId: 'clerk',
      from: '2026-06-01',
      to: '2026-06-05',
      substituteId: 'deputy',
      version: 1,
    });

    // Assert
    expect(dropped.substitutionId).toBe(withSub.substitutionId);
    expect(await substitutionOf(deps, dropped)).toMatchObject({ active: false, version: 2 });
    expect(await substitutionOf(deps, named)).toMatchObject({
      employeeId: 'clerk',
      substituteId: 'deputy',
      active: true,
      version: 1,
    });
  });

  it('keeps the absent employee: another person’s absence is another absence', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);

    // Act
    const moved = updateAbsence(deps, admin, absence.id, { ...leave({ employeeId: 'clerk' }), version: 1 });

    // Assert
    await expect(moved).rejects.toMatchObject({
      code: 'absence_employee_immutable',
      issues: [{ path: 'employeeId', code: 'absence_employee_immutable' }],
    });
    expect((await substitutionOf(deps, absence))?.employeeId).toBe('official');
  });

  it('refuses a stale version and leaves both records as they were', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);
    await updateAbsence(deps, admin, absence.id, { ...leave({ to: '2026-03-21' }), version: 1 });

    // Act
    const stale = updateAbsence(deps, admin, absence.id, { ...leave({ to: '2026-03-30' }), version: 1 });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    expect((await getAbsence(deps, admin, absence.id)).to).toBe('2026-03-21');
    expect((await substitutionOf(deps, absence))?.to).toBe('2026-03-21');
  });

  it('keeps the derived substitution out of direct edits (one source of truth)', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);
    const s = (await substitutionOf(deps, absence))!;

    // Act
    const edit = updateSubstitution(deps, admin, s.id, {
      employeeId: s.employeeId,
      substituteId: 'deputy2',
      from: s.from,
      to: s.to,
      active: true,
      version: s.version,
    });

    // Assert
    await expect(edit).rejects.toMatchObject({ code: 'substitution_follows_absence' });
    expect((await substitutionOf(deps, absence))?.substituteId).toBe('deputy');
  });
});

describe('cancelling an absence', () => {
  it('keeps the record as cancelled, ends its substitution at once, and refuses further changes', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);

    // Act
    const cancelled = await cancelAbsence(deps, admin, absence.id, { version: 1 });
    const again = cancelAbsence(deps, admin, absence.id, { version: 2 });
    const edit = updateAbsence(deps, admin, absence.id, { ...leave(), version: 2 });

    // Assert
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      version: 2,
      substitutionId: absence.substitutionId,
    });
    expect(await substitutionOf(deps, absence)).toMatchObject({ active: false, version: 2 });
    await expect(again).rejects.toMatchObject({ code: 'absence_cancelled' });
    await expect(edit).rejects.toMatchObject({ code: 'absence_cancelled' });
  });

  it('frees the days: a new absence may cover them after the cancellation', async () => {
    // Arrange
    const deps = world();
    const absence = await createAbsence(deps, admin, leave(), undefined);
    await cancelAbsence(deps, admin, absence.id, { version: 1 });

    // Act
    const replacement = await createAbsence(deps, admin, leave({ kind: 'sick-leave' }), undefined);

    // Assert
    expect(replacement.status).toBe('recorded');
  });
});

describe('listing absences', () => {
  it("lists one employee's absences by first day, and refuses an unknown employee filter", async () => {
    // Arrange
    const deps = world();
    const late = await createAbsence(deps, admin, leave({ from: '2026-07-01', to: '2026-07-10' }), undefined);
    const early = await createAbsence(deps, admin, leave(), undefined);
    await createAbsence(deps, admin, leave({ employeeId: 'clerk', substituteId: 'deputy2' }), undefined);

    // Act
    const page = await listAbsences(deps, admin, { limit: 10, employeeId: 'official' });
    const unknown = listAbsences(deps, admin, { limit: 10, employeeId: 'nobody' });

    // Assert
    expect(page.items.map((a) => a.id)).toEqual([early.id, late.id]);
    await expect(unknown).rejects.toMatchObject({ code: 'unknown_reference' });
  });
});
