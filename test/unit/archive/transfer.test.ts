import { describe, expect, it } from 'vitest';
import {
  getTransfer,
  listTransfers,
  requestTransfer,
  TRANSFER_MACHINE,
  transferPackage,
} from '../../../functions/modules/archive/usecases/transfer.usecase';
import { buildTransfer } from '../../../functions/modules/archive/usecases/transfer-package';
import { archiveDocument } from '../../../functions/modules/archive';
import { BusinessRuleError, ForbiddenError } from '../../../functions/platform/kernel/errors';
import { clerk } from '../documents/world';
import { archiveWorld } from './world';
import { hex, keeper, permanentWorld, untar } from './transfer-world';

describe('asking for a transfer package', () => {
  it('is the archive role’s, for a permanent case file only, and writes nothing when refused', async () => {
    const deps = archiveWorld();
    await archiveDocument(deps, 't1', 'letter');

    await expect(
      requestTransfer(deps, clerk, { nomenclatureId: 'case5', year: 2026 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      requestTransfer(deps, keeper, { nomenclatureId: 'case5', year: 2026 }),
    ).rejects.toMatchObject({
      code: 'transfer_not_permanent',
      issues: [{ path: 'nomenclatureId', code: 'transfer_not_permanent' }],
    });
    await expect(
      requestTransfer(deps, keeper, { nomenclatureId: 'nope', year: 2026 }),
    ).rejects.toBeInstanceOf(BusinessRuleError);
    expect((await deps.store.list('archive-transfer', 't1', { limit: 10 })).items).toEqual([]);
    expect(deps.workflow.started.filter((s) => s.machine === TRANSFER_MACHINE)).toEqual([]);
  });

  it('is refused for a year without archived documents of the case file', async () => {
    const deps = await permanentWorld();

    await expect(
      requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2025 }),
    ).rejects.toMatchObject({
      code: 'transfer_no_documents',
    });
    expect((await deps.store.list('archive-transfer', 't1', { limit: 10 })).items).toEqual([]);
  });

  it('queues the package for the transfer machine, once per Idempotency-Key', async () => {
    const deps = await permanentWorld();
    const idem = { key: 'k-1', requestHash: 'h' };

    const first = await requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2026 }, idem);
    const again = await requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2026 }, idem);

    expect(first).toMatchObject({
      status: 'queued',
      caseIndex: '01-01',
      year: 2026,
      documents: 1,
      progress: { done: 0, total: 1 },
    });
    expect(first).not.toHaveProperty('documentIds');
    expect(again.id).toBe(first.id);
    expect(deps.workflow.started.filter((s) => s.machine === TRANSFER_MACHINE)).toEqual([
      {
        machine: TRANSFER_MACHINE,
        name: `transfer-${first.id}`,
        input: { tenantId: 't1', transferId: first.id },
      },
    ]);
    await expect(transferPackage(deps, keeper, first.id)).rejects.toMatchObject({
      code: 'transfer_not_ready',
    });
  });

  it('builds the bag: payload files with their recorded SHA-256, the tag files, the package’s hash and lock', async () => {
    const deps = await permanentWorld();
    const queued = await requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2026 });

    const built = await buildTransfer(deps, { tenantId: 't1', transferId: queued.id });
    const ready = await getTransfer(deps, keeper, queued.id);
    const link = await transferPackage(deps, keeper, queued.id);
    const tarBytes = (await deps.objects.get({
      bucket: 'archive',
      key: built.key!,
      versionId: built.versionId,
    }))!;
    const files = await untar(tarBytes);
    const bag = `${built.name}/`;
    const text = (name: string) => files.get(`${bag}${name}`)!.toString('utf8');
    const lock = await deps.objects.lockState({
      bucket: 'archive',
      key: built.key!,
      versionId: built.versionId,
    });

    expect(ready).toMatchObject({ status: 'ready', progress: { done: 1, total: 1 }, sha256: hex(tarBytes) });
    expect(ready.size).toBe(tarBytes.byteLength);
    expect(built.key).toBe(`t1/archive/transfers/${queued.id}/${built.name}.tar`);
    expect(built.name).toMatch(/^karguzar-01-01-2026-[0-9a-f]{8}$/);
    expect(link).toMatchObject({ name: `${built.name}.tar`, sha256: ready.sha256 });
    expect(lock?.retainUntil).toBe(built.retainUntil);
    expect(text('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const manifest = text('manifest-sha256.txt').trim().split('\n');
    const payload = [...files.keys()]
      .filter((n) => n.startsWith(`${bag}data/`))
      .map((n) => n.slice(bag.length));
    expect(manifest.map((l) => l.slice(66)).sort()).toEqual(payload.sort());
    for (const line of manifest) expect(hex(files.get(`${bag}${line.slice(66)}`)!)).toBe(line.slice(0, 64));
    expect(payload).toEqual(
      expect.arrayContaining([
        'data/case-file.json',
        'data/E-7-26_letter/single-file.pdf',
        'data/E-7-26_letter/originals/skan.pdf',
        'data/E-7-26_letter/operations.json',
        'data/E-7-26_letter/manifest.json',
      ]),
    );
    const octets = payload.reduce((s, p) => s + files.get(`${bag}${p}`)!.byteLength, 0);
    expect(text('bag-info.txt')).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`);
    expect(text('bag-info.txt')).toContain('Source-Organization: Sınaq Agentliyi\n');
    expect(text('bag-info.txt')).toContain('External-Identifier: 01-01/2026\n');
    for (const line of text('tagmanifest-sha256.txt').trim().split('\n'))
      expect(hex(files.get(`${bag}${line.slice(66)}`)!)).toBe(line.slice(0, 64));
    const caseFile = JSON.parse(text('data/case-file.json')) as {
      documents: Array<{ id: string; number: string }>;
    };
    expect(caseFile.documents).toEqual([expect.objectContaining({ id: 'letter', number: 'Ə-7/26' })]);
  });

  it('lists the packages newest first, to the archive role only', async () => {
    const deps = await permanentWorld();
    const first = await requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2026 });
    deps.clock.advance(60_000);
    const second = await requestTransfer(deps, keeper, { nomenclatureId: 'daimi', year: 2026 });

    const page = await listTransfers(deps, keeper, { limit: 10 });

    expect(page.items.map((t) => t.id)).toEqual([second.id, first.id]);
    await expect(listTransfers(deps, clerk, { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTransfer(deps, keeper, 'nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(transferPackage(deps, clerk, first.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
