import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../functions/platform/kernel/errors';
import { createDocument } from '../../../functions/modules/documents/usecases/register.usecase';
import { repeatCandidates } from '../../../functions/modules/documents/usecases/repeat.usecase';
import { tenant } from '../../support/builders';
import { clerk, documentsWorld, head, incoming } from './world';

const DAY = 86_400_000;

describe('repeatCandidates', () => {
  it('finds earlier appeals of the same FİN, and of the same sender number and date', async () => {
    // Arrange
    const deps = documentsWorld();
    const byFin = await createDocument(
      deps,
      clerk,
      'incoming',
      incoming({ summary: 'Torpaq sahəsinin icarəsi' }),
    );
    const byNumber = await createDocument(
      deps,
      clerk,
      'incoming',
      incoming({
        sender: { kind: 'organization', counterpartId: 'org-1' },
        documentNumber: 'XL-17',
        documentDate: '2026-02-20',
        summary: 'Müqavilə layihəsi',
      }),
    );
    deps.clock.advance(30 * DAY);

    // Act
    const fin = await repeatCandidates(deps, clerk, {
      sender: { kind: 'citizen', name: 'Aysel', fin: '5ZK7QH2' },
      summary: 'Başqa mövzu',
    });
    const number = await repeatCandidates(deps, clerk, {
      sender: { kind: 'organization', counterpartId: 'org-1' },
      documentNumber: 'xl-17',
      documentDate: '2026-02-20',
      summary: '',
    });

    // Assert
    expect(fin).toEqual({
      windowDays: 365,
      items: [
        {
          document: expect.objectContaining({ id: byFin.id, number: '1-DX/26', kind: 'incoming' }),
          reasons: ['same_fin'],
          score: 0.9,
        },
      ],
    });
    expect(number.items).toEqual([
      expect.objectContaining({
        document: expect.objectContaining({ id: byNumber.id }),
        reasons: ['same_sender_number'],
        score: 1,
      }),
    ]);
  });

  it('offers an earlier appeal of the same sender with a similar summary', async () => {
    // Arrange
    const deps = documentsWorld();
    const earlier = await createDocument(
      deps,
      clerk,
      'incoming',
      incoming({
        sender: { kind: 'organization', counterpartId: 'org-1' },
        summary: 'Yük daşımalarına icazə verilməsi haqqında',
      }),
    );
    await createDocument(
      deps,
      clerk,
      'incoming',
      incoming({ sender: { kind: 'organization', counterpartId: 'org-1' }, summary: 'Maliyyə hesabatı' }),
    );

    // Act
    const out = await repeatCandidates(deps, clerk, {
      sender: { kind: 'organization', counterpartId: 'org-1' },
      summary: 'Yük daşımalarına icazə verilməsi barədə təkrar müraciət',
    });

    // Assert
    expect(out.items.map((i) => [i.document.id, i.reasons])).toEqual([[earlier.id, ['similar_summary']]]);
  });

  it('looks back over the agency’s own window, 365 days by default', async () => {
    // Arrange
    const deps = documentsWorld();
    await createDocument(deps, clerk, 'incoming', incoming());
    deps.clock.advance(400 * DAY);
    const q = { sender: { kind: 'citizen' as const, name: 'Aysel', fin: '5ZK7QH2' }, summary: '' };

    // Act
    const byDefault = await repeatCandidates(deps, clerk, q);
    deps.store.seed('tenant', tenant({ repeatWindowDays: 500 }));
    const longer = await repeatCandidates(deps, clerk, q);

    // Assert
    expect(byDefault).toEqual({ windowDays: 365, items: [] });
    expect(longer.windowDays).toBe(500);
    expect(longer.items).toHaveLength(1);
  });

  it('is for the registry office, with a known counterpart', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const byHead = repeatCandidates(deps, head, {
      sender: { kind: 'citizen', name: 'A', fin: '5ZK7QH2' },
      summary: '',
    });
    const unknown = repeatCandidates(deps, clerk, {
      sender: { kind: 'organization', counterpartId: 'nope' },
      summary: '',
    });

    // Assert
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unknown).rejects.toMatchObject({
      issues: [{ path: 'sender.counterpartId', code: 'unknown_reference' }],
    });
  });
});
