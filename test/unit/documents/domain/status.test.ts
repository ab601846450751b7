import { describe, expect, it } from 'vitest';
import {
  diffDocuments,
  documentKinds,
  type DocumentData,
} from '../../../../functions/modules/documents/domain/document';
import { ConflictError } from '../../../../functions/platform/kernel/errors';
import * as statuses from '../../../../functions/modules/documents/domain/status';

describe('document status machines', () => {
  it('every transition leads to a status of the same machine, and every status is reachable', () => {
    for (const kind of documentKinds) {
      const machine = statuses.statusMachines[kind];
      const reachable = new Set([machine.initial]);
      for (const state of Object.values(machine.statuses)) {
        for (const [op, next] of Object.entries(state.next ?? {})) {
          expect(statuses.statusesOf(kind), `${kind} ${op}`).toContain(next);
          expect(state.allows, `${kind} ${op} listed`).toContain(op);
          reachable.add(next as string);
        }
      }
      // Statuses set by the routes feature (in execution, executed) are entered from outside.
      const external = new Set(['in-execution', 'executed']);
      for (const status of statuses.statusesOf(kind)) {
        if (!external.has(status)) expect(reachable.has(status), `${kind} ${status}`).toBe(true);
      }
    }
  });

  it('refuses an operation the status does not allow with a conflict naming status and operation', () => {
    expect(statuses.transition('incoming', 'registered', 'archive')).toBe('archived');
    expect(() => statuses.transition('incoming', 'cancelled', 'update')).toThrow(ConflictError);
    try {
      statuses.transition('order', 'draft', 'enact');
    } catch (error) {
      expect((error as ConflictError).code).toBe('operation_not_allowed');
      expect((error as ConflictError).params).toEqual({ operation: 'enact', status: 'draft' });
    }
    expect(statuses.allowedOperations('outgoing', 'cancelled')).toEqual([]);
    expect(statuses.allowedOperations('incoming', 'no-such-status')).toEqual([]);
  });

  it('an order is numbered only once it is signed, and cancelled only with the status machine', () => {
    expect(statuses.transition('order', 'agreed', 'sign')).toBe('signed');
    expect(statuses.transition('order', 'in-force', 'cancel')).toBe('cancelled');
    expect(() => statuses.transition('order', 'signed', 'cancel')).toThrow(ConflictError);
  });
});

describe('operations-log diff', () => {
  const base: DocumentData = {
    kind: 'incoming',
    status: 'registered',
    summary: 'Ərizə',
    controlled: false,
    authorId: 'a',
    participants: ['a'],
    contents: [],
    incoming: { sender: { kind: 'citizen', name: 'Aysel' }, distribution: [] },
  };

  it('lists changed fields with before and after, kind sections field by field', () => {
    const after: DocumentData = {
      ...base,
      summary: 'Təkrar ərizə',
      note: 'qeyd',
      incoming: { ...base.incoming!, pageCount: 3 },
    };
    expect(diffDocuments(base, after)).toEqual([
      { field: 'summary', before: 'Ərizə', after: 'Təkrar ərizə' },
      { field: 'note', before: undefined, after: 'qeyd' },
      { field: 'incoming.pageCount', before: undefined, after: 3 },
    ]);
    expect(diffDocuments(base, { ...base })).toEqual([]);
  });
});
