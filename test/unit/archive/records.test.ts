import { describe, expect, it } from 'vitest';
import { archiveDocument } from '../../../functions/modules/archive';
import {
  closeCaseFile,
  readArchivedObject,
  setLegalHold,
} from '../../../functions/modules/archive/usecases/records.usecase';
import { BusinessRuleError, ConflictError, ForbiddenError } from '../../../functions/platform/kernel/errors';
import { clerk } from '../documents/world';
import { archiveWorld, archivist } from './world';

const keeper = { ...archivist, tenantId: 't1' };

describe('legal hold', () => {
  it('is set on every archived object by the archive role, and logged with its reason', async () => {
    const deps = archiveWorld();
    await archiveDocument(deps, 't1', 'letter');
    const version = (await deps.documents.get('t1', 'letter'))!.version;

    const doc = await setLegalHold(deps, keeper, 'letter', { on: true, version, reason: 'Məhkəmə sorğusu' });

    expect(doc.archive?.legalHold).toBe(true);
    for (const o of doc.archive!.objects)
      expect(
        await deps.objects.lockState({ bucket: 'archive', key: o.key, versionId: o.versionId }),
      ).toMatchObject({
        retainUntil: doc.archive!.retainUntil,
        legalHold: true,
      });
    const log = await deps.documents.operations('t1', 'letter', { limit: 100 });
    expect(log.items.at(-1)).toMatchObject({ action: 'legal-hold-set', comment: 'Məhkəmə sorğusu' });
  });

  it('is refused to anyone else, and for a document not yet copied to the archive', async () => {
    const deps = archiveWorld();

    await expect(
      setLegalHold(deps, clerk, 'letter', { on: true, version: 1, reason: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setLegalHold(deps, keeper, 'letter', { on: true, version: 1, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_archived',
    });
  });
});

describe('reading an archived file', () => {
  it('answers 409 for bytes that no longer match, and alerts', async () => {
    const deps = archiveWorld();
    const sent: string[] = [];
    const state = (await archiveDocument(deps, 't1', 'letter'))!;
    deps.objects.corrupt('archive', state.objects[0]!.key, new Uint8Array([1, 2, 3]));
    const watched = {
      ...deps,
      archiveAlerts: { integrityProblem: async (a: { key: string }) => void sent.push(a.key) },
    };

    await expect(
      readArchivedObject(watched, keeper, 'letter', { role: 'single-file' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(sent).toHaveLength(1);
    const original = await readArchivedObject(watched, keeper, 'letter', {
      role: 'content',
      contentId: 'c1',
    });
    expect(original.sha256).toBe(state.objects[1]!.sha256);
  });
});

describe('closing a case file', () => {
  it('refuses an unknown case file and a year not over yet, writing nothing', async () => {
    const deps = archiveWorld();

    await expect(closeCaseFile(deps, keeper, { nomenclatureId: 'nope', year: 2026 })).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    await expect(closeCaseFile(deps, keeper, { nomenclatureId: 'case5', year: 2099 })).rejects.toMatchObject({
      code: 'case_year_not_over',
    });
    expect(await deps.store.get('archive-case', 't1', 'case5:2026')).toBeUndefined();
  });
});
