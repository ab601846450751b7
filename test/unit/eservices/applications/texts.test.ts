import { describe, expect, it } from 'vitest';
import { fieldError } from '../../../../functions/modules/eservices/domain/messages';
import {
  formIssue,
  receiptTexts,
  uploadIssue,
  uploadMessages,
} from '../../../../functions/modules/eservices/usecases/applications/texts';

const languages = ['az', 'en', 'ru'] as const;

describe('the public application API’s texts', () => {
  it('are given in az, en and ru, each filled and each its own', () => {
    for (const [name, text] of Object.entries({ ...uploadMessages, ...receiptTexts })) {
      expect(Object.keys(text).sort(), name).toEqual(['az', 'en', 'ru']);
      for (const lang of languages) expect(text[lang].trim(), `${name}.${lang}`).not.toBe('');
      expect(new Set(languages.map((l) => text[l])).size, name).toBe(3);
    }
  });

  it('keep the place of the look-up field in every language of the receipt’s how-to', () => {
    for (const lang of languages) expect(receiptTexts.howTo[lang]).toContain('{field}');
  });

  it('make an upload issue with its path, code and the three messages', () => {
    expect(uploadIssue('applicants[0].passportScan[0]', 'file_mismatch')).toEqual({
      path: 'applicants[0].passportScan[0]',
      code: 'file_mismatch',
      text: uploadMessages.file_mismatch,
    });
  });

  it('make a form error an issue, its params copied only when it has some', () => {
    const params = { max: 5 };
    const error = fieldError('common.household', 'too_many_items', params);
    const issue = formIssue(error);
    expect(issue).toEqual({
      path: 'common.household',
      code: 'too_many_items',
      params: { max: 5 },
      text: { az: 'Ən çoxu 5 sətir ola bilər', en: 'Give at most 5 entries', ru: 'Не более 5 записей' },
    });
    expect(issue.params).not.toBe(params);
    expect(formIssue(fieldError('common.email', 'required'))).toEqual({
      path: 'common.email',
      code: 'required',
      text: { az: 'Bu sahəni doldurun', en: 'Fill in this field', ru: 'Заполните это поле' },
    });
  });
});
