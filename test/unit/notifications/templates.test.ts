import { describe, expect, it } from 'vitest';
import { languages } from '../../../functions/platform/kernel/text';
import { smsParts } from '../../../functions/modules/notifications/domain/sms-parts';
import {
  renderDigest,
  renderNotice,
  type NoticeKind,
} from '../../../functions/modules/notifications/usecases/templates';

const kinds: NoticeKind[] = [
  'reminder',
  'overdue',
  'escalation',
  'new-task',
  'content-missing',
  'content-damaged',
  'no-receipt',
];
const params = {
  document: '7-DX/26',
  summary: 'Bina təmiri',
  dueDate: '10.03.2026',
  daysLeft: 2,
  escalation: 3,
  file: 'scan.pdf',
  recipient: 'Nəqliyyat Nazirliyi',
  link: 'https://edms.example.az/documents/view/?id=d&tab=execution',
};

describe('notice templates', () => {
  it('have every kind in every language, naming the document and linking it, with no unfilled value', () => {
    for (const language of languages) {
      for (const kind of kinds) {
        // Act
        const m = renderNotice(kind, language, params);

        // Assert
        expect(m.subject).toContain('7-DX/26');
        expect(m.text).toContain(params.link);
        expect(`${m.subject} ${m.text} ${m.sms}`).not.toMatch(/undefined|\$\{/);
      }
    }
  });

  it('name the recipient organization and the period in the no-receipt notice', () => {
    // Act
    const m = renderNotice('no-receipt', 'en', params);

    // Assert
    expect(m.text).toContain('"Nəqliyyat Nazirliyi"');
    expect(m.text).toContain('by 10.03.2026');
    // The SMS cuts a long name with an ellipsis.
    expect(m.sms).toBe('7-DX/26: no receipt notice (Nəqliyyat Nazirli…)');
  });

  it('leave out the due date of a new task that has none', () => {
    // Act
    const m = renderNotice('new-task', 'en', { document: '7', summary: 's', link: 'l' });

    // Assert
    expect(m.text).toBe('You have a task on document 7 ("s").\n\nDocument: l');
  });
});

describe('SMS texts', () => {
  const allKinds: NoticeKind[] = [...kinds, 'archive-integrity', 'sms-budget'];
  // Realistic worst cases: a long registration number, an unregistered draft named by its long
  // summary (cut at 60 by the notice), a long file name, two-digit days, the budget alert's month.
  const documents = [
    '1234-DX/2026/KM-15/07-3',
    'Bakı şəhəri Xətai rayonunda çoxmənzilli yaşayış binasının əsaslı təmiri haqqında'.slice(0, 60),
  ];
  const worst = (document: string) => ({
    document,
    summary: 'Bina təmiri',
    dueDate: '31.12.2026',
    daysLeft: 10,
    escalation: 12,
    file: 'Əsaslı təmirin smeta hesablaması (yekun variant).pdf',
    smsLimit: 100000,
    recipient: 'Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi',
    link: 'https://edms.example.az/documents/view/?id=0d6f3c8e-2b7a-4c43-9b8e-4a4f1f2c9d10&tab=execution',
  });

  it('fit in one UCS-2 part (70 characters) for every kind and language, with long values', () => {
    for (const language of languages)
      for (const kind of allKinds)
        for (const document of documents) {
          // Act
          const { sms } = renderNotice(kind, language, worst(document));

          // Assert
          expect({ kind, language, sms, parts: smsParts(sms).parts }).toMatchObject({ parts: 1 });
          expect(sms).not.toMatch(/undefined|\$\{/);
        }
  });

  it('keep the number and the deadline, cut a long name with an ellipsis, and carry no link', () => {
    // Act
    const short = renderNotice('reminder', 'az', worst('7-DX/26'));
    const long = renderNotice('reminder', 'az', worst(documents[1]!));

    // Assert
    expect(short.sms).toBe('7-DX/26: icra müddəti 31.12.2026, 10 iş günü qalıb');
    expect(long.sms).toBe('Bakı şəhəri Xətai rayon…: icra müddəti 31.12.2026, 10 iş günü qalıb');
    expect(long.sms).not.toContain('http');
  });
});

describe('renderDigest', () => {
  it('counts every waiting line, marks overdue ones, and says how many more are not shown', () => {
    // Act
    const m = renderDigest('en', {
      date: '02.03.2026',
      link: 'https://edms.example.az/home/',
      sections: [
        {
          kind: 'execution',
          total: 12,
          overdue: 1,
          items: [
            { document: '7-DX/26', summary: 'Təmir', dueDate: '01.03.2026', overdue: true },
            { document: '8-DX/26', summary: 'Məktub', overdue: false },
          ],
        },
        { kind: 'approval', total: 0, overdue: 0, items: [] },
        {
          kind: 'information',
          total: 1,
          overdue: 0,
          items: [{ document: 'Layihə', summary: 'Layihə', overdue: false }],
        },
      ],
    });

    // Assert
    expect(m.subject).toBe('Daily digest 02.03.2026: 13 document(s) waiting for you');
    expect(m.text).toBe(
      [
        'For execution: 12 (OVERDUE: 1)',
        '  • 7-DX/26 — Təmir (due 01.03.2026, OVERDUE)',
        '  • 8-DX/26 — Məktub',
        '  … and 10 more',
        '',
        'For information (unread): 1',
        '  • Layihə — Layihə',
        '',
        'Open Kargüzar: https://edms.example.az/home/',
      ].join('\n'),
    );
  });
});
