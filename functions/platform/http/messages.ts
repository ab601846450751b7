import type { Language } from '../kernel/text';
import { statusName, statusNames } from '../kernel/status-names';

type Catalog = Record<string, string>;

/** Business rules: the same words as a problem title and as a field message. */
const ruleMessages: Record<Language, Catalog> = {
  az: {
    case_year_not_over: 'Sonrakı ilin işi bağlana bilməz',
    executor_required: 'Ən azı bir icraçı göstərin',
    duplicate_executor: 'İcraçı iki dəfə göstərilib',
    one_responsible: 'Yalnız bir məsul icraçı ola bilər',
    due_date_in_past: 'İcra müddəti keçmiş tarix ola bilməz',
    due_after_parent: 'İcra müddəti yuxarı dərkənarın müddətindən gec ola bilməz',
    due_date_required: 'Nəzarətdə olan dərkənar üçün icra müddəti göstərilməlidir',
    report_text_required: 'Nə edildiyini yazın',
    return_comment_required: 'Qaytarılma səbəbini yazın',
    date_outside_year: 'Tarix redaktə olunan ilə aid deyil',
    reject_comment_required: 'İmtina səbəbini yazın',
    route_stage_required: 'Marşrutda ən azı bir mərhələ olmalıdır',
    route_participant_required: 'Mərhələnin ən azı bir iştirakçısı olmalıdır',
    route_duplicate_participant: 'İştirakçı iki dəfə göstərilib',
    route_one_deadline: 'Müddəti ya iş günləri, ya da tarix kimi göstərin',
    route_one_signing: 'Marşrutda yalnız bir imzalama mərhələsi ola bilər',
    route_endorse_before_signing: 'Razılaşdırma mərhələləri imzalamadan əvvəl gəlməlidir',
    route_running: 'Marşrut artıq başlayıb; yalnız imtinadan sonra dəyişdirilə bilər',
    route_empty: 'Sənədin başladılacaq marşrutu yoxdur',
    route_stage_unstaffed: 'Mərhələnin vəzifələrini tutan işçi yoxdur',
    route_instruction_required: 'İcra mərhələsi üçün tapşırığı (dərkənarın mətnini) yazın',
    route_instruction_execution_only: 'Tapşırıq yalnız icra mərhələsində yazılır',
    duplicate_date: 'Tarix iki dəfə göstərilib',
    overlapping_dates: 'Bu tarix başqa bayram və ya köçürmə günü ilə üst-üstə düşür',
    not_a_weekend_day: 'İş gününə çevrilən gün şənbə və ya bazar olmalıdır',
    not_a_weekday: 'İstirahət gününə çevrilən gün həftə içi iş günü olmalıdır',
    transfer_on_holiday: 'Bayram günü köçürülə bilməz',
    duplicate_voen: 'Bu VÖEN ilə əks-tərəf artıq siyahıdadır',
    electronic_needs_email: 'Sənədləri elektron qəbul edən əks-tərəfin e-poçt ünvanı olmalıdır',
    journal_kind_mismatch: 'Bu jurnal başqa növ sənədləri qeydiyyata alır',
    sender_kind_incoming_only: 'Göndərən yalnız daxil olan sənədlərdə olur',
    journal_rule_mismatch: 'Qurumun jurnal qaydalarına görə bu jurnal belə sənədlər üçün deyil',
    journal_confidentiality_mismatch:
      'Məxfi sənədlər yalnız məxfi sənədlər jurnalına, digərləri isə ona yazılmır',
    access_list_not_confidential: 'Giriş siyahısı yalnız məxfi sənəddə olur',
    recipient_not_electronic: 'Alıcı sənədləri elektron qəbul etmir; poçt və ya kuryerlə göndərin',
    recipient_not_on_platform: 'Alıcı platformada olan qurum deyil; başqa göndərmə üsulu seçin',
    received_not_verified: 'Alınmış sənəd yoxlamadan keçməyib; yalnız imtina etmək olar',
    received_not_waiting: 'Alınmış sənəd artıq qeydiyyata alınıb və ya imtina edilib',
    presend_check_failed: 'Sənəd göndərilməyə hazır deyil: çatışmayanlar aşağıda göstərilib',
    presend_not_signed: 'Sənəd elektron imza ilə imzalanmayıb',
    presend_signature_invalid: 'Sənədin elektron imzası yoxlamadan keçmir',
    presend_signer_without_right: 'Sənədi imza hüququ olan şəxs imzalamayıb',
    presend_main_requisite: 'Sənədin əsas rekviziti yoxdur',
    presend_additional_requisite: 'Sənədin əlavə rekviziti yoxdur',
    presend_not_addressed: 'Sənəd ünvanlanmayıb (alan və ya onun ünvanı yoxdur)',
  },
  en: {
    case_year_not_over: 'A case file of a later year cannot be closed',
    executor_required: 'Name at least one executor',
    duplicate_executor: 'An executor is named twice',
    one_responsible: 'Only one executor can be responsible',
    due_date_in_past: 'The due date cannot be in the past',
    due_after_parent: 'The due date cannot be later than the parent resolution’s',
    due_date_required: 'A controlled resolution needs a due date',
    report_text_required: 'Write what was done',
    return_comment_required: 'Write why it is returned',
    date_outside_year: 'A date is outside the edited year',
    reject_comment_required: 'Write why it is rejected',
    route_stage_required: 'A route needs at least one stage',
    route_participant_required: 'A stage needs at least one participant',
    route_duplicate_participant: 'A participant is listed twice',
    route_one_deadline: 'Give the deadline either in working days or as a date',
    route_one_signing: 'A route can have only one signing stage',
    route_endorse_before_signing: 'Endorsement stages must come before the signing',
    route_running: 'The route has started; it can change only after a rejection',
    route_empty: 'The document has no route to start',
    route_stage_unstaffed: 'Nobody holds the positions of a stage',
    route_instruction_required: 'Write the instruction (the resolution’s text) of the execution stage',
    route_instruction_execution_only: 'Only an execution stage has an instruction',
    duplicate_date: 'A date is listed twice',
    overlapping_dates: 'The date overlaps another holiday or transfer day',
    not_a_weekend_day: 'A day made working must be a Saturday or a Sunday',
    not_a_weekday: 'A day made a day off must be a weekday',
    transfer_on_holiday: 'A holiday cannot be transferred',
    duplicate_voen: 'A counterpart with this VÖEN is already in the list',
    electronic_needs_email: 'A counterpart that receives documents electronically needs an e-mail address',
    journal_kind_mismatch: 'This journal registers documents of another kind',
    sender_kind_incoming_only: 'Only incoming documents have a sender',
    journal_rule_mismatch: 'By the agency’s journal rules this journal is not for such documents',
    journal_confidentiality_mismatch:
      'Confidential documents go only into a journal for confidential documents, and others never do',
    access_list_not_confidential: 'Only a confidential document has an access list',
    recipient_not_electronic: 'A recipient does not take documents electronically; send by post or courier',
    recipient_not_on_platform: 'A recipient is not an agency on the platform; choose another delivery form',
    received_not_verified: 'The received document did not pass verification; it can only be refused',
    received_not_waiting: 'The received document was already registered or refused',
    presend_check_failed: 'The document is not ready to be sent: what is missing is listed below',
    presend_not_signed: 'The document carries no electronic signature',
    presend_signature_invalid: 'The document’s electronic signature does not verify',
    presend_signer_without_right: 'The document is not signed by someone with the right to sign it',
    presend_main_requisite: 'A main requisite of the document is missing',
    presend_additional_requisite: 'An additional requisite of the document is missing',
    presend_not_addressed: 'The document is not addressed (no recipient or no address)',
  },
  ru: {
    case_year_not_over: 'Дело следующего года нельзя закрыть',
    executor_required: 'Укажите хотя бы одного исполнителя',
    duplicate_executor: 'Исполнитель указан дважды',
    one_responsible: 'Ответственный исполнитель может быть только один',
    due_date_in_past: 'Срок исполнения не может быть в прошлом',
    due_after_parent: 'Срок не может быть позже срока вышестоящей резолюции',
    due_date_required: 'Для резолюции на контроле нужен срок исполнения',
    report_text_required: 'Напишите, что сделано',
    return_comment_required: 'Напишите причину возврата',
    date_outside_year: 'Дата не относится к редактируемому году',
    reject_comment_required: 'Напишите причину отказа',
    route_stage_required: 'В маршруте должен быть хотя бы один этап',
    route_participant_required: 'У этапа должен быть хотя бы один участник',
    route_duplicate_participant: 'Участник указан дважды',
    route_one_deadline: 'Укажите срок либо в рабочих днях, либо датой',
    route_one_signing: 'В маршруте может быть только один этап подписания',
    route_endorse_before_signing: 'Этапы согласования должны идти до подписания',
    route_running: 'Маршрут уже запущен; изменить его можно только после отказа',
    route_empty: 'У документа нет маршрута для запуска',
    route_stage_unstaffed: 'Должности этапа никто не занимает',
    route_instruction_required: 'Напишите поручение (текст резолюции) этапа исполнения',
    route_instruction_execution_only: 'Поручение пишется только для этапа исполнения',
    duplicate_date: 'Дата указана дважды',
    overlapping_dates: 'Дата совпадает с другим праздником или днём переноса',
    not_a_weekend_day: 'Рабочим можно сделать только субботу или воскресенье',
    not_a_weekday: 'Выходным можно сделать только будний день',
    transfer_on_holiday: 'Праздничный день нельзя перенести',
    duplicate_voen: 'Контрагент с этим VÖEN уже есть в списке',
    electronic_needs_email:
      'У контрагента, принимающего документы электронно, должен быть адрес электронной почты',
    journal_kind_mismatch: 'Этот журнал регистрирует документы другого вида',
    sender_kind_incoming_only: 'Отправитель бывает только у входящих документов',
    journal_rule_mismatch: 'По правилам выбора журналов организации этот журнал не для таких документов',
    journal_confidentiality_mismatch:
      'Конфиденциальные документы регистрируются только в журнале конфиденциальных документов, прочие — нет',
    access_list_not_confidential: 'Список доступа бывает только у конфиденциального документа',
    recipient_not_electronic: 'Получатель не принимает документы электронно; отправьте почтой или курьером',
    recipient_not_on_platform:
      'Получатель не является учреждением на платформе; выберите другой способ отправки',
    received_not_verified: 'Полученный документ не прошёл проверку; возможен только отказ',
    received_not_waiting: 'Полученный документ уже зарегистрирован или отклонён',
    presend_check_failed: 'Документ не готов к отправке: недостающее перечислено ниже',
    presend_not_signed: 'Документ не подписан электронной подписью',
    presend_signature_invalid: 'Электронная подпись документа не проходит проверку',
    presend_signer_without_right: 'Документ подписан не лицом, имеющим право подписи',
    presend_main_requisite: 'Отсутствует основной реквизит документа',
    presend_additional_requisite: 'Отсутствует дополнительный реквизит документа',
    presend_not_addressed: 'Документ не адресован (нет получателя или его адреса)',
  },
};

/**
 * Rules of absences and of onboarding an agency: the same words as a problem title and as a field
 * message (kept apart from `ruleMessages` so that each capability's catalogue grows on its own).
 */
const orgRuleMessages: Record<Language, Catalog> = {
  az: {
    absence_overlap: 'İşçinin bu dövrlə üst-üstə düşən başqa yoxluğu qeydə alınıb',
    substitute_absent: 'Əvəz edən şəxs bu dövrdə özü iş yerində olmayacaq',
    absence_cancelled: 'Yoxluq ləğv edilib və dəyişdirilə bilməz',
    absence_employee_immutable: 'Yoxluğun işçisi dəyişdirilmir; bu yoxluğu ləğv edib yenisini qeydə alın',
    substitution_follows_absence: 'Bu əvəzetmə yoxluq qeydindən yaranıb; yoxluğun özünü dəyişin',
    invitation_invalid: 'Dəvət keçərsizdir',
    invitation_expired: 'Dəvətin müddəti bitib; platforma operatorundan yenisini istəyin',
    invitation_used: 'Dəvət artıq qəbul edilib; istifadəçi adınız və şifrənizlə daxil olun',
    voen_immutable: 'VÖEN təşkilatın hüquqi kimliyidir; onu platforma operatoru dəyişir',
    password_too_weak:
      'Şifrə ən azı 12 simvol olmalı, böyük və kiçik hərf, rəqəm və xüsusi simvol daxil etməlidir',
  },
  en: {
    absence_overlap: 'The employee already has a recorded absence overlapping this period',
    substitute_absent: 'The substitute is absent during this period',
    absence_cancelled: 'The absence is cancelled and cannot change',
    absence_employee_immutable: 'The absent employee cannot change; cancel this absence and record another',
    substitution_follows_absence: 'This substitution follows an absence; change the absence itself',
    invitation_invalid: 'The invitation is not valid',
    invitation_expired: 'The invitation has expired; ask the platform operator for a new one',
    invitation_used: 'The invitation has been accepted already; sign in with your username and password',
    voen_immutable: 'The VÖEN is the legal identity of the organization; the platform operator changes it',
    password_too_weak:
      'The password needs at least 12 characters with upper- and lower-case letters, a digit and a symbol',
  },
  ru: {
    absence_overlap: 'У сотрудника уже есть отсутствие, пересекающееся с этим периодом',
    substitute_absent: 'Замещающий сам отсутствует в этот период',
    absence_cancelled: 'Отсутствие отменено и не может быть изменено',
    absence_employee_immutable: 'Сотрудника отсутствия изменить нельзя; отмените его и зарегистрируйте новое',
    substitution_follows_absence: 'Это замещение следует из отсутствия; измените само отсутствие',
    invitation_invalid: 'Приглашение недействительно',
    invitation_expired: 'Срок приглашения истёк; попросите оператора платформы выслать новое',
    invitation_used: 'Приглашение уже принято; войдите со своим именем пользователя и паролем',
    voen_immutable: 'VÖEN — юридическая идентичность организации; его изменяет оператор платформы',
    password_too_weak:
      'Пароль должен содержать не менее 12 символов, заглавные и строчные буквы, цифру и специальный символ',
  },
};

/** Reports' Excel exports (issue 16): the same words as a problem title and as a field message. */
const reportMessages: Record<Language, Catalog> = {
  az: { export_not_ready: 'Hesabatın Excel faylı hələ hazır deyil' },
  en: { export_not_ready: 'The report’s Excel file is not ready yet' },
  ru: { export_not_ready: 'Файл Excel отчёта ещё не готов' },
};

/**
 * Transfer packages of permanent case files to the state archive (Decree 935 §153.7): the same
 * words as a problem title and as a field message.
 */
const transferMessages: Record<Language, Catalog> = {
  az: {
    transfer_not_permanent: 'Dövlət arxivinə yalnız daimi saxlanılan işlər verilir',
    transfer_no_documents: 'Bu ilə aid işdə arxivləşdirilmiş sənəd yoxdur',
    transfer_not_ready: 'Təhvil paketi hələ hazır deyil',
  },
  en: {
    transfer_not_permanent: 'Only case files kept permanently pass to the state archive',
    transfer_no_documents: 'The case file has no archived documents of that year',
    transfer_not_ready: 'The transfer package is not ready yet',
  },
  ru: {
    transfer_not_permanent: 'В государственный архив передаются только дела постоянного хранения',
    transfer_no_documents: 'В деле нет архивных документов за этот год',
    transfer_not_ready: 'Пакет передачи ещё не готов',
  },
};

/**
 * Webhook subscriptions (issue 14): a target the platform will not deliver to. The same words as a
 * problem title and as a field message.
 */
const webhookMessages: Record<Language, Catalog> = {
  az: {
    webhook_target_refused: 'Bu ünvana vebhuk göndərilə bilməz',
    https_required: 'Ünvan https:// ilə başlamalıdır',
    private_address: 'Daxili, lokal və ya şəxsi şəbəkə ünvanlarına vebhuk göndərilmir',
    credentials_in_url: 'Ünvanda istifadəçi adı və ya parol olmamalıdır',
    invalid_url: 'Ünvan düzgün URL deyil',
  },
  en: {
    webhook_target_refused: 'Webhooks cannot be sent to this address',
    https_required: 'The address must start with https://',
    private_address: 'Webhooks are not sent to loopback, link-local or private network addresses',
    credentials_in_url: 'The address must not contain a user name or password',
    invalid_url: 'The address is not a valid URL',
  },
  ru: {
    webhook_target_refused: 'На этот адрес вебхуки отправлять нельзя',
    https_required: 'Адрес должен начинаться с https://',
    private_address: 'Вебхуки не отправляются на локальные, link-local и частные сетевые адреса',
    credentials_in_url: 'В адресе не должно быть имени пользователя или пароля',
    invalid_url: 'Адрес не является корректным URL',
  },
};

/**
 * Two-step sign-in (issue 18): the agency requires a second factor of admins and signers; enrolling
 * a TOTP authenticator. The same words as a problem title and as a field message.
 */
const mfaMessages: Record<Language, Catalog> = {
  az: {
    mfa_required:
      'Bu əməliyyat üçün iki mərhələli giriş tələb olunur: profilinizdə autentifikator tətbiqini qoşun, çıxıb yenidən daxil olun',
    mfa_code_invalid: 'Kod yanlışdır və ya vaxtı keçib; tətbiqdəki yeni kodu daxil edin',
  },
  en: {
    mfa_required:
      'This operation needs two-step sign-in: set up an authenticator app in your profile, then sign out and in again',
    mfa_code_invalid: 'The code is wrong or has expired; enter the current code from the app',
  },
  ru: {
    mfa_required:
      'Для этой операции нужен двухэтапный вход: подключите приложение-аутентификатор в профиле, затем выйдите и войдите снова',
    mfa_code_invalid: 'Код неверен или устарел; введите текущий код из приложения',
  },
};

/**
 * E-services (issue 15): the rules of a service's versions. The same words as a problem title and
 * as a field message.
 */
const eserviceMessages: Record<Language, Catalog> = {
  az: {
    service_draft_exists: 'Xidmətin artıq qaralaması var: onu redaktə edin və ya dərc edin',
    service_version_published: 'Dərc olunmuş versiya dəyişdirilə bilməz: yeni qaralama başladın',
    service_code_mismatch: 'Xidmətin kodu versiyadan versiyaya dəyişə bilməz',
    service_no_draft: 'Xidmətin qaralaması yoxdur: əvvəlcə yeni qaralama başladın',
  },
  en: {
    service_draft_exists: 'The service already has a draft: edit or publish it',
    service_version_published: 'A published version cannot change: start a new draft',
    service_code_mismatch: 'A service’s code cannot change from one version to another',
    service_no_draft: 'The service has no draft: start a new draft first',
  },
  ru: {
    service_draft_exists: 'У услуги уже есть черновик: измените или опубликуйте его',
    service_version_published: 'Опубликованную версию изменить нельзя: начните новый черновик',
    service_code_mismatch: 'Код услуги не может меняться от версии к версии',
    service_no_draft: 'У услуги нет черновика: сначала начните новый черновик',
  },
};

/** E-services (issue 15, third slice): the application's confirmation and payment. */
const applicationFlowMessages: Record<Language, Catalog> = {
  az: {
    application_confirmation_expired:
      'Təsdiqləmə müddəti bitib: vaxtında təsdiqlənməyən müraciət ləğv olunur. Yenidən müraciət edin',
    application_not_awaiting_payment: 'Bu müraciət ödəniş gözləmir',
    payment_callback_refused: 'Ödəniş bildirişi qəbul edilmədi',
  },
  en: {
    application_confirmation_expired:
      'The confirmation time is over: an application not confirmed in time is cancelled. Please apply again',
    application_not_awaiting_payment: 'This application is not waiting for a payment',
    payment_callback_refused: 'The payment notification was refused',
  },
  ru: {
    application_confirmation_expired:
      'Время подтверждения истекло: неподтверждённое вовремя заявление отменяется. Подайте заявление снова',
    application_not_awaiting_payment: 'Это заявление не ожидает оплаты',
    payment_callback_refused: 'Уведомление об оплате отклонено',
  },
};

/**
 * Issued e-visas (issue 15): why a scanned code does not verify (problem titles of the public
 * check, `POST /api/public/v1/evisa/verify`).
 */
const evisaMessages: Record<Language, Catalog> = {
  az: {
    visa_code_malformed: 'Bu, elektron vizanın QR kodu deyil və ya kod tam oxunmayıb: yenidən skan edin',
    visa_code_unsupported_version: 'Elektron vizanın kodu tanınmayan versiyadadır',
    visa_code_unknown_key: 'Kod dərc olunmuş açarların heç biri ilə imzalanmayıb: viza etibarsızdır',
    visa_code_bad_signature: 'Kodun imzası yoxlamadan keçmir: viza dəyişdirilib və ya saxtadır',
  },
  en: {
    visa_code_malformed: 'This is not an e-visa QR code, or it was not read whole: scan it again',
    visa_code_unsupported_version: 'The e-visa code is of an unknown version',
    visa_code_unknown_key: 'The code is not signed with any published key: the visa is not valid',
    visa_code_bad_signature: 'The code’s signature does not verify: the visa was altered or is forged',
  },
  ru: {
    visa_code_malformed: 'Это не QR-код электронной визы, или код считан не полностью: отсканируйте снова',
    visa_code_unsupported_version: 'Код электронной визы неизвестной версии',
    visa_code_unknown_key: 'Код не подписан ни одним из опубликованных ключей: виза недействительна',
    visa_code_bad_signature: 'Подпись кода не проходит проверку: виза изменена или поддельна',
  },
};

/** Problem titles by stable code. */
const titles: Record<Language, Catalog> = {
  az: {
    ...orgRuleMessages.az,
    ...transferMessages.az,
    ...reportMessages.az,
    ...mfaMessages.az,
    ...webhookMessages.az,
    ...eserviceMessages.az,
    ...applicationFlowMessages.az,
    ...evisaMessages.az,
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
    body_too_deep: 'Sorğunun JSON mətni həddən artıq iç-içədir',
    invalid_path: 'Ünvan düzgün kodlaşdırılmayıb',
    unsupported_media_type: 'Sorğu application/json formatında olmalıdır',
    too_many_requests: 'Çox sayda sorğu; bir az sonra yenidən cəhd edin',
    origin_refused: 'Sorğu xidmətin öz ünvanından gəlməyib',
    tenant_rate_exceeded: 'Qurumun sorğu limiti bu dəqiqə üçün tükənib; bir az sonra yenidən cəhd edin',
    operation_not_allowed: 'Sənəd «{documentStatus}» statusundadır; bu əməliyyat icazə verilmir',
    no_journal: 'Bu sənəd üçün qeydiyyat jurnalı yoxdur',
    checksum_mismatch: 'Yüklənmiş faylın baytları bildirilmiş SHA-256 ilə uyğun gəlmir',
    upload_missing: 'Fayl hələ yüklənməyib',
    content_missing: 'Fayl saxlancda tapılmadı; administratorlara bildirildi',
    content_damaged:
      'Faylın baytları qeydə alınmış SHA-256 ilə uyğun gəlmir; fayl verilmir, administratorlara bildirildi',
    single_file_frozen: 'Vahid elektron fayl sənəd imzalandıqdan sonra dəyişdirilmir (SHA-256 {sha256})',
    not_registered: 'Sənəd qeydiyyatdan keçməyib: çap üçün qeydiyyat nömrəsi və tarixi yoxdur',
    single_file_damaged: 'Saxlanılan vahid elektron fayl yoxdur və ya dəyişdirilib',
    no_signing_right:
      'Bu anda imza hüququnuz yoxdur: bu hüququ verən vəzifəni tutmursunuz və onu tutanı əvəz etmirsiniz',
    no_endorsing_right:
      'Bu anda viza hüququnuz yoxdur: bu hüququ verən vəzifəni tutmursunuz və onu tutanı əvəz etmirsiniz',
    file_too_large: 'Fayl çox böyükdür',
    too_many_files: 'Sənəddə həddən çox fayl var',
    recipient_without_email: 'Bütün alıcıların e-poçt ünvanı olmalıdır',
    reason_required: 'Səbəb göstərilməlidir',
    wrong_kind: 'Sənəd başqa növdəndir',
    self_link: 'Sənədi özünə bağlamaq olmaz',
    operation_has_own_route: 'Bu əməliyyat öz ünvanı ilə aparılır; cavabda göstərilən ünvandan istifadə edin',
    assignment_action_not_allowed: 'Tapşırıq «{assignmentStatus}» vəziyyətindədir; bu addım icazə verilmir',
    subresolutions_open: 'Bu tapşırıq üzrə verilmiş dərkənarlar hələ icra olunmayıb',
    not_archived: 'Sənədin arxivdə surəti hələ yoxdur',
    document_disposed:
      'Sənədin faylları saxlanma müddəti başa çatdıqdan sonra məhv etmə aktı ilə məhv edilib',
    nothing_to_dispose: 'Saxlanma müddəti başa çatmış arxiv sənədi yoxdur',
    search_unavailable: 'Bu mühitdə axtarış qoşulmayıb',
    disposal_act_open: 'Başqa məhv etmə aktı açıqdır: əvvəlcə onu icra edin və ya ləğv edin',
    disposal_act_closed: 'Akt artıq təsdiqlənib, icra olunub və ya ləğv edilib',
    ...ruleMessages.az,
    internal: 'Daxili xəta baş verdi',
  },
  en: {
    ...orgRuleMessages.en,
    ...transferMessages.en,
    ...reportMessages.en,
    ...mfaMessages.en,
    ...webhookMessages.en,
    ...eserviceMessages.en,
    ...applicationFlowMessages.en,
    ...evisaMessages.en,
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
    body_too_deep: 'The JSON body is nested too deeply',
    invalid_path: 'The address is not correctly encoded',
    unsupported_media_type: 'The request must be application/json',
    too_many_requests: 'Too many requests; try again shortly',
    origin_refused: 'The request did not come through the service’s own address',
    tenant_rate_exceeded: 'Your agency’s request quota for this minute is used up; try again shortly',
    operation_not_allowed: 'The document is in status “{documentStatus}”; this operation is not allowed',
    no_journal: 'There is no registration journal for this document',
    checksum_mismatch: 'The uploaded bytes do not match the declared SHA-256',
    upload_missing: 'The file has not been uploaded yet',
    content_missing: 'The stored file is missing; the admins have been told',
    content_damaged:
      'The stored file does not match its recorded SHA-256; it is not handed out and the admins have been told',
    single_file_frozen: 'The single electronic file is frozen once the document is signed (SHA-256 {sha256})',
    not_registered: 'The document is not registered: there is no registration number and date to print',
    single_file_damaged: 'The stored single electronic file is missing or altered',
    no_signing_right:
      'You have no signing right at this moment: you hold no position that carries it and substitute no one who does',
    no_endorsing_right:
      'You have no right to endorse (viza) at this moment: you hold no position that carries it and substitute no one who does',
    file_too_large: 'The file is too large',
    too_many_files: 'The document has too many files',
    recipient_without_email: 'Every recipient needs an e-mail address',
    reason_required: 'A reason is required',
    wrong_kind: 'The document is of another kind',
    self_link: 'A document cannot be linked to itself',
    operation_has_own_route: 'This operation has a route of its own; use the route given in the answer',
    assignment_action_not_allowed: 'The assignment is “{assignmentStatus}”; this step is not allowed',
    subresolutions_open: 'Resolutions given under this assignment are not executed yet',
    not_archived: 'The document has no copy in the archive yet',
    document_disposed:
      'The document’s files were destroyed under a disposal act after their retention period',
    nothing_to_dispose: 'No archived document has reached the end of its retention period',
    search_unavailable: 'Search is not deployed in this environment',
    disposal_act_open: 'Another disposal act is open: execute or cancel it first',
    disposal_act_closed: 'The act is approved, executed or cancelled already',
    ...ruleMessages.en,
    internal: 'An internal error occurred',
  },
  ru: {
    ...orgRuleMessages.ru,
    ...transferMessages.ru,
    ...reportMessages.ru,
    ...mfaMessages.ru,
    ...webhookMessages.ru,
    ...eserviceMessages.ru,
    ...applicationFlowMessages.ru,
    ...evisaMessages.ru,
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
    body_too_deep: 'JSON в теле запроса слишком глубоко вложен',
    invalid_path: 'Адрес закодирован неверно',
    unsupported_media_type: 'Запрос должен быть в формате application/json',
    too_many_requests: 'Слишком много запросов; повторите попытку позже',
    origin_refused: 'Запрос пришёл не через адрес самого сервиса',
    tenant_rate_exceeded: 'Лимит запросов организации на эту минуту исчерпан; повторите попытку позже',
    operation_not_allowed: 'Документ в статусе «{documentStatus}»; эта операция не разрешена',
    no_journal: 'Для этого документа нет журнала регистрации',
    checksum_mismatch: 'Загруженные байты не совпадают с заявленным SHA-256',
    upload_missing: 'Файл ещё не загружен',
    content_missing: 'Файл не найден в хранилище; администраторы уведомлены',
    content_damaged:
      'Файл не совпадает с записанной суммой SHA-256; он не выдаётся, администраторы уведомлены',
    single_file_frozen: 'Единый электронный файл не изменяется после подписания документа (SHA-256 {sha256})',
    not_registered: 'Документ не зарегистрирован: нет регистрационного номера и даты для печати',
    single_file_damaged: 'Сохранённый единый электронный файл отсутствует или изменён',
    no_signing_right:
      'Сейчас у вас нет права подписи: вы не занимаете должность с этим правом и никого с ним не замещаете',
    no_endorsing_right:
      'Сейчас у вас нет права визирования: вы не занимаете должность с этим правом и никого с ним не замещаете',
    file_too_large: 'Файл слишком большой',
    too_many_files: 'В документе слишком много файлов',
    recipient_without_email: 'У каждого получателя должен быть адрес электронной почты',
    reason_required: 'Нужно указать причину',
    wrong_kind: 'Документ другого вида',
    self_link: 'Документ нельзя связать с самим собой',
    operation_has_own_route:
      'Эта операция выполняется по своему адресу; используйте адрес, указанный в ответе',
    assignment_action_not_allowed: 'Поручение в состоянии «{assignmentStatus}»; этот шаг не разрешён',
    subresolutions_open: 'Резолюции, данные по этому поручению, ещё не исполнены',
    not_archived: 'Копии документа в архиве ещё нет',
    document_disposed: 'Файлы документа уничтожены по акту об уничтожении после истечения срока хранения',
    nothing_to_dispose: 'Нет архивных документов с истёкшим сроком хранения',
    search_unavailable: 'Поиск в этой среде не подключён',
    disposal_act_open: 'Открыт другой акт об уничтожении: сначала исполните или отмените его',
    disposal_act_closed: 'Акт уже утверждён, исполнен или отменён',
    ...ruleMessages.ru,
    internal: 'Произошла внутренняя ошибка',
  },
};

/** Field messages by stable issue code; {min}/{max}/{values} are filled from params. */
const fields: Record<Language, Catalog> = {
  az: {
    ...orgRuleMessages.az,
    ...transferMessages.az,
    ...reportMessages.az,
    ...mfaMessages.az,
    ...webhookMessages.az,
    ...eserviceMessages.az,
    required: 'Bu xana mütləqdir',
    invalid_type: 'Dəyərin tipi yanlışdır',
    too_small: 'Dəyər çox qısadır və ya kiçikdir (ən azı {min})',
    too_big: 'Dəyər çox uzundur və ya böyükdür (ən çoxu {max})',
    invalid_format: 'Dəyərin formatı yanlışdır',
    invalid_value: 'Dəyər icazə verilənlərdən deyil',
    unrecognized_keys: 'Naməlum xana',
    forbidden_key: 'Bu adda xana ola bilməz',
    invalid_text: 'Mətndə Unicode olmayan simvol var',
    too_deep: 'Məlumat həddən artıq iç-içədir (ən çoxu {max} səviyyə)',
    invalid_cursor: 'Səhifələmə göstəricisi yanlışdır',
    tree_cycle: 'Seçilmiş yuxarı element dövr yaradır',
    username_immutable: 'İstifadəçi adı dəyişdirilə bilməz',
    substitute_is_self: 'İşçi özünü əvəz edə bilməz',
    date_range_inverted: 'Son tarix başlanğıc tarixindən əvvəldir',
    invalid_journal_pattern:
      'Şablonda {seq} bir dəfə olmalıdır; icazə verilən işarələr: {seq}, {seq:N}, {year}, {yy}, {index}, {dept}',
    unknown_reference: 'Belə obyekt yoxdur',
    ...ruleMessages.az,
    duplicate_value: 'Bu dəyər artıq istifadə olunur',
    no_journal: 'Bu növ üçün aktiv qeydiyyat jurnalı yoxdur',
    checksum_mismatch: 'Faylın SHA-256 cəmi uyğun gəlmir',
    upload_missing: 'Fayl yüklənməyib',
    file_too_large: 'Fayl çox böyükdür (ən çoxu {max} bayt)',
    recipient_without_email: 'Alıcının e-poçt ünvanı yoxdur',
    invalid_date_filter: 'Tarix belə yazılır: gg.aa.iiii, aa.iiii, *.aa.iiii, iiii və ya aralıq A-B',
    self_link: 'Sənədi özünə bağlamaq olmaz',
    invalid: 'Dəyər yanlışdır',
  },
  en: {
    ...orgRuleMessages.en,
    ...transferMessages.en,
    ...reportMessages.en,
    ...mfaMessages.en,
    ...webhookMessages.en,
    ...eserviceMessages.en,
    required: 'This field is required',
    invalid_type: 'The value has the wrong type',
    too_small: 'The value is too short or too small (at least {min})',
    too_big: 'The value is too long or too large (at most {max})',
    invalid_format: 'The value has the wrong format',
    invalid_value: 'The value is not one of the allowed ones',
    unrecognized_keys: 'Unknown field',
    forbidden_key: 'A field cannot have this name',
    invalid_text: 'The text contains a character that is not Unicode',
    too_deep: 'The data is nested too deeply (at most {max} levels)',
    invalid_cursor: 'The page cursor is not valid',
    tree_cycle: 'The chosen parent would make a cycle',
    username_immutable: 'The username cannot be changed',
    substitute_is_self: 'An employee cannot substitute themselves',
    date_range_inverted: 'The end date is before the start date',
    invalid_journal_pattern:
      'The pattern needs {seq} exactly once; allowed tokens: {seq}, {seq:N}, {year}, {yy}, {index}, {dept}',
    unknown_reference: 'No such object',
    ...ruleMessages.en,
    duplicate_value: 'This value is already in use',
    no_journal: 'No active registration journal for this kind',
    checksum_mismatch: 'The SHA-256 of the file does not match',
    upload_missing: 'The file has not been uploaded',
    file_too_large: 'The file is too large (at most {max} bytes)',
    recipient_without_email: 'The recipient has no e-mail address',
    invalid_date_filter: 'Write dates as dd.MM.yyyy, MM.yyyy, *.MM.yyyy, yyyy or a range A-B',
    self_link: 'A document cannot be linked to itself',
    invalid: 'The value is not valid',
  },
  ru: {
    ...orgRuleMessages.ru,
    ...transferMessages.ru,
    ...reportMessages.ru,
    ...mfaMessages.ru,
    ...webhookMessages.ru,
    ...eserviceMessages.ru,
    required: 'Это поле обязательно',
    invalid_type: 'Неверный тип значения',
    too_small: 'Значение слишком короткое или маленькое (не менее {min})',
    too_big: 'Значение слишком длинное или большое (не более {max})',
    invalid_format: 'Неверный формат значения',
    invalid_value: 'Значение не входит в допустимые',
    unrecognized_keys: 'Неизвестное поле',
    forbidden_key: 'Поле не может так называться',
    invalid_text: 'Текст содержит символ, не являющийся Unicode',
    too_deep: 'Данные вложены слишком глубоко (не более {max} уровней)',
    invalid_cursor: 'Курсор страницы неверен',
    tree_cycle: 'Выбранный родитель образует цикл',
    username_immutable: 'Имя пользователя нельзя изменить',
    substitute_is_self: 'Сотрудник не может замещать сам себя',
    date_range_inverted: 'Дата окончания раньше даты начала',
    invalid_journal_pattern:
      'В шаблоне должен быть ровно один {seq}; допустимые метки: {seq}, {seq:N}, {year}, {yy}, {index}, {dept}',
    unknown_reference: 'Такого объекта нет',
    ...ruleMessages.ru,
    duplicate_value: 'Это значение уже используется',
    no_journal: 'Нет действующего журнала регистрации для этого вида',
    checksum_mismatch: 'SHA-256 файла не совпадает',
    upload_missing: 'Файл не загружен',
    file_too_large: 'Файл слишком большой (не более {max} байт)',
    recipient_without_email: 'У получателя нет адреса электронной почты',
    invalid_date_filter: 'Дата пишется так: дд.ММ.гггг, ММ.гггг, *.ММ.гггг, гггг или диапазон A-B',
    self_link: 'Документ нельзя связать с самим собой',
    invalid: 'Значение неверно',
  },
};

/**
 * Problem details: one sentence per case of a code (`code:case`), with `{route}` filled in. For an
 * operation with a route of its own, the case is the operation.
 */
const details: Record<Language, Catalog> = {
  az: {
    'operation_has_own_route:update': 'Sənədin xanaları bu ünvanla dəyişdirilir: {route}',
    'operation_has_own_route:attach': 'Fayl bu ünvanla əlavə edilir: {route}',
    'operation_has_own_route:link': 'Sənədlər bu ünvanla əlaqələndirilir: {route}',
    'operation_has_own_route:group-update': 'Qrup dəyişikliyi bu ünvanla aparılır: {route}',
    'operation_has_own_route:send': 'Sənəd bu ünvanla göndərilir: {route}',
    'operation_has_own_route:resolve': 'Dərkənar bu ünvanla yazılır: {route}',
    'operation_has_own_route:execute':
      'Sənəd nəzarətçi son dərkənarın icrasını qəbul edəndə icra olunmuş sayılır: {route}',
  },
  en: {
    'operation_has_own_route:update': 'A document’s fields are changed through {route}',
    'operation_has_own_route:attach': 'Files are added through {route}',
    'operation_has_own_route:link': 'Documents are linked through {route}',
    'operation_has_own_route:group-update': 'Group changes go through {route}',
    'operation_has_own_route:send': 'A document is sent through {route}',
    'operation_has_own_route:resolve': 'A resolution is written through {route}',
    'operation_has_own_route:execute':
      'A document is executed when the controller accepts the execution of its last resolution: {route}',
  },
  ru: {
    'operation_has_own_route:update': 'Поля документа изменяются по адресу {route}',
    'operation_has_own_route:attach': 'Файлы добавляются по адресу {route}',
    'operation_has_own_route:link': 'Документы связываются по адресу {route}',
    'operation_has_own_route:group-update': 'Групповое изменение выполняется по адресу {route}',
    'operation_has_own_route:send': 'Документ отправляется по адресу {route}',
    'operation_has_own_route:resolve': 'Резолюция пишется по адресу {route}',
    'operation_has_own_route:execute':
      'Документ считается исполненным, когда контролёр принимает исполнение последней резолюции: {route}',
  },
};

/** The localized detail of a problem, when its code has one for the case in `params`. */
export function problemDetail(
  code: string,
  lang: Language,
  params: Record<string, string | number> = {},
): string | undefined {
  const template = details[lang][`${code}:${String(params.operation ?? '')}`];
  return template?.replace(/\{route\}/g, () => String(params.route ?? ''));
}

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(min|max|values)\}/g, (whole, key: string) =>
    params[key] !== undefined ? String(params[key]) : whole,
  );
}

export function problemTitle(
  code: string,
  lang: Language,
  params: Record<string, string | number> = {},
): string {
  const template = titles[lang][code] ?? titles[lang].internal ?? code;
  return template.replace(/\{documentStatus\}/g, () => {
    const status = String(params.status ?? '');
    return statusName(lang, status);
  });
}

export function fieldMessage(code: string, lang: Language, params?: Record<string, string | number>): string {
  return fill(fields[lang][code] ?? fields[lang].invalid ?? code, params);
}

/** For tests: every code must exist in all languages. */
export const catalogs = { titles, fields, statusNames, details };
