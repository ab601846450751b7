import type { Language } from '../domain/text';

type Catalog = Record<string, string>;

/** Problem titles by stable code. */
const titles: Record<Language, Catalog> = {
  az: {
    validation_failed: 'Daxil edilən məlumatlar yanlışdır',
    malformed_json: 'Sorğunun mətni düzgün JSON deyil',
    invalid_request: 'Sorğu parametrləri yanlışdır',
    unauthenticated: 'Giriş tələb olunur və ya giriş açarı etibarsızdır',
    forbidden: 'Bu əməliyyat üçün icazəniz yoxdur',
    not_found: 'Axtarılan obyekt tapılmadı',
    route_not_found: 'Belə ünvan yoxdur',
    stale_version: 'Qeyd başqa istifadəçi tərəfindən dəyişdirilib; səhifəni yeniləyin',
    duplicate_value: 'Bu dəyər artıq istifadə olunur',
    idempotency_key_reused: 'Idempotency-Key başqa sorğu üçün istifadə olunub',
    write_conflict: 'Eyni vaxtda başqa dəyişiklik edildi; yenidən cəhd edin',
    tree_cycle: 'Seçilmiş yuxarı element dövr yaradır',
    username_immutable: 'İstifadəçi adı dəyişdirilə bilməz',
    substitute_is_self: 'İşçi özünü əvəz edə bilməz',
    date_range_inverted: 'Dövrün sonu başlanğıcından əvvəldir',
    invalid_journal_pattern: 'Nömrələmə şablonu yanlışdır',
    unknown_reference: 'İstinad edilən obyekt tapılmadı',
    invalid_cursor: 'Səhifələmə göstəricisi yanlışdır',
    payload_too_large: 'Sorğunun həcmi çox böyükdür',
    unsupported_media_type: 'Sorğu application/json formatında olmalıdır',
    too_many_requests: 'Çox sayda sorğu; bir az sonra yenidən cəhd edin',
    internal: 'Daxili xəta baş verdi',
  },
  en: {
    validation_failed: 'The input is not valid',
    malformed_json: 'The request body is not valid JSON',
    invalid_request: 'The request parameters are not valid',
    unauthenticated: 'Sign-in is required or the token is not valid',
    forbidden: 'You are not allowed to do this',
    not_found: 'The requested object was not found',
    route_not_found: 'No such address',
    stale_version: 'Someone else changed this record; reload it',
    duplicate_value: 'This value is already in use',
    idempotency_key_reused: 'The Idempotency-Key was used for another request',
    write_conflict: 'A concurrent change got there first; try again',
    tree_cycle: 'The chosen parent would make a cycle',
    username_immutable: 'The username cannot be changed',
    substitute_is_self: 'An employee cannot substitute themselves',
    date_range_inverted: 'The period ends before it starts',
    invalid_journal_pattern: 'The numbering pattern is not valid',
    unknown_reference: 'A referenced object does not exist',
    invalid_cursor: 'The page cursor is not valid',
    payload_too_large: 'The request is too large',
    unsupported_media_type: 'The request must be application/json',
    too_many_requests: 'Too many requests; try again shortly',
    internal: 'An internal error occurred',
  },
  ru: {
    validation_failed: 'Введённые данные неверны',
    malformed_json: 'Тело запроса не является корректным JSON',
    invalid_request: 'Параметры запроса неверны',
    unauthenticated: 'Требуется вход или токен недействителен',
    forbidden: 'У вас нет прав на эту операцию',
    not_found: 'Запрошенный объект не найден',
    route_not_found: 'Такого адреса нет',
    stale_version: 'Запись изменена другим пользователем; обновите страницу',
    duplicate_value: 'Это значение уже используется',
    idempotency_key_reused: 'Idempotency-Key использован для другого запроса',
    write_conflict: 'Одновременно выполнено другое изменение; повторите попытку',
    tree_cycle: 'Выбранный родитель образует цикл',
    username_immutable: 'Имя пользователя нельзя изменить',
    substitute_is_self: 'Сотрудник не может замещать сам себя',
    date_range_inverted: 'Период заканчивается раньше, чем начинается',
    invalid_journal_pattern: 'Шаблон нумерации неверен',
    unknown_reference: 'Объект, на который есть ссылка, не существует',
    invalid_cursor: 'Курсор страницы неверен',
    payload_too_large: 'Запрос слишком велик',
    unsupported_media_type: 'Запрос должен быть в формате application/json',
    too_many_requests: 'Слишком много запросов; повторите попытку позже',
    internal: 'Произошла внутренняя ошибка',
  },
};

/** Field messages by stable issue code; {min}/{max}/{values} are filled from params. */
const fields: Record<Language, Catalog> = {
  az: {
    required: 'Bu xana mütləqdir',
    invalid_type: 'Dəyərin tipi yanlışdır',
    too_small: 'Dəyər çox qısadır və ya kiçikdir (ən azı {min})',
    too_big: 'Dəyər çox uzundur və ya böyükdür (ən çoxu {max})',
    invalid_format: 'Dəyərin formatı yanlışdır',
    invalid_value: 'Dəyər icazə verilənlərdən deyil',
    unrecognized_keys: 'Naməlum xana',
    invalid_cursor: 'Səhifələmə göstəricisi yanlışdır',
    tree_cycle: 'Seçilmiş yuxarı element dövr yaradır',
    username_immutable: 'İstifadəçi adı dəyişdirilə bilməz',
    substitute_is_self: 'İşçi özünü əvəz edə bilməz',
    date_range_inverted: 'Son tarix başlanğıc tarixindən əvvəldir',
    invalid_journal_pattern:
      'Şablonda {seq} bir dəfə olmalıdır; icazə verilən işarələr: {seq}, {seq:N}, {year}, {yy}, {index}, {dept}',
    unknown_reference: 'Belə obyekt yoxdur',
    duplicate_value: 'Bu dəyər artıq istifadə olunur',
    invalid: 'Dəyər yanlışdır',
  },
  en: {
    required: 'This field is required',
    invalid_type: 'The value has the wrong type',
    too_small: 'The value is too short or too small (at least {min})',
    too_big: 'The value is too long or too large (at most {max})',
    invalid_format: 'The value has the wrong format',
    invalid_value: 'The value is not one of the allowed ones',
    unrecognized_keys: 'Unknown field',
    invalid_cursor: 'The page cursor is not valid',
    tree_cycle: 'The chosen parent would make a cycle',
    username_immutable: 'The username cannot be changed',
    substitute_is_self: 'An employee cannot substitute themselves',
    date_range_inverted: 'The end date is before the start date',
    invalid_journal_pattern:
      'The pattern needs {seq} exactly once; allowed tokens: {seq}, {seq:N}, {year}, {yy}, {index}, {dept}',
    unknown_reference: 'No such object',
    duplicate_value: 'This value is already in use',
    invalid: 'The value is not valid',
  },
  ru: {
    required: 'Это поле обязательно',
    invalid_type: 'Неверный тип значения',
    too_small: 'Значение слишком короткое или маленькое (не менее {min})',
    too_big: 'Значение слишком длинное или большое (не более {max})',
    invalid_format: 'Неверный формат значения',
    invalid_value: 'Значение не входит в допустимые',
    unrecognized_keys: 'Неизвестное поле',
    invalid_cursor: 'Курсор страницы неверен',
    tree_cycle: 'Выбранный родитель образует цикл',
    username_immutable: 'Имя пользователя нельзя изменить',
    substitute_is_self: 'Сотрудник не может замещать сам себя',
    date_range_inverted: 'Дата окончания раньше даты начала',
    invalid_journal_pattern:
      'В шаблоне должен быть ровно один {seq}; допустимые метки: {seq}, {seq:N}, {year}, {yy}, {index}, {dept}',
    unknown_reference: 'Такого объекта нет',
    duplicate_value: 'Это значение уже используется',
    invalid: 'Значение неверно',
  },
};

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(min|max|values)\}/g, (whole, key: string) =>
    params[key] !== undefined ? String(params[key]) : whole,
  );
}

export function problemTitle(code: string, lang: Language): string {
  return titles[lang][code] ?? titles[lang].internal ?? code;
}

export function fieldMessage(code: string, lang: Language, params?: Record<string, string | number>): string {
  return fill(fields[lang][code] ?? fields[lang].invalid ?? code, params);
}

/** For tests: every code must exist in all languages. */
export const catalogs = { titles, fields };
