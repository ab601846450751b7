import { describe, expect, it } from 'vitest';
import { hashArchived, hashProblem, readArchived } from '../../../functions/modules/archive/usecases/read';
import { memoryDeps } from '../../support/memory-deps';
import { sha256 } from './world';

describe('readArchived', () => {
  it('tells a missing object from one the storage refuses to serve', async () => {
    const deps = memoryDeps();
    const refusing = {
      ...deps,
      objects: { ...deps.objects, get: async () => Promise.reject(new Error('500')) },
    };

    expect(await readArchived(deps, { key: 'nope' })).toBeUndefined();
    expect(await readArchived(refusing as never, { key: 'x' })).toBeNull();
  });
});

describe('hashArchived', () => {
  it('hashes the stored bytes as they stream, and tells missing from refused', async () => {
    const deps = memoryDeps();
    const body = new TextEncoder().encode('arxiv obyekti '.repeat(10_000));
    const { versionId } = await deps.objects.put({
      bucket: 'archive',
      key: 't1/archive/x',
      body,
      contentType: 'application/octet-stream',
    });
    const refusing = {
      ...deps,
      objects: { ...deps.objects, getStream: async () => Promise.reject(new Error('500')) },
    };

    const hash = await hashArchived(deps, { key: 't1/archive/x', ...(versionId ? { versionId } : {}) });
    const missing = await hashArchived(deps, { key: 'nope' });
    const refused = await hashArchived(refusing as never, { key: 't1/archive/x' });

    expect(hash).toBe(sha256(body));
    expect(missing).toBeUndefined();
    expect(refused).toBeNull();
    expect([hashProblem(missing), hashProblem(refused), hashProblem('ab')]).toEqual([
      'missing',
      'unreadable (storage checksum error)',
      'sha256 mismatch',
    ]);
  });
});
