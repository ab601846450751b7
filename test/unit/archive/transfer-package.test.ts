import { describe, expect, it } from 'vitest';
import { requestTransfer } from '../../../functions/modules/archive/usecases/transfer.usecase';
import {
  buildTransfer,
  documentPayload,
  failTransfer,
  packageRetainUntil,
} from '../../../functions/modules/archive/usecases/transfer-package';
import { hex, keeper, permanentWorld } from './transfer-world';

async function queued() {
  const deps = await permanentWorld();
  const t = await requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2026 });
  const doc = (await deps.documents.get('t1', 'letter'))!;
  return { deps, t, doc, key: `t1/archive/transfers/${t.id}/${t.name}.tar` };
}

describe('building a transfer package', () => {
  it('fails, naming the object, when an archived copy no longer matches its SHA-256, and stores nothing', async () => {
    const { deps, t, doc, key } = await queued();
    const original = doc.archive!.objects.find((o) => o.role === 'content')!;
    deps.objects.corrupt('archive', original.key, new TextEncoder().encode('%PDF-1.4 saxta'));

    const out = await buildTransfer(deps, { tenantId: 't1', transferId: t.id });

    expect(out).toMatchObject({
      status: 'failed',
      failure: { code: 'sha256_mismatch', documentId: 'letter', key: original.key },
    });
    expect(out.sha256).toBeUndefined();
    expect(await deps.objects.head({ bucket: 'archive', key })).toBeUndefined();
  });

  it('fails when an archived copy is missing', async () => {
    const { deps, t, doc } = await queued();
    deps.objects.lose('archive', doc.archive!.objects[0]!.key);

    const out = await buildTransfer(deps, { tenantId: 't1', transferId: t.id });

    expect(out.failure).toMatchObject({ code: 'object_missing', documentId: 'letter' });
  });

  it('takes over the package an earlier attempt stored before it died, and does nothing once ready', async () => {
    const { deps, t } = await queued();
    const first = await buildTransfer(deps, { tenantId: 't1', transferId: t.id });
    // The record as it was before the first attempt recorded its package.
    const stored = (await deps.store.get('archive-transfer', 't1', t.id))!;
    await deps.store.update(
      'archive-transfer',
      { ...first, status: 'building', sha256: undefined, key: undefined },
      stored.version,
      { actorId: 'system', parentKey: 'daimi', sortKey: 'x' },
    );

    const retried = await buildTransfer(deps, { tenantId: 't1', transferId: t.id });
    const again = await buildTransfer(deps, { tenantId: 't1', transferId: t.id });

    expect(retried).toMatchObject({
      status: 'ready',
      sha256: first.sha256,
      size: first.size,
      key: first.key,
    });
    expect(again.version).toBe(retried.version);
    const bytes = await deps.objects.get({ bucket: 'archive', key: first.key! });
    expect(hex(bytes!)).toBe(first.sha256);
  });

  it('records the machine’s failure after its retries, but never over a ready package', async () => {
    const { deps, t } = await queued();

    const failed = await failTransfer(deps, {
      tenantId: 't1',
      transferId: t.id,
      failure: { code: 'build_failed', detail: 'States.Timeout' },
    });
    const other = await queued();
    await buildTransfer(other.deps, { tenantId: 't1', transferId: other.t.id });
    const kept = await failTransfer(other.deps, {
      tenantId: 't1',
      transferId: other.t.id,
      failure: { code: 'build_failed', detail: 'late' },
    });

    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'build_failed' } });
    expect(kept.status).toBe('ready');
  });

  it('puts originals under their own names and keeps the package locked through the next year', async () => {
    const { doc } = await queued();

    const files = documentPayload(doc, 'E-7-26_letter');

    expect(files.map((f) => f.path)).toEqual([
      'data/E-7-26_letter/single-file.pdf',
      'data/E-7-26_letter/originals/skan.pdf',
      'data/E-7-26_letter/operations.json',
      'data/E-7-26_letter/manifest.json',
    ]);
    expect(packageRetainUntil('2026-12-31T21:00:00.000Z').toISOString()).toBe('2028-12-31T20:00:00.000Z');
  });
});
