import { describe, expect, it } from 'vitest';
import type {
  ApplicantDecision,
  ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  amountText,
  bakuDateTime,
  noticeText,
} from '../../../../functions/modules/eservices/usecases/flow/notice-texts';
import { flowApplication } from '../../../support/eservices-flow';
import { evisa, SUBMITTED, TENANT } from './fixtures';

const languages = ['az', 'en', 'ru'] as const;
type Language = (typeof languages)[number];

const links = {
  confirm: 'https://portal.example.az/e/confirm/?agency=t1&number=N&token=T',
  status: 'https://portal.example.az/e/status/?agency=t1&number=N',
};
/** Late in the evening in UTC: already the next day in Baku (UTC+4, no summer time). */
const DUE = '2027-03-09T21:05:00.000Z';
const DUE_BAKU = '10.03.2027 01:05';
const PAY_DUE = '2027-03-12T06:30:00.000Z';
const PAY_DUE_BAKU = '12.03.2027 10:30';

const application = (language: Language, o: Partial<ApplicationRecord> = {}): ApplicationRecord => {
  const r = flowApplication({
    tenantId: TENANT,
    serviceId: 'svc-1',
    serviceVersion: 1,
    definition: evisa(),
    submittedAt: SUBMITTED,
    email: 'anna@example.de',
    language,
    applicants: [
      { surname: 'MÜLLER', givenNames: 'ANNA', passportNumber: 'C01234567' },
      { surname: 'MÜLLER', givenNames: 'PAUL', passportNumber: 'C07654321' },
    ],
  });
  return { ...r, confirmation: { ...r.confirmation!, dueAt: DUE }, ...o };
};
const decided = (language: Language, decisions: ApplicantDecision[], o: Partial<ApplicationRecord> = {}) =>
  application(language, { state: 'decided', decisions, ...o });
const decision = (
  applicant: number,
  outcome: 'approved' | 'refused',
  reason?: string,
): ApplicantDecision => ({
  applicant,
  outcome,
  ...(reason ? { reason } : {}),
  decidedAt: SUBMITTED,
  decidedBy: 'e1',
});

describe('the texts of the applicant’s notices', () => {
  it.each([
    ['az', 'Salam.'],
    ['en', 'Hello.'],
    ['ru', 'Здравствуйте.'],
  ] as const)(
    'puts the application’s number in every notice, in the applicant’s language (%s)',
    (lang, hello) => {
      // Arrange
      const app = decided(lang, [decision(0, 'approved')]);

      // Act
      const kinds = [
        noticeText('confirmation-link', app, evisa(), links),
        noticeText('cancelled', { ...app, cancelReason: 'not-confirmed' }, evisa(), links),
        noticeText('cancelled', { ...app, cancelReason: 'not-paid' }, evisa(), links, {
          paymentDueAt: PAY_DUE,
        }),
        noticeText('payment-received', app, evisa(), links),
        noticeText('decision', app, evisa(), links),
      ];

      // Assert
      for (const text of kinds) {
        expect(text.subject.endsWith(`: ${app.id}`)).toBe(true);
        expect(text.text).toContain(app.id);
        expect(text.text.startsWith(`${hello}\n\n`)).toBe(true);
      }
      expect(kinds[0]!.text).toContain(evisa().name[lang]); // the service, in the same language
      expect(kinds.at(-1)!.sms).toContain(app.id);
      expect(kinds.at(-1)!.sms).toContain(links.status);
      expect(kinds.slice(0, -1).map((t) => t.sms)).toEqual(['', '', '', '']);
    },
  );

  it.each(languages)('shows the dates as dd.MM.yyyy HH:mm in Baku time (%s)', (lang) => {
    // Act
    const link = noticeText('confirmation-link', application(lang), evisa(), links);
    const notConfirmed = noticeText(
      'cancelled',
      application(lang, { cancelReason: 'not-confirmed', cancelledAt: PAY_DUE }),
      evisa(),
      links,
    );
    const notPaid = noticeText(
      'cancelled',
      application(lang, { cancelReason: 'not-paid', cancelledAt: DUE }),
      evisa(),
      links,
      { paymentDueAt: PAY_DUE },
    );

    // Assert
    expect(link.text).toContain(DUE_BAKU);
    expect(link.text).toContain(links.confirm);
    expect(notConfirmed.text).toContain(DUE_BAKU);
    expect(notPaid.text).toContain(PAY_DUE_BAKU);
    expect(notPaid.text).not.toContain(DUE_BAKU);
  });

  it.each([
    ['az', 'Səbəb', 'rədd edildi'],
    ['en', 'Reason', 'refused'],
    ['ru', 'Причина', 'отказано'],
  ] as const)(
    'tells a refused applicant the officer’s reason, in the text and the SMS (%s)',
    (lang, word, refused) => {
      // Arrange
      const app = decided(lang, [decision(0, 'refused', 'Passport expires too soon')]);

      // Act
      const text = noticeText('decision', app, evisa(), links);

      // Assert
      expect(text.text).toContain(`MÜLLER ANNA: ${refused}. ${word}: Passport expires too soon`);
      expect(text.sms).toContain(`${refused} (${word}: Passport expires too soon)`);
      expect(text.sms).toContain(app.id);
    },
  );

  it('takes the route’s reason in the applicant’s language when the officer gave none', () => {
    const refusal = {
      az: 'Pasport etibarsızdır',
      en: 'The passport is not valid',
      ru: 'Паспорт недействителен',
    };
    for (const lang of languages) {
      const text = noticeText(
        'decision',
        decided(lang, [decision(0, 'refused')], { refusal }),
        evisa(),
        links,
      );
      expect(text.text).toContain(refusal[lang]);
      expect(text.sms).toContain(refusal[lang]);
    }
    const plain = noticeText(
      'decision',
      decided('ru', [decision(0, 'refused')], { refusal: 'Sic' }),
      evisa(),
      links,
    );
    expect(plain.text).toContain('Причина: Sic');
  });

  it('says nothing of a reason to an approved applicant', () => {
    const app = decided('en', [decision(0, 'approved')], { refusal: 'never shown' });
    const text = noticeText('decision', app, evisa(), links);
    expect(text.text).toContain('MÜLLER ANNA: approved\n');
    expect(text.text).not.toContain('Reason');
    expect(text.sms).toBe(`Application ${app.id}: approved. Details: ${links.status}`);
  });

  it('names an applicant without names by their place in the group', () => {
    const app = decided('az', [decision(0, 'approved'), decision(1, 'approved')]);
    const unnamed = { ...app, values: { ...app.values, applicants: [app.values.applicants[0]!, {}] } };
    expect(noticeText('decision', unnamed, evisa(), links).text).toContain(
      'MÜLLER ANNA: təsdiq edildi\n#2: təsdiq edildi\n',
    );
  });

  it('lists a group’s decisions by applicant, named by their names, and counts them in the SMS', () => {
    // Arrange
    const app = decided('en', [decision(1, 'refused', 'No insurance'), decision(0, 'approved')]);

    // Act
    const text = noticeText('decision', app, evisa(), links);

    // Assert
    expect(text.text).toContain('MÜLLER ANNA: approved\nMÜLLER PAUL: refused. Reason: No insurance\n');
    expect(text.sms).toBe(`Application ${app.id}: 1 approved, 2 refused. Details: ${links.status}`);
  });

  it('tells the amount received with two decimals and its currency', () => {
    const text = noticeText(
      'payment-received',
      application('en', { fee: { amount: 2050, currency: 'AZN' } }),
      evisa(),
      links,
    );
    expect(text.text).toContain('The payment of 20.50 AZN for your application');
    expect(text.text).toContain(links.status);
  });
});

describe('dates and amounts as the applicant reads them', () => {
  it('writes an instant as dd.MM.yyyy HH:mm in Baku, across the day, the month and the year', () => {
    expect(bakuDateTime('2027-03-01T10:00:00.000Z')).toBe('01.03.2027 14:00');
    expect(bakuDateTime('2026-12-31T20:00:00.000Z')).toBe('01.01.2027 00:00');
    expect(bakuDateTime('2027-07-15T19:59:59.999Z')).toBe('15.07.2027 23:59');
  });

  it('writes minor units with two decimals and the currency code', () => {
    expect([amountText(2000, 'USD'), amountText(5, 'AZN'), amountText(0, 'AZN')]).toEqual([
      '20.00 USD',
      '0.05 AZN',
      '0.00 AZN',
    ]);
  });
});
