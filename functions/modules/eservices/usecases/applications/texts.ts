/** The public application API's own texts in az/en/ru: its field errors and the receipt's labels. */
import type { FieldIssue } from '../../../../platform/kernel/errors';
import type { FieldError, Trilingual } from '../../domain/messages';

const tri = (az: string, en: string, ru: string): Trilingual => ({ az, en, ru });

/** Errors of uploads and of the files an application names (beyond `validateApplication`'s). */
export const uploadMessages = {
  not_a_file_field: tri(
    'Xidmətin formasında belə fayl sahəsi yoxdur',
    'The service’s form has no such file field',
    'В форме услуги нет такого поля файла',
  ),
  file_not_uploaded: tri(
    'Fayl yüklənməyib (və ya yükləmə müddəti bitib); onu yenidən yükləyin',
    'The file has not been uploaded (or the upload expired); upload it again',
    'Файл не загружен (или срок загрузки истёк); загрузите его снова',
  ),
  file_mismatch: tri(
    'Yüklənmiş fayl bildirilən ölçü və ya növlə uyğun gəlmir',
    'The uploaded file does not match the size or type declared',
    'Загруженный файл не совпадает с заявленным размером или типом',
  ),
  file_already_used: tri(
    'Bu fayl artıq başqa müraciətdə istifadə olunub; onu yenidən yükləyin',
    'This file is already used by another application; upload it again',
    'Этот файл уже использован в другой заявке; загрузите его снова',
  ),
} as const;
export type UploadProblem = keyof typeof uploadMessages;

export const uploadIssue = (path: string, code: UploadProblem): FieldIssue => ({
  path,
  code,
  text: uploadMessages[code],
});

/** A form error as a problem's field issue: the message already in the three languages. */
export const formIssue = (e: FieldError): FieldIssue => ({
  path: e.path,
  code: e.code,
  ...(e.params ? { params: { ...e.params } } : {}),
  text: e.message,
});

/** The receipt's labels. */
export const receiptTexts = {
  title: tri('MÜRACİƏTİN QƏBULU HAQQINDA QƏBZ', 'APPLICATION RECEIPT', 'КВИТАНЦИЯ О ПРИЁМЕ ЗАЯВКИ'),
  agency: tri('Qurum', 'Agency', 'Ведомство'),
  service: tri('Xidmət', 'Service', 'Услуга'),
  variant: tri('Növ', 'Option', 'Вариант'),
  number: tri('Müraciətin nömrəsi', 'Application number', 'Номер заявки'),
  submittedAt: tri('Təqdim edilib', 'Submitted', 'Подана'),
  applicants: tri('Müraciət edənlər', 'Applicants', 'Заявители'),
  fee: tri('Rüsum', 'Fee', 'Пошлина'),
  free: tri('Ödənişsiz', 'Free of charge', 'Бесплатно'),
  applicant: tri('Müraciət edən', 'Applicant', 'Заявитель'),
  status: tri('Müraciətin vəziyyəti', 'Application status', 'Статус заявки'),
  howTo: tri(
    'Vəziyyəti müraciətin nömrəsi və {field} ilə yoxlayın:',
    'Check the status with the application number and the {field}:',
    'Проверьте статус по номеру заявки и {field}:',
  ),
  bakuTime: tri('Bakı vaxtı', 'Baku time', 'по бакинскому времени'),
} as const;
