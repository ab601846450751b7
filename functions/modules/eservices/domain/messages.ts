/**
 * Texts of an e-service in the three languages, and the messages of the field errors an
 * application can get. A service's own texts (names, labels, options) must be given in all three:
 * citizens and foreign visitors read them, and a missing translation would show Azerbaijani to a
 * visitor who cannot read it. Error messages carry their parameters already filled in, so a client
 * shows `message[lang]` as it is; the stable `code` and `params` are there for clients of their own.
 */
export interface Trilingual {
  readonly az: string;
  readonly en: string;
  readonly ru: string;
}

/** A text in the three languages, in the order az, en, ru. */
export const tri = (az: string, en: string, ru: string): Trilingual => ({ az, en, ru });

export type MessageParams = Readonly<Record<string, string | number>>;

/** dd.MM.yyyy from YYYY-MM-DD: dates are shown to people in this form. */
export function displayDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

type Template = (p: MessageParams) => Trilingual;

const t =
  (az: string, en: string, ru: string): Template =>
  (p) => ({ az: fill(az, p), en: fill(en, p), ru: fill(ru, p) });

function fill(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? displayDate(value)
      : String(value);
  });
}

/** Every code a field error can have. */
export const fieldMessages = {
  required: t('Bu sahəni doldurun', 'Fill in this field', 'Заполните это поле'),
  invalid_type: t('Dəyərin növü yanlışdır', 'The value has the wrong type', 'Неверный тип значения'),
  unknown_field: t(
    'Bu xidmətin ərizəsində belə sahə yoxdur',
    'This service’s application has no such field',
    'В заявлении этой услуги нет такого поля',
  ),
  too_short: t(
    'Ən azı {min} simvol olmalıdır',
    'Must be at least {min} characters',
    'Должно быть не менее {min} символов',
  ),
  too_long: t(
    'Ən çoxu {max} simvol ola bilər',
    'Must be at most {max} characters',
    'Должно быть не более {max} символов',
  ),
  pattern_mismatch: t(
    'Dəyər tələb olunan formada deyil',
    'The value is not in the required form',
    'Значение не в требуемой форме',
  ),
  invalid_date: t(
    'Tarixi İİİİ-AA-GG şəklində yazın',
    'Give the date as YYYY-MM-DD',
    'Укажите дату в виде ГГГГ-ММ-ДД',
  ),
  date_too_early: t(
    'Tarix {min} tarixindən tez ola bilməz',
    'The date cannot be earlier than {min}',
    'Дата не может быть раньше {min}',
  ),
  date_too_late: t(
    'Tarix {max} tarixindən gec ola bilməz',
    'The date cannot be later than {max}',
    'Дата не может быть позже {max}',
  ),
  unknown_option: t(
    'Siyahıdakı variantlardan birini seçin',
    'Choose one of the listed options',
    'Выберите один из вариантов списка',
  ),
  unknown_country: t(
    'Ölkəni ISO 3166-1 alpha-3 kodu ilə göstərin (məs. AZE)',
    'Give the country as an ISO 3166-1 alpha-3 code (e.g. AZE)',
    'Укажите страну кодом ISO 3166-1 alpha-3 (напр. AZE)',
  ),
  invalid_passport_number: t(
    'Pasport nömrəsi 5–20 latın hərfi və rəqəmdən ibarət olmalıdır',
    'A passport number has 5–20 Latin letters and digits',
    'Номер паспорта состоит из 5–20 латинских букв и цифр',
  ),
  invalid_fin: t(
    'FİN 7 simvoldan (latın hərfləri və rəqəmlər) ibarətdir',
    'A FIN has 7 characters (Latin letters and digits)',
    'ФИН состоит из 7 символов (латинские буквы и цифры)',
  ),
  invalid_phone: t(
    'Telefon nömrəsini beynəlxalq formada yazın (məs. +994 50 123 45 67)',
    'Give the phone number in international form (e.g. +994 50 123 45 67)',
    'Укажите номер телефона в международном формате (напр. +994 50 123 45 67)',
  ),
  not_mobile_phone: t(
    'Mobil telefon nömrəsi göstərin: SMS ona göndəriləcək',
    'Give a mobile number: the SMS will be sent to it',
    'Укажите номер мобильного телефона: на него придёт SMS',
  ),
  invalid_email: t(
    'E-poçt ünvanı yanlışdır',
    'The e-mail address is not valid',
    'Неверный адрес электронной почты',
  ),
  file_type_not_allowed: t(
    'Bu növ fayl qəbul edilmir; icazə verilənlər: {allowed}',
    'This kind of file is not accepted; allowed: {allowed}',
    'Файлы этого типа не принимаются; допустимые: {allowed}',
  ),
  file_too_large: t(
    'Fayl {max} baytdan böyük ola bilməz',
    'A file cannot be larger than {max} bytes',
    'Файл не может быть больше {max} байт',
  ),
  file_empty: t('Fayl boşdur', 'The file is empty', 'Файл пустой'),
  duplicate_file: t(
    'Eyni fayl iki dəfə əlavə edilib',
    'The same file is attached twice',
    'Один и тот же файл приложен дважды',
  ),
  too_few_files: t(
    'Ən azı {min} fayl əlavə edin',
    'Attach at least {min} files',
    'Приложите не менее {min} файлов',
  ),
  too_many_files: t(
    'Ən çoxu {max} fayl əlavə etmək olar',
    'At most {max} files can be attached',
    'Можно приложить не более {max} файлов',
  ),
  too_few_items: t(
    'Ən azı {min} sətir olmalıdır',
    'Give at least {min} entries',
    'Укажите не менее {min} записей',
  ),
  too_many_items: t('Ən çoxu {max} sətir ola bilər', 'Give at most {max} entries', 'Не более {max} записей'),
  amount_too_small: t(
    'Məbləğ {min}-dən az ola bilməz',
    'The amount cannot be less than {min}',
    'Сумма не может быть меньше {min}',
  ),
  amount_too_large: t(
    'Məbləğ {max}-dən çox ola bilməz',
    'The amount cannot be more than {max}',
    'Сумма не может быть больше {max}',
  ),
  invalid_amount: t(
    'Məbləği qəpiklə, tam ədəd kimi göstərin',
    'Give the amount as a whole number of minor units',
    'Укажите сумму целым числом в копейках',
  ),
  unknown_variant: t(
    'Xidmətin belə variantı yoxdur',
    'The service has no such variant',
    'У услуги нет такого варианта',
  ),
  too_few_applicants: t(
    'Ən azı {min} ərizəçi olmalıdır',
    'There must be at least {min} applicants',
    'Должно быть не менее {min} заявителей',
  ),
  too_many_applicants: t(
    'Bir ərizədə ən çoxu {max} nəfər ola bilər',
    'One application can have at most {max} people',
    'В одном заявлении может быть не более {max} человек',
  ),
  not_eligible_country: t(
    'Bu ölkənin vətəndaşları bu xidmətdən istifadə edə bilməz',
    'Citizens of this country cannot use this service',
    'Граждане этой страны не могут воспользоваться этой услугой',
  ),
  not_eligible_date: t(
    'Tarix ən azı {min} olmalıdır',
    'The date must be {min} or later',
    'Дата должна быть не ранее {min}',
  ),
} satisfies Record<string, Template>;

export type FieldErrorCode = keyof typeof fieldMessages;

/** One thing wrong with an application, on the field it is about. */
export interface FieldError {
  /** e.g. `applicants[3].passportNumber`, `common.email`, `applicants[0].household[1].fin` */
  readonly path: string;
  readonly code: FieldErrorCode;
  readonly params?: MessageParams;
  readonly message: Trilingual;
}

export function fieldError(
  path: string,
  code: FieldErrorCode,
  params?: MessageParams,
  message?: Trilingual,
): FieldError {
  return {
    path,
    code,
    ...(params ? { params } : {}),
    message: message ?? fieldMessages[code](params ?? {}),
  };
}
