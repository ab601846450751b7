import { describe, expect, it } from 'vitest';
import {
  applicantName,
  decisionLetterRows,
  renderDecisionLetter,
  type DecisionLetterView,
} from '../../../../functions/modules/eservices';
import { pdfTexts } from '../visa-document/pdf-reading';

const view = (over: Partial<DecisionLetterView> = {}): DecisionLetterView => ({
  language: 'en',
  applicationNumber: '7K3M-9QX2-HT4B-W8RC',
  serviceName: 'Electronic visa',
  applicantName: 'JOHN DOE',
  applicantNo: 2,
  applicants: 3,
  outcome: 'refused',
  reason: 'The passport expires before the visa’s last day',
  decidedAt: '2026-06-20T20:30:00.000Z',
  agencyName: 'State Migration Service',
  ...over,
});

describe('the decision letter', () => {
  it('prints the number, service, applicant, decision, reason, Baku date and agency', async () => {
    // Arrange / Act
    const [page, ...more] = await pdfTexts(
      await renderDecisionLetter(view({ registrationNumber: 'EV/2026-17' })),
    );

    // Assert: 20:30 UTC is the next day in Baku.
    expect(more).toEqual([]);
    for (const words of [
      'Decision on the application',
      '7K3M-9QX2-HT4B-W8RC',
      'EV/2026-17',
      'Electronic visa',
      'JOHN DOE (2 of 3)',
      'Refused: the application is not granted',
      'Reason for the refusal',
      'expires before the visa’s last day',
      '21.06.2026',
      'State Migration Service',
    ])
      expect(page).toContain(words);
  });

  it('speaks the application’s language and leaves out the reason of an approval', () => {
    // Act
    const az = decisionLetterRows(view({ language: 'az', outcome: 'approved', applicants: 1 }));
    const ru = decisionLetterRows(view({ language: 'ru' }));

    // Assert
    expect(az).toEqual([
      ['Müraciətin nömrəsi', '7K3M-9QX2-HT4B-W8RC'],
      ['Xidmət', 'Electronic visa'],
      ['Müraciət edən', 'JOHN DOE'],
      ['Qərar', 'Müsbət: müraciət təmin edilib'],
      ['Qərarın tarixi', '21.06.2026'],
      ['Qərarı verən qurum', 'State Migration Service'],
    ]);
    expect(ru.map(([label]) => label)).toContain('Причина отказа');
    expect(ru[2]).toEqual(['Заявитель', 'JOHN DOE (2 из 3)']);
  });

  it('gives the same bytes for the same letter (no clock)', async () => {
    expect(await renderDecisionLetter(view())).toEqual(await renderDecisionLetter(view()));
  });

  it('wraps a long reason instead of cutting it', async () => {
    // Arrange
    const reason = 'Səbəb '.repeat(60).trim();

    // Act
    const [page] = await pdfTexts(await renderDecisionLetter(view({ reason, language: 'az' })));

    // Assert
    expect(page!.match(/Səbəb/g)).toHaveLength(60);
  });
});

describe('names and numbers', () => {
  it('names an applicant from the passport’s fields or surname, name and patronymic', () => {
    expect(applicantName({ surname: 'DOE', givenNames: 'JOHN' }, 0)).toBe('JOHN DOE');
    expect(applicantName({ surname: 'Məmmədova', name: 'Aysel', patronymic: 'Rauf qızı' }, 0)).toBe(
      'Məmmədova Aysel Rauf qızı',
    );
    expect(applicantName({ fullName: 'Aysel Məmmədova' }, 0)).toBe('Aysel Məmmədova');
    expect(applicantName({}, 2)).toBe('#3');
  });
});
