import { describe, expect, it } from 'vitest';
import { languages } from '../../../functions/platform/kernel/text';
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
];
const params = {
  document: '7-DX/26',
  summary: 'Bina təmiri',
  dueDate: '10.03.2026',
  daysLeft: 2,
  escalation: 3,
  file: 'scan.pdf',
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

  it('leave out the due date of a new task that has none', () => {
    // Act
    const m = renderNotice('new-task', 'en', { document: '7', summary: 's', link: 'l' });

    // Assert
    expect(m.text).toBe('You have a task on document 7 ("s").\n\nDocument: l');
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
