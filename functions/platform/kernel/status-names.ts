import type { Language } from './text';

/**
 * Names of document statuses, for problem titles: the same words the web app shows on the card and
 * in the list's status filter (test/unit/web/status-names.test.ts holds them together).
 */
export const statusNames: Record<Language, Record<string, string>> = {
  az: {
    draft: 'Layihə',
    registered: 'Qeydiyyata alınıb',
    'in-execution': 'İcradadır',
    executed: 'İcra olunub',
    archived: 'Arxivdədir',
    cancelled: 'Ləğv edilib',
    sent: 'Göndərilib',
    signed: 'İmzalanıb',
    'for-information': 'Məlumat üçün göndərilib',
    'in-agreement': 'Razılaşdırmadadır',
    agreed: 'Razılaşdırılıb',
    'in-force': 'Qüvvədədir',
  },
  en: {
    draft: 'Draft',
    registered: 'Registered',
    'in-execution': 'In execution',
    executed: 'Executed',
    archived: 'Archived',
    cancelled: 'Cancelled',
    sent: 'Sent',
    signed: 'Signed',
    'for-information': 'Sent for information',
    'in-agreement': 'In approval',
    agreed: 'Approved',
    'in-force': 'In force',
  },
  ru: {
    draft: 'Проект',
    registered: 'Зарегистрирован',
    'in-execution': 'На исполнении',
    executed: 'Исполнен',
    archived: 'В архиве',
    cancelled: 'Отменён',
    sent: 'Отправлен',
    signed: 'Подписан',
    'for-information': 'Направлен для сведения',
    'in-agreement': 'На согласовании',
    agreed: 'Согласован',
    'in-force': 'Действует',
  },
};

/** A status's name in a language (the status itself when it has none). */
export function statusName(lang: Language, status: string): string {
  return statusNames[lang][status] ?? status;
}
