import { describe, expect, it } from 'vitest';
import { groupResolution } from '../../../functions/modules/execution/usecases/group-resolution.usecase';
import { BusinessRuleError } from '../../../functions/platform/kernel/errors';
import {
  actor,
  employee,
  executionDeps,
  incoming,
  seedEmployees,
  TENANT,
} from '../../support/execution-deps';

const head = actor('head', ['head']);
const one = {
  text: 'Baxıb cavab hazırlayın',
  executors: [{ employeeId: 'ali', responsible: true }, { employeeId: 'vali' }],
  controllerId: 'boss',
  dueDate: '2026-03-20',
};

function world() {
  const w = executionDeps();
  seedEmployees(w.store, employee('ali'), employee('vali'), employee('boss'));
  w.documents.seed({
    documents: [
      incoming('doc-1'),
      incoming('doc-2', { status: 'cancelled' }),
      incoming('doc-3', { version: 4 }),
      incoming('doc-4'),
    ],
  });
  return w;
}

const resolutionsOf = async (w: ReturnType<typeof world>, id: string) =>
  (await w.documents.assignments(TENANT, id)).filter((a) => a.kind === 'resolution');

describe('groupResolution', () => {
  it('writes the one resolution on every document it may, and says why not on the others', async () => {
    // Arrange
    const w = world();

    // Act
    const out = await groupResolution(w.deps, head, {
      ...one,
      documents: [
        { id: 'doc-1', version: 1 },
        { id: 'doc-2', version: 1 },
        { id: 'doc-3', version: 1 },
        { id: 'doc-4', version: 1 },
      ],
    });

    // Assert
    expect(out.results.map((r) => [r.id, r.ok, r.code])).toEqual([
      ['doc-1', true, undefined],
      ['doc-2', false, 'operation_not_allowed'],
      ['doc-3', false, 'stale_version'],
      ['doc-4', true, undefined],
    ]);
    for (const id of ['doc-1', 'doc-4']) {
      const all = await w.documents.assignments(TENANT, id);
      expect(all.find((a) => a.kind === 'resolution')).toMatchObject({
        text: one.text,
        controllerId: 'boss',
        dueDate: '2026-03-20',
      });
      expect(all.filter((a) => a.kind === 'execution').map((a) => [a.ownerId, a.role])).toEqual([
        ['ali', 'responsible'],
        ['vali', 'co-executor'],
      ]);
      expect(await w.documents.get(TENANT, id)).toMatchObject({ status: 'in-execution', controlled: true });
    }
    expect(await resolutionsOf(w, 'doc-3')).toEqual([]);
  });

  it('never writes a second resolution when the same request is retried with its key', async () => {
    // Arrange
    const w = world();
    const key = { key: 'writeGroupResolution:head:run-7', requestHash: 'whole-body' };
    const input = { ...one, documents: [{ id: 'doc-1', version: 1 }] };
    await groupResolution(w.deps, head, input, key);

    // Act: the same chunk again, then the selection re-sent in another split
    const again = await groupResolution(w.deps, head, input, key);
    const split = await groupResolution(
      w.deps,
      head,
      {
        ...one,
        documents: [
          { id: 'doc-1', version: 1 },
          { id: 'doc-4', version: 1 },
        ],
      },
      { ...key, requestHash: 'another-body' },
    );

    // Assert
    expect(again.results).toEqual([{ id: 'doc-1', ok: true, version: 2 }]);
    expect(split.results).toEqual([
      { id: 'doc-1', ok: true, version: 2 },
      { id: 'doc-4', ok: true, version: 2 },
    ]);
    expect(await resolutionsOf(w, 'doc-1')).toHaveLength(1);
  });

  it('refuses a bad resolution or selection as a whole before writing anything', async () => {
    // Arrange
    const w = world();
    const documents = [{ id: 'doc-1', version: 1 }];

    // Act
    const noDue = groupResolution(w.deps, head, { ...one, dueDate: undefined, documents });
    const stranger = groupResolution(w.deps, head, {
      ...one,
      executors: [{ employeeId: 'nobody' }],
      documents,
    });

    const unknown = groupResolution(w.deps, head, {
      ...one,
      documents: [...documents, { id: 'nowhere', version: 1 }],
    });

    // Assert
    await expect(unknown).rejects.toMatchObject({ issues: [{ path: 'documents.1.id' }] });
    await expect(noDue).rejects.toMatchObject({ code: 'due_date_required' });
    await expect(stranger).rejects.toBeInstanceOf(BusinessRuleError);
    expect(await resolutionsOf(w, 'doc-1')).toEqual([]);
  });
});
