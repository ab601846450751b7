import { describe, expect, it } from 'vitest';
import {
  serviceDue,
  socialAssistanceDefinition,
  validateApplication,
} from '../../../functions/modules/eservices';
import { ON_1_MARCH_2027 } from './builders';

const def = socialAssistanceDefinition({ routeTemplateId: 'route-vemtas' });

function application(
  overrides: { common?: Record<string, unknown>; applicant?: Record<string, unknown> } = {},
) {
  return {
    variant: 'standard',
    common: {
      phone: '+994 55 200 30 40',
      address: 'Sumqayıt, 5-ci mikrorayon, ev 12, mənzil 7',
      household: [
        {
          fullName: 'Quliyeva Aygün Rəşid qızı',
          fin: '4ab2c9d',
          birthDate: '1985-02-14',
          relation: 'spouse',
          monthlyIncome: 25_000,
        },
        { fullName: 'Quliyev Murad Elvin oğlu', birthDate: '2016-09-01', relation: 'child' },
      ],
      ...overrides.common,
    },
    applicants: [
      {
        fin: '5ZK7QH2',
        surname: 'Quliyev',
        name: 'Elvin',
        patronymic: 'Rəşad oğlu',
        birthDate: '1983-07-20',
        monthlyIncome: 30_000,
        incomeSource: 'salary',
        ...overrides.applicant,
      },
    ],
  };
}

describe('the social-assistance (VEMTAS) definition', () => {
  it('is free, decided within 15 calendar days, the decision by SMS (and e-mail when given), looked up by FİN', () => {
    // Arrange
    const [variant] = def.variants;

    // Act
    const due = serviceDue('2027-03-01T06:00:00Z', variant!.level, () => true);

    // Assert
    expect(def.variants).toHaveLength(1);
    expect(variant!.fee.amount).toBe(0);
    expect(due.lastDay).toBe('2027-03-16');
    expect(def.decisionNotice.channels).toEqual(['sms', 'email']);
    expect(def.lookup.field).toBe('fin');
    expect(def.result.kind).toBe('decision-letter');
    expect(def.group).toBeUndefined();
  });

  it('takes the applicant, the household members with their incomes, and no document but an optional power of attorney', () => {
    // Arrange
    const input = application();

    // Act
    const result = validateApplication(def, input, ON_1_MARCH_2027);

    // Assert
    expect(result.ok).toBe(true);
    expect(result.ok && result.values.common.household).toEqual([
      {
        fullName: 'Quliyeva Aygün Rəşid qızı',
        fin: '4AB2C9D',
        birthDate: '1985-02-14',
        relation: 'spouse',
        monthlyIncome: 25_000,
      },
      { fullName: 'Quliyev Murad Elvin oğlu', birthDate: '2016-09-01', relation: 'child' },
    ]);
    expect(result.ok && result.values.common.phone).toBe('+994552003040');
  });

  it('needs a mobile number for the SMS and refuses an unknown relation or an unborn member', () => {
    // Arrange
    const input = application({
      common: {
        phone: '012 498 12 34',
        household: [{ fullName: 'Quliyev Murad', birthDate: '2027-04-01', relation: 'neighbour' }],
        powerOfAttorney: [
          { ref: 'u1', name: 'etibarname.pdf', mediaType: 'application/pdf', bytes: 200_000 },
          { ref: 'u2', name: 'b.pdf', mediaType: 'application/pdf', bytes: 1 },
        ],
      },
      applicant: { fin: 'AZE12345', incomeSource: undefined },
    });

    // Act
    const result = validateApplication(def, input, ON_1_MARCH_2027);

    // Assert
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.code])).toEqual([
      ['common.phone', 'not_mobile_phone'],
      ['common.household[0].birthDate', 'date_too_late'],
      ['common.household[0].relation', 'unknown_option'],
      ['common.powerOfAttorney', 'too_many_files'],
      ['applicants[0].fin', 'invalid_fin'],
      ['applicants[0].incomeSource', 'required'],
    ]);
  });
});
