import { describe, expect, it } from 'vitest';
import { archiveDocument, runIntegrityCheck } from '../../../functions/modules/archive';
import {
  cancelDisposalAct,
  disposalPreview,
  drawUpDisposalAct,
  executeDisposal,
  getDisposalAct,
  listDisposalActs,
} from '../../../functions/modules/archive/usecases/disposal.usecase';
import { setLegalHold } from '../../../functions/modules/archive/usecases/records.usecase';
import { ForbiddenError } from '../../../functions/platform/kernel/errors';
import { clerk } from '../documents/world';
import { archiveWorld, archivist } from './world';

const keeper = { ...archivist, tenantId: 't1' };

/** The letter archived, and the clock moved past the end of its retention period. */
async function dueWorld() {
  const deps = archiveWorld();
  const state = (await archiveDocument(deps, 't1', 'letter'))!;
  deps.clock.set(new Date(Date.parse(state.retainUntil) + 86_400_000).toISOString());
  return { deps, state };
}

/** The act's document signed at the end of its route (what the route's signing step does). */
async function sign(deps: ReturnType<typeof archiveWorld>, documentId: string) {
  const doc = (await deps.documents.get('t1', documentId))!;
  await deps.documents.commit({
    document: { ...doc, status: 'signed' },
    expectedVersion: doc.version,
    operation: { actorId: 'head', action: 'sign', changes: [{ field: 'status', after: 'signed' }] },
  });
}

describe('drawing up a disposal act', () => {
  it('is the archive role’s, and finds nothing while the retention period runs', async () => {
    const deps = archiveWorld();
    await archiveDocument(deps, 't1', 'letter');

    await expect(drawUpDisposalAct(deps, { ...clerk, tenantId: 't1' }, {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(drawUpDisposalAct(deps, keeper, {})).rejects.toMatchObject({ code: 'nothing_to_dispose' });
    expect((await disposalPreview(deps, keeper)).documents).toBe(0);
  });

  it('lists the case files whose period ended in a registered internal document, one act at a time', async () => {
    const { deps } = await dueWorld();

    const preview = await disposalPreview(deps, keeper);
    const act = await drawUpDisposalAct(deps, keeper, { comment: 'Komissiya' });
    const doc = (await deps.documents.get('t1', act.documentId!))!;

    expect(preview.cases).toEqual([
      expect.objectContaining({ index: '02-01', closedYear: 2026, retentionYears: 5, documents: 1 }),
    ]);
    expect(act).toMatchObject({ status: 'approval', documentIds: ['letter'], more: false });
    expect(doc).toMatchObject({ kind: 'internal', status: 'registered', authorId: keeper.employeeId });
    expect(doc.internal?.extraInfo).toBe(act.listing);
    expect(act.listing).toContain('02-01 «Vətəndaş müraciətləri», 2026-ci il: 1 sənəd');
    await expect(drawUpDisposalAct(deps, keeper, {})).rejects.toMatchObject({ code: 'disposal_act_open' });
    expect((await listDisposalActs(deps, keeper, { limit: 10 })).items.map((a) => a.id)).toEqual([act.id]);
  });

  it('replays a retried request instead of refusing it', async () => {
    const { deps } = await dueWorld();
    const key = { key: 'akt-retry-1', requestHash: 'h' };

    const first = await drawUpDisposalAct(deps, keeper, {}, key);
    const again = await drawUpDisposalAct(deps, keeper, {}, key);

    expect(again.id).toBe(first.id);
    expect(again.documentId).toBe(first.documentId);
  });
});

describe('executing a disposal act', () => {
  it('deletes nothing before the signature, then the listed copies; the act is archived permanently', async () => {
    const { deps, state } = await dueWorld();
    const act = await drawUpDisposalAct(deps, keeper, {});

    await executeDisposal(deps, 't1', act.documentId!);
    const before = await deps.objects.get({ bucket: 'archive', key: state.objects[0]!.key });
    await sign(deps, act.documentId!);
    await executeDisposal(deps, 't1', act.documentId!);
    await executeDisposal(deps, 't1', act.documentId!);

    const done = await getDisposalAct(deps, keeper, act.id);
    const letter = (await deps.documents.get('t1', 'letter'))!;
    const actDoc = (await deps.documents.get('t1', act.documentId!))!;
    const log = await deps.documents.operations('t1', 'letter', { limit: 100 });
    expect(before).toBeDefined();
    expect(done).toMatchObject({ status: 'executed', result: { disposed: 1, skipped: [] } });
    for (const o of state.objects)
      expect(
        await deps.objects.get({ bucket: 'archive', key: o.key, versionId: o.versionId }),
      ).toBeUndefined();
    expect(letter.archive?.disposal).toMatchObject({ actId: act.id, actDocumentId: act.documentId });
    expect(log.items.filter((e) => e.action === 'dispose')).toHaveLength(1);
    expect(actDoc.status).toBe('archived');
    expect(actDoc.archive).toMatchObject({ permanent: true, legalHold: true });
    // The next act may be drawn up (nothing is due any more).
    await expect(drawUpDisposalAct(deps, keeper, {})).rejects.toMatchObject({ code: 'nothing_to_dispose' });
  });

  it('keeps a document put under a legal hold after the act was drawn up', async () => {
    const { deps, state } = await dueWorld();
    const act = await drawUpDisposalAct(deps, keeper, {});
    const version = (await deps.documents.get('t1', 'letter'))!.version;
    await setLegalHold(deps, keeper, 'letter', { on: true, version, reason: 'Məhkəmə' });

    await sign(deps, act.documentId!);
    await executeDisposal(deps, 't1', act.documentId!);

    const done = await getDisposalAct(deps, keeper, act.id);
    expect(done.result).toMatchObject({
      disposed: 0,
      skipped: [{ documentId: 'letter', reason: 'legal_hold' }],
    });
    expect(await deps.objects.get({ bucket: 'archive', key: state.objects[0]!.key })).toBeDefined();
  });

  it('deletes nothing when the act’s text was changed before it was signed', async () => {
    const { deps, state } = await dueWorld();
    const act = await drawUpDisposalAct(deps, keeper, {});
    const doc = (await deps.documents.get('t1', act.documentId!))!;
    await deps.documents.commit({
      document: { ...doc, internal: { ...doc.internal!, extraInfo: 'Başqa siyahı' } },
      expectedVersion: doc.version,
      operation: { actorId: keeper.employeeId, action: 'update', changes: [] },
    });

    await sign(deps, act.documentId!);
    await executeDisposal(deps, 't1', act.documentId!);

    expect(await getDisposalAct(deps, keeper, act.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'listing_changed',
    });
    expect(await deps.objects.get({ bucket: 'archive', key: state.objects[0]!.key })).toBeDefined();
  });

  it('the integrity check finds no mismatch in a disposed document, whose files are refused', async () => {
    const { deps } = await dueWorld();
    const act = await drawUpDisposalAct(deps, keeper, {});
    await sign(deps, act.documentId!);
    await executeDisposal(deps, 't1', act.documentId!);

    const report = await runIntegrityCheck(deps, { tenantId: 't1', reportId: 'r1', trigger: 'manual' });

    expect(report.mismatchCount).toBe(0);
  });
});

describe('working copies under the attachments bucket’s own lock', () => {
  it('are left to the nightly sweep, which deletes them once that lock ends', async () => {
    const deps = archiveWorld();
    const letter = (await deps.documents.get('t1', 'letter'))!;
    await deps.documents.commit({
      document: { ...letter, contents: letter.contents.map((c) => ({ ...c, versionId: 'v1' })) },
      expectedVersion: letter.version,
      operation: { actorId: 'system', action: 'update', changes: [] },
    });
    const state = (await archiveDocument(deps, 't1', 'letter'))!;
    const lockEnds = new Date(Date.parse(state.retainUntil) + 2 * 365 * 86_400_000).toISOString();
    deps.objects.lockAll('attachments', 't1/documents/letter/c1', lockEnds);
    deps.clock.set(new Date(Date.parse(state.retainUntil) + 86_400_000).toISOString());
    const act = await drawUpDisposalAct(deps, keeper, {});
    await sign(deps, act.documentId!);
    await executeDisposal(deps, 't1', act.documentId!);
    const working = { bucket: 'attachments' as const, key: 't1/documents/letter/c1', versionId: 'v1' };

    const done = await getDisposalAct(deps, keeper, act.id);
    await runIntegrityCheck(deps, { tenantId: 't1', reportId: 'r1', trigger: 'schedule' });
    const stillLocked = await deps.objects.get(working);
    deps.clock.set(new Date(Date.parse(lockEnds) + 86_400_000).toISOString());
    await runIntegrityCheck(deps, { tenantId: 't1', reportId: 'r2', trigger: 'schedule' });

    expect(done.result).toMatchObject({ disposed: 1, lockedCopies: 1 });
    expect(stillLocked).toBeDefined();
    expect(await deps.objects.get(working)).toBeUndefined();
  });
});

describe('cancelling a disposal act', () => {
  it('cancels its document and frees the agency for a new act; an executed act cannot be cancelled', async () => {
    const { deps } = await dueWorld();
    const act = await drawUpDisposalAct(deps, keeper, {});

    const cancelled = await cancelDisposalAct(deps, keeper, act.id, { version: act.version, reason: 'Səhv' });
    const doc = (await deps.documents.get('t1', act.documentId!))!;
    const next = await drawUpDisposalAct(deps, keeper, {});
    await sign(deps, next.documentId!);
    await executeDisposal(deps, 't1', next.documentId!);
    const executed = await getDisposalAct(deps, keeper, next.id);

    expect(cancelled.status).toBe('cancelled');
    expect(doc.status).toBe('cancelled');
    expect(next.documentIds).toEqual(['letter']);
    await expect(
      cancelDisposalAct(deps, keeper, next.id, { version: executed.version, reason: 'Gec' }),
    ).rejects.toMatchObject({ code: 'disposal_act_closed' });
  });
});
