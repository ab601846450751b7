import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS, type OperationLink } from '../../../functions/modules/documents';
import { chainMismatches } from '../../../functions/modules/archive/usecases/chain.usecase';

/** A chain of `n` log entries of one document, each linked to the one before it. */
function chain(n: number) {
  const out: Array<{ chained: boolean; key: string; link: OperationLink; hash: string }> = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const link: OperationLink = {
      tenantId: 't1',
      documentId: 'd',
      seq,
      at: `2026-03-02T06:00:0${seq}.000Z`,
      opId: `o${seq}`,
      actorId: 'clerk',
      action: 'update',
      changes: [{ field: 'summary', after: `v${seq}` }],
      prevHash: prev,
    };
    prev = entryHash(link);
    out.push({ chained: true, key: link.opId, link, hash: prev });
  }
  return out;
}

describe('chainMismatches', () => {
  it('finds nothing wrong with an intact chain', () => {
    expect(chainMismatches('operations', chain(4))).toEqual([]);
  });

  it('names the entry whose field changed, and only it', () => {
    const entries = chain(4);
    entries[2]!.link = { ...entries[2]!.link, actorId: 'someone else' };

    expect(chainMismatches('operations', entries)).toEqual([
      expect.objectContaining({ key: 'o3', problem: 'hash', seq: 3, documentId: 'd' }),
    ]);
  });

  it('finds a removed entry by the broken link after it', () => {
    const entries = chain(4);
    entries.splice(1, 1);

    expect(chainMismatches('operations', entries)).toEqual([
      expect.objectContaining({ key: 'o3', problem: 'link' }),
    ]);
  });

  it('skips entries written before the chain', () => {
    const entries = [
      { chained: false, key: 'old', link: { ...chain(1)[0]!.link, seq: 0, prevHash: '' } },
      ...chain(2),
    ];

    expect(chainMismatches('operations', entries)).toEqual([]);
  });
});
