import { describe, expect, it } from 'vitest';
import { eVisaDefinition } from '../../../../functions/modules/eservices';
import type { FormField } from '../../../../web/features/eservices-public/types';
import { scansOf, valueLines } from '../../../../web/features/eservices-officer/values';

// The published e-visa form as the catalogue sends it (JSON), the source of the fields' labels.
const applicantFields = JSON.parse(
  JSON.stringify(eVisaDefinition({ routeTemplateId: 'route-1' }).form.applicant),
) as FormField[];

const visitor = {
  surname: 'Müller',
  givenNames: 'Anna',
  nationality: 'DEU',
  purpose: 'tourism',
  arrivalDate: '2026-03-25',
  passportScan: [{ ref: 'upload-1', name: 'passport.pdf', mediaType: 'application/pdf', bytes: 9 }],
  extra: 'kept',
  empty: '',
};

describe('an application’s values as the officer reads them', () => {
  it('labels them from the form in its order and language, dates as dd.MM.yyyy, choices and countries by name', () => {
    // Act
    const az = valueLines(applicantFields, visitor, 'az');
    const en = valueLines(applicantFields, visitor, 'en');

    // Assert
    expect(az.map((l) => [l.label, l.text])).toEqual([
      ['Soyad (pasportdakı kimi)', 'Müller'],
      ['Ad (pasportdakı kimi)', 'Anna'],
      ['Vətəndaşlıq', 'Almaniya'],
      ['Səfərin məqsədi', 'Turizm'],
      ['Gəliş tarixi', '25.03.2026'],
      [expect.stringMatching(/^Pasportun şəkilli səhifəsinin surəti/), 'passport.pdf'],
      ['extra', 'kept'],
    ]);
    expect(en.find((l) => l.code === 'nationality')?.text).toBe('Germany');
    expect(en.find((l) => l.code === 'purpose')?.text).toBe('Tourism');
  });

  it('falls back to the codes without the form and writes a list’s rows one after another', () => {
    // Act
    const lines = valueLines(
      [],
      { children: [{ name: 'Ali', birthDate: '2015-06-01' }, { name: 'Aysel' }] },
      'az',
    );

    // Assert
    expect(lines).toEqual([
      { code: 'children', label: 'children', text: '1) name: Ali; birthDate: 01.06.2015 2) name: Aysel' },
    ]);
  });

  it('gives each applicant their own scans and the common part its', () => {
    // Arrange
    const scans = [
      { path: 'applicants[0].passportScan[0]' },
      { path: 'applicants[1].passportScan[0]' },
      { path: 'common.letter[0]' },
      { path: 'applicants[10].passportScan[0]' },
    ];

    // Act + Assert
    expect(scansOf(scans, 1)).toEqual([{ path: 'applicants[1].passportScan[0]' }]);
    expect(scansOf(scans, 0)).toEqual([{ path: 'applicants[0].passportScan[0]' }]);
    expect(scansOf(scans)).toEqual([{ path: 'common.letter[0]' }]);
  });
});
