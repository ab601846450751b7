import { describe, expect, it } from 'vitest';
import { readArchived, readProblem } from '../../../functions/modules/archive/usecases/read';
import { memoryDeps } from '../../support/memory-deps';

describe('readArchived', () => {
  it('tells a missing object from one the storage refuses to serve', async () => {
    const deps = memoryDeps();
    const refusing = {
      ...deps,
      objects: { ...deps.objects, get: async () => Promise.reject(new Error('500')) },
    };

    const missing = await readArchived(deps, { key: 'nope' });
    const refused = await readArchived(refusing as never, { key: 'x' });

    expect(missing).toBeUndefined();
    expect(refused).toBeNull();
    expect([readProblem(missing), readProblem(refused), readProblem(new Uint8Array())]).toEqual([
      'missing',
      'unreadable (storage checksum error)',
      'sha256 mismatch',
    ]);
  });
});
