import type { Language } from '../../../platform/kernel/text';

/** What a notice is about; every kind has a text in each UI language. */
export type NoticeKind =
  | 'reminder'
  | 'overdue'
  | 'escalation'
  | 'new-task'
  | 'content-missing'
  | 'content-damaged'
  | 'archive-integrity'
  | 'sms-budget'
  | 'no-receipt'
  | 'service-level-reminder'
  | 'service-level-overdue';

export interface NoticeParams {
  /** Registration number, or the summary when the document has none. */
  document: string;
  summary: string;
  /** dd.MM.yyyy */
  dueDate?: string;
  /** HH:mm (Baku) when the term ends within `dueDate` (an hour term), not at its end. */
  dueTime?: string;
  daysLeft?: number;
  escalation?: number;
  /** The file a content notice is about. */
  file?: string;
  /** The agency's monthly SMS budget in parts (the budget notice). */
  smsLimit?: number;
  /** The organization a document was sent to (the no-receipt notice). */
  recipient?: string;
  link: string;
}

type Render = (p: NoticeParams) => { subject: string; text: string; sms: string };

/**
 * SMS texts are short (billing counts parts; Azerbaijani letters make every text UCS-2: 70
 * characters in one part): the document's number and the deadline, no link and no summary. The
 * document (a number, or the summary of an unregistered draft) and a file name are cut to fit.
 */
const SMS_DOCUMENT = 24;
const SMS_FILE = 20;
const clip = (value: string, most: number) =>
  [...value].length <= most ? value : `${[...value].slice(0, most - 1).join('')}…`;
const d = (p: NoticeParams) => clip(p.document, SMS_DOCUMENT);
const f = (p: NoticeParams) => clip(p.file ?? '', SMS_FILE);
const SMS_RECIPIENT = 18;
const r = (p: NoticeParams) => clip(p.recipient ?? '', SMS_RECIPIENT);
/** A service level's end: the date, with the time for an hour term. */
const due = (p: NoticeParams) => (p.dueTime ? `${p.dueDate} ${p.dueTime}` : `${p.dueDate}`);

const az: Record<NoticeKind, Render> = {
  reminder: (p) => ({
    subject: `Xatırlatma: ${p.document} sənədinin icra müddətinə ${p.daysLeft} iş günü qalıb`,
    text: `${p.document} nömrəli sənədin („${p.summary}”) icra müddəti ${p.dueDate} tarixində bitir (${p.daysLeft} iş günü qalıb).\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: icra müddəti ${p.dueDate}, ${p.daysLeft} iş günü qalıb`,
  }),
  overdue: (p) => ({
    subject: `İcra müddəti keçib: ${p.document}`,
    text: `${p.document} nömrəli sənədin („${p.summary}”) icra müddəti ${p.dueDate} tarixində bitdi, sənəd icra olunmayıb.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: icra müddəti ${p.dueDate} keçib`,
  }),
  escalation: (p) => ({
    subject: `İcra müddəti keçmiş sənəd (${p.escalation}-ci xəbərdarlıq): ${p.document}`,
    text: `${p.document} nömrəli sənəd („${p.summary}”) ${p.dueDate} tarixindən bəri icra olunmayıb.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: ${p.dueDate} tarixindən icra olunmayıb`,
  }),
  'new-task': (p) => ({
    subject: `Yeni tapşırıq: ${p.document}`,
    text: `Sizə ${p.document} nömrəli sənəd („${p.summary}”) üzrə tapşırıq verilib${p.dueDate ? `, icra müddəti ${p.dueDate}` : ''}.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: yeni tapşırıq${p.dueDate ? `, müddət ${p.dueDate}` : ''}`,
  }),
  'content-missing': (p) => ({
    subject: `Fayl itib: ${p.document}`,
    text: `${p.document} nömrəli sənədin („${p.summary}”) „${p.file}” faylı saxlancda tapılmadı. Fayl istifadəçilərə verilmir; yoxlayın və bərpa edin.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: „${f(p)}” faylı tapılmadı`,
  }),
  'content-damaged': (p) => ({
    subject: `Fayl zədələnib: ${p.document}`,
    text: `${p.document} nömrəli sənədin („${p.summary}”) „${p.file}” faylının baytları qeydə alınmış SHA-256 cəmi ilə uyğun gəlmir. Fayl istifadəçilərə verilmir; yoxlayın və bərpa edin.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: „${f(p)}” faylı zədələnib`,
  }),
  'archive-integrity': (p) => ({
    subject: `Arxivin bütövlüyü pozulub: ${p.document}`,
    text: `Arxivin bütövlük yoxlaması uyğunsuzluq aşkar etdi (${p.document}): arxivdəki obyektin və ya jurnal qeydinin heş cəmi saxlanılanla uyğun gəlmir. Hesabata baxın və araşdırın.\n\nArxiv: ${p.link}`,
    sms: `Arxivin bütövlüyü pozulub: ${d(p)}`,
  }),
  'sms-budget': (p) => ({
    subject: `SMS limiti bitib: ${p.document}`,
    text: `Qurumun ${p.document} ayı üçün SMS limiti (${p.smsLimit} hissə) bitib. Ayın sonunadək bildirişlər SMS əvəzinə e-poçtla göndərilir. Limiti qurumun parametrlərində dəyişmək olar.\n\nParametrlər: ${p.link}`,
    sms: `SMS limiti bitib: ${d(p)}`,
  }),
  'no-receipt': (p) => ({
    subject: `Alınma bildirişi gəlməyib: ${p.document}`,
    text: `${p.document} nömrəli sənədin („${p.summary}”) „${p.recipient}” qurumuna elektron göndərişi üzrə alınma bildirişi ${p.dueDate} tarixinədək gəlmədi: sənəd alınmamış sayılır. Məzmunu digər üsulla (poçt, kuryer, e-poçt) çatdırın və tapşırığı icra edin.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: alınma bildirişi yoxdur (${r(p)})`,
  }),
  'service-level-reminder': (p) => ({
    subject: `Xatırlatma: ${p.document} müraciətinin xidmət müddəti bitir (${due(p)})`,
    text: `${p.document} nömrəli sənəd („${p.summary}”) kimi qeydə alınmış vətəndaş müraciəti üzrə qərar xidmət müddəti bitənədək verilməlidir. Xidmət müddəti: ${due(p)}.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: müraciətin müddəti ${due(p)}`,
  }),
  'service-level-overdue': (p) => ({
    subject: `Xidmət müddəti keçib: ${p.document}`,
    text: `${p.document} nömrəli sənəd („${p.summary}”) kimi qeydə alınmış vətəndaş müraciətinin xidmət müddəti (${due(p)}) keçib, qərar verilməyib.\n\nSənəd: ${p.link}`,
    sms: `${d(p)}: müraciətin müddəti (${due(p)}) keçib`,
  }),
};

const en: Record<NoticeKind, Render> = {
  reminder: (p) => ({
    subject: `Reminder: ${p.daysLeft} working day(s) left for ${p.document}`,
    text: `The execution deadline of document ${p.document} ("${p.summary}") is ${p.dueDate} (${p.daysLeft} working day(s) left).\n\nDocument: ${p.link}`,
    sms: `${d(p)}: due ${p.dueDate}, ${p.daysLeft} working day(s) left`,
  }),
  overdue: (p) => ({
    subject: `Overdue: ${p.document}`,
    text: `The execution deadline of document ${p.document} ("${p.summary}") was ${p.dueDate}; it has not been executed.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: overdue (due ${p.dueDate})`,
  }),
  escalation: (p) => ({
    subject: `Still overdue (notice ${p.escalation}): ${p.document}`,
    text: `Document ${p.document} ("${p.summary}") has not been executed since ${p.dueDate}.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: still not executed (due ${p.dueDate})`,
  }),
  'new-task': (p) => ({
    subject: `New task: ${p.document}`,
    text: `You have a task on document ${p.document} ("${p.summary}")${p.dueDate ? `, due ${p.dueDate}` : ''}.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: new task${p.dueDate ? `, due ${p.dueDate}` : ''}`,
  }),
  'content-missing': (p) => ({
    subject: `File missing: ${p.document}`,
    text: `The file "${p.file}" of document ${p.document} ("${p.summary}") is missing from storage. It is not handed out; check and restore it.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: file "${f(p)}" is missing`,
  }),
  'content-damaged': (p) => ({
    subject: `File damaged: ${p.document}`,
    text: `The bytes of the file "${p.file}" of document ${p.document} ("${p.summary}") do not match its recorded SHA-256. It is not handed out; check and restore it.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: file "${f(p)}" is damaged`,
  }),
  'archive-integrity': (p) => ({
    subject: `Archive integrity mismatch: ${p.document}`,
    text: `The archive's integrity check found a mismatch (${p.document}): an archived object or a log entry no longer matches its recorded hash. See the report and investigate.\n\nArchive: ${p.link}`,
    sms: `Archive integrity mismatch: ${d(p)}`,
  }),
  'sms-budget': (p) => ({
    subject: `SMS budget used up: ${p.document}`,
    text: `The agency's SMS budget for ${p.document} (${p.smsLimit} parts) is used up. Until the month ends, notices go by e-mail instead of SMS. The budget can be changed in the agency settings.\n\nSettings: ${p.link}`,
    sms: `SMS budget used up: ${d(p)}`,
  }),
  'no-receipt': (p) => ({
    subject: `No receipt notice: ${p.document}`,
    text: `No receipt notice for document ${p.document} ("${p.summary}") sent electronically to "${p.recipient}" arrived by ${p.dueDate}: the document counts as not received. Deliver its content by other means (post, courier, e-mail) and complete the task.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: no receipt notice (${r(p)})`,
  }),
  'service-level-reminder': (p) => ({
    subject: `Reminder: the service level of ${p.document} ends ${due(p)}`,
    text: `The citizen's application registered as document ${p.document} ("${p.summary}") must be decided within its service level, which ends ${due(p)}.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: application due ${due(p)}`,
  }),
  'service-level-overdue': (p) => ({
    subject: `Service level exceeded: ${p.document}`,
    text: `The service level of the citizen's application registered as document ${p.document} ("${p.summary}") ended ${due(p)}; it has not been decided.\n\nDocument: ${p.link}`,
    sms: `${d(p)}: application overdue (due ${due(p)})`,
  }),
};

const ru: Record<NoticeKind, Render> = {
  reminder: (p) => ({
    subject: `Напоминание: до срока исполнения ${p.document} осталось рабочих дней: ${p.daysLeft}`,
    text: `Срок исполнения документа ${p.document} («${p.summary}») — ${p.dueDate} (осталось рабочих дней: ${p.daysLeft}).\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: срок ${p.dueDate}, рабочих дней: ${p.daysLeft}`,
  }),
  overdue: (p) => ({
    subject: `Просрочен: ${p.document}`,
    text: `Срок исполнения документа ${p.document} («${p.summary}») истёк ${p.dueDate}; документ не исполнен.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: срок ${p.dueDate} истёк`,
  }),
  escalation: (p) => ({
    subject: `Просрочен (уведомление ${p.escalation}): ${p.document}`,
    text: `Документ ${p.document} («${p.summary}») не исполнен с ${p.dueDate}.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: не исполнен с ${p.dueDate}`,
  }),
  'new-task': (p) => ({
    subject: `Новое поручение: ${p.document}`,
    text: `Вам поручено исполнение документа ${p.document} («${p.summary}»)${p.dueDate ? `, срок ${p.dueDate}` : ''}.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: новое поручение${p.dueDate ? `, срок ${p.dueDate}` : ''}`,
  }),
  'content-missing': (p) => ({
    subject: `Файл утрачен: ${p.document}`,
    text: `Файл «${p.file}» документа ${p.document} («${p.summary}») не найден в хранилище. Он не выдаётся пользователям; проверьте и восстановите его.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: файл «${f(p)}» не найден`,
  }),
  'content-damaged': (p) => ({
    subject: `Файл повреждён: ${p.document}`,
    text: `Байты файла «${p.file}» документа ${p.document} («${p.summary}») не совпадают с записанной суммой SHA-256. Он не выдаётся пользователям; проверьте и восстановите его.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: файл «${f(p)}» повреждён`,
  }),
  'archive-integrity': (p) => ({
    subject: `Нарушена целостность архива: ${p.document}`,
    text: `Проверка целостности архива обнаружила несоответствие (${p.document}): хеш архивного объекта или записи журнала не совпадает с сохранённым. Откройте отчёт и разберитесь.\n\nАрхив: ${p.link}`,
    sms: `Нарушена целостность архива: ${d(p)}`,
  }),
  'sms-budget': (p) => ({
    subject: `Лимит SMS исчерпан: ${p.document}`,
    text: `Лимит SMS организации на ${p.document} (${p.smsLimit} частей) исчерпан. До конца месяца уведомления отправляются по электронной почте вместо SMS. Лимит можно изменить в настройках организации.\n\nНастройки: ${p.link}`,
    sms: `Лимит SMS исчерпан: ${d(p)}`,
  }),
  'no-receipt': (p) => ({
    subject: `Нет уведомления о получении: ${p.document}`,
    text: `Уведомление о получении документа ${p.document} («${p.summary}»), отправленного в электронной форме в «${p.recipient}», не поступило до ${p.dueDate}: документ считается не полученным. Доставьте его содержание иным способом (почтой, курьером, по электронной почте) и исполните поручение.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: нет уведомления (${r(p)})`,
  }),
  'service-level-reminder': (p) => ({
    subject: `Напоминание: срок обслуживания по ${p.document} истекает (${due(p)})`,
    text: `Решение по обращению гражданина, зарегистрированному как документ ${p.document} («${p.summary}»), нужно принять в срок обслуживания. Срок: ${due(p)}.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: срок обращения ${due(p)}`,
  }),
  'service-level-overdue': (p) => ({
    subject: `Срок обслуживания истёк: ${p.document}`,
    text: `Срок обслуживания обращения гражданина, зарегистрированного как документ ${p.document} («${p.summary}»), истёк (${due(p)}); решение не принято.\n\nДокумент: ${p.link}`,
    sms: `${d(p)}: срок обращения (${due(p)}) истёк`,
  }),
};

const byLanguage: Record<Language, Record<NoticeKind, Render>> = { az, en, ru };

export function renderNotice(kind: NoticeKind, language: Language, params: NoticeParams) {
  return byLanguage[language][kind](params);
}

/** One list of the daily digest: how many lines wait, how many are overdue, the first few. */
export interface DigestSection {
  kind: 'execution' | 'approval' | 'control' | 'information';
  total: number;
  overdue: number;
  items: Array<{ document: string; summary: string; dueDate?: string; overdue: boolean }>;
}

const digestWords: Record<
  Language,
  {
    subject: (date: string, total: number) => string;
    titles: Record<DigestSection['kind'], string>;
    due: string;
    overdue: string;
    more: (n: number) => string;
    open: string;
  }
> = {
  az: {
    subject: (date, total) => `Gündəlik xülasə ${date}: ${total} sənəd sizi gözləyir`,
    titles: {
      execution: 'İcraya gələnlər',
      approval: 'Razılaşdırmaya gələnlər',
      control: 'Nəzarətimdə olanlar',
      information: 'Məlumata gələnlər (oxunmamış)',
    },
    due: 'müddət',
    overdue: 'MÜDDƏTİ KEÇİB',
    more: (n) => `… və daha ${n}`,
    open: 'Kargüzarı açın',
  },
  en: {
    subject: (date, total) => `Daily digest ${date}: ${total} document(s) waiting for you`,
    titles: {
      execution: 'For execution',
      approval: 'For approval',
      control: 'Under my control',
      information: 'For information (unread)',
    },
    due: 'due',
    overdue: 'OVERDUE',
    more: (n) => `… and ${n} more`,
    open: 'Open Kargüzar',
  },
  ru: {
    subject: (date, total) => `Ежедневная сводка ${date}: документов ожидают вас — ${total}`,
    titles: {
      execution: 'На исполнение',
      approval: 'На согласование',
      control: 'На моём контроле',
      information: 'Для сведения (непрочитанные)',
    },
    due: 'срок',
    overdue: 'ПРОСРОЧЕН',
    more: (n) => `… и ещё ${n}`,
    open: 'Открыть Kargüzar',
  },
};

export function renderDigest(
  language: Language,
  p: { date: string; sections: DigestSection[]; link: string },
): { subject: string; text: string } {
  const w = digestWords[language];
  const total = p.sections.reduce((n, s) => n + s.total, 0);
  const blocks = p.sections
    .filter((s) => s.total > 0)
    .map((s) => {
      const lines = s.items.map(
        (i) =>
          `  • ${i.document} — ${i.summary}${i.dueDate ? ` (${w.due} ${i.dueDate}${i.overdue ? `, ${w.overdue}` : ''})` : ''}`,
      );
      if (s.total > s.items.length) lines.push(`  ${w.more(s.total - s.items.length)}`);
      return `${w.titles[s.kind]}: ${s.total}${s.overdue ? ` (${w.overdue}: ${s.overdue})` : ''}\n${lines.join('\n')}`;
    });
  return { subject: w.subject(p.date, total), text: `${blocks.join('\n\n')}\n\n${w.open}: ${p.link}` };
}
