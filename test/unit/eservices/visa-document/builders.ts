import type { VisaCodeData, VisaDocumentInput } from '../../../../functions/modules/eservices';

/** Names with every Azerbaijani letter a Latin font may lack: ə ğ ı İ ö ü ç ş. */
export const AZERBAIJANI_NAMES = {
  surname: 'Çələbi-Işıqoğlu',
  givenNames: 'Gülşən Ümid İlkin Övşər',
} as const;

export function visaInput(overrides: Partial<VisaDocumentInput> = {}): VisaDocumentInput {
  return {
    visaNumber: 'EV-2026-0001234',
    holder: {
      ...AZERBAIJANI_NAMES,
      birthDate: '1988-02-29',
      nationality: 'DEU',
      passportNumber: 'C01X00T47',
    },
    arrivalDate: '2026-05-10',
    decidedAt: '2026-05-02T09:30:00Z',
    agency: {
      key: 'migration',
      name: { az: 'Dövlət Miqrasiya Xidməti', en: 'State Migration Service' },
    },
    ...overrides,
  };
}

export function visaCodeData(overrides: Partial<VisaCodeData> = {}): VisaCodeData {
  return {
    visaNumber: 'EV-2026-0001234',
    ...AZERBAIJANI_NAMES,
    nationality: 'DEU',
    passportNumber: 'C01X00T47',
    birthDate: '1988-02-29',
    validFrom: '2026-05-10',
    validUntil: '2026-08-07',
    maxStayDays: 30,
    entries: 1,
    agency: 'migration',
    keyId: 'AAECAwQFBgc',
    ...overrides,
  };
}
