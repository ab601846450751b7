import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../../functions/modules/archive/usecases/provenance';
import { documentRecord, employee, tenant } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

describe('provenance (§153.5)', () => {
  const deps = memoryDeps();
  deps.store.seed('tenant', tenant({ id: 't1', name: { az: 'Sınaq Agentliyi' } }));
  deps.store.seed('employee', employee('head', { tenantId: 't1', fullName: 'Rəhbər Adı Atası oğlu' }));

  it('an incoming letter came from its sender to the agency, received when registered', async () => {
    const doc = documentRecord('in', {
      tenantId: 't1',
      kind: 'incoming',
      addresseeId: 'head',
      documentDate: '2026-03-01',
      incoming: { sender: { kind: 'citizen', name: 'Aysel Məmmədova' }, distribution: [] },
      registration: { journalId: 'j', year: 2026, seq: 1, number: 'Ə-1/26', at: '2026-03-02T06:00:00.000Z' },
    });

    expect(await provenanceOf(deps, doc)).toEqual({
      source: 'Aysel Məmmədova',
      destination: 'Sınaq Agentliyi',
      sender: 'Aysel Məmmədova',
      receiver: 'Rəhbər Adı Atası oğlu',
      sentAt: '2026-03-01',
      receivedAt: '2026-03-02T06:00:00.000Z',
      system: 'Kargüzar',
    });
  });

  it('an outgoing letter went from the agency to its recipients, sent with its first dispatch', async () => {
    const doc = documentRecord('out', {
      tenantId: 't1',
      kind: 'outgoing',
      outgoing: {
        signatoryId: 'head',
        recipients: [{ name: 'Nazirlik' }],
        dispatches: [
          { id: 'x', at: '2026-03-03T08:00:00.000Z', by: 'clerk', channel: 'email', recipients: [] },
        ],
      },
    });

    expect(await provenanceOf(deps, doc)).toMatchObject({
      source: 'Sınaq Agentliyi',
      destination: 'Nazirlik',
      sender: 'Rəhbər Adı Atası oğlu',
      sentAt: '2026-03-03T08:00:00.000Z',
      receivedAt: null,
    });
  });
});
