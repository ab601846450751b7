import { describe, expect, it } from 'vitest';
import { archiveDocument, runIntegrityCheck } from '../../../functions/modules/archive';
import { archiveWorld } from './world';

/** Records what the archive alerts would tell. */
function alertsOf(deps: ReturnType<typeof archiveWorld>) {
  const sent: Array<{ summary: string; key: string }> = [];
  return {
    ...deps,
    archiveAlerts: { integrityProblem: async (a: { summary: string; key: string }) => void sent.push(a) },
    sent,
  };
}

describe('runIntegrityCheck', () => {
  it('reports an intact archive as such', async () => {
    const deps = alertsOf(archiveWorld());
    await archiveDocument(deps, 't1', 'letter');

    const report = await runIntegrityCheck(deps, { tenantId: 't1', reportId: 'r1', trigger: 'manual' });

    expect(report).toMatchObject({ status: 'ok', mismatchCount: 0, checkedObjects: 4 });
    expect(deps.sent).toEqual([]);
  });

  it('finds archived bytes that changed behind the storage’s back, and alerts the archive role once per report', async () => {
    // Arrange: the original's bytes replaced with its recorded checksum kept (the storage serves them)
    const deps = alertsOf(archiveWorld());
    const state = (await archiveDocument(deps, 't1', 'letter'))!;
    const content = state.objects.find((o) => o.role === 'content')!;
    deps.objects.corrupt('archive', content.key, new TextEncoder().encode('%PDF-1.4 saxta'));

    // Act
    const report = await runIntegrityCheck(deps, { tenantId: 't1', reportId: 'r2', trigger: 'schedule' });

    // Assert
    expect(report.status).toBe('mismatch');
    expect(report.mismatches).toEqual([
      { kind: 'object', key: content.key, documentId: 'letter', detail: 'sha256 mismatch' },
    ]);
    expect(deps.sent).toEqual([expect.objectContaining({ key: 'archive-integrity:r2' })]);
  });
});
