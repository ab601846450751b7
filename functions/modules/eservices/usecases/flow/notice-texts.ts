/**
 * The applicant's notices in their language (az, en, ru): the confirmation link, the cancellation,
 * the payment received, the decision. Plain text e-mails and a short SMS for the decision. Dates
 * and times are shown as dd.MM.yyyy HH:mm, Baku time.
 */
import type { ServiceDefinition } from '../../domain/definition';
import type { ApplicationLanguage, ApplicationRecord } from '../application-records';
import type { NoticeKind } from './next';

export interface NoticeText {
  subject: string;
  text: string;
  /** The SMS text (the decision only). */
  sms: string;
}

export interface NoticeLinks {
  /** The web page that posts the confirmation (`/e/confirm/?agency=…&number=…&token=…`). */
  confirm: string;
  /** The web status page (`/e/status/?agency=…&number=…`): look-up, payment, results. */
  status: string;
}

/** dd.MM.yyyy HH:mm in Asia/Baku. */
export function bakuDateTime(instant: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Baku',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** An amount in minor units as people read it (two decimals, the currency code after it). */
export function amountText(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

/** How an applicant is named in the decision: their name fields as typed, else their place in the group. */
export function applicantLabel(
  definition: Pick<ServiceDefinition, 'form'>,
  record: Pick<ApplicationRecord, 'values'>,
  index: number,
): string {
  const values = record.values.applicants[index] ?? {};
  const names = definition.form.applicant
    .filter((f) => f.type === 'text' && f.required)
    .slice(0, 3)
    .map((f) => values[f.code])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return names.length > 0 ? names.join(' ') : `#${index + 1}`;
}

type Words = Record<ApplicationLanguage, Record<string, string>>;

const W: Words = {
  az: {
    hello: 'Salam.',
    confirmSubject: 'Müraciətinizi təsdiqləyin: {number}',
    confirmText:
      '«{service}» xidmətinə müraciətiniz qəbul edildi, nömrəsi {number}.\n\nMüraciəti təsdiqləmək üçün {dueAt} (Bakı vaxtı) qədər bu keçidi açın:\n{link}\n\nVaxtında təsdiqlənməyən müraciət ləğv olunur.',
    cancelledSubject: 'Müraciət ləğv edildi: {number}',
    cancelledNotConfirmed:
      '«{service}» xidmətinə {number} nömrəli müraciətiniz ləğv edildi: e-poçt ünvanı {dueAt} (Bakı vaxtı) qədər təsdiqlənmədi.\n\nYenidən müraciət edə bilərsiniz.',
    cancelledNotPaid:
      '«{service}» xidmətinə {number} nömrəli müraciətiniz ləğv edildi: ödəniş {dueAt} (Bakı vaxtı) qədər edilmədi.\n\nYenidən müraciət edə bilərsiniz.',
    paidSubject: 'Ödəniş qəbul edildi: {number}',
    paidText:
      '{number} nömrəli müraciətiniz üzrə {amount} ödəniş qəbul edildi. Müraciətinizə baxılır.\n\nVəziyyəti bu səhifədə müraciət nömrəsi və pasport nömrəsi (və ya FİN) ilə izləyin:\n{link}',
    decisionSubject: 'Müraciət üzrə qərar: {number}',
    decisionText:
      '«{service}» xidmətinə {number} nömrəli müraciətiniz üzrə qərar verildi.\n\n{lines}\n\nNəticəni bu səhifədə müraciət nömrəsi və pasport nömrəsi (və ya FİN) ilə yükləyin:\n{link}',
    approved: 'təsdiq edildi',
    refused: 'rədd edildi',
    reason: 'Səbəb',
    decisionSms: 'Müraciət {number}: {outcomes}. Ətraflı: {link}',
  },
  en: {
    hello: 'Hello.',
    confirmSubject: 'Confirm your application: {number}',
    confirmText:
      'Your application for “{service}” has been received, number {number}.\n\nTo confirm it, open this link before {dueAt} (Baku time):\n{link}\n\nAn application not confirmed in time is cancelled.',
    cancelledSubject: 'Application cancelled: {number}',
    cancelledNotConfirmed:
      'Your application {number} for “{service}” has been cancelled: the e-mail address was not confirmed before {dueAt} (Baku time).\n\nYou may apply again.',
    cancelledNotPaid:
      'Your application {number} for “{service}” has been cancelled: it was not paid before {dueAt} (Baku time).\n\nYou may apply again.',
    paidSubject: 'Payment received: {number}',
    paidText:
      'The payment of {amount} for your application {number} has been received. Your application is being reviewed.\n\nFollow its status on this page with the application number and your passport number (or FIN):\n{link}',
    decisionSubject: 'Decision on your application: {number}',
    decisionText:
      'A decision has been made on your application {number} for “{service}”.\n\n{lines}\n\nDownload the result on this page with the application number and your passport number (or FIN):\n{link}',
    approved: 'approved',
    refused: 'refused',
    reason: 'Reason',
    decisionSms: 'Application {number}: {outcomes}. Details: {link}',
  },
  ru: {
    hello: 'Здравствуйте.',
    confirmSubject: 'Подтвердите заявление: {number}',
    confirmText:
      'Ваше заявление на услугу «{service}» принято, номер {number}.\n\nЧтобы подтвердить его, откройте эту ссылку до {dueAt} (по бакинскому времени):\n{link}\n\nНеподтверждённое вовремя заявление отменяется.',
    cancelledSubject: 'Заявление отменено: {number}',
    cancelledNotConfirmed:
      'Ваше заявление {number} на услугу «{service}» отменено: адрес электронной почты не был подтверждён до {dueAt} (по бакинскому времени).\n\nВы можете подать заявление снова.',
    cancelledNotPaid:
      'Ваше заявление {number} на услугу «{service}» отменено: оно не было оплачено до {dueAt} (по бакинскому времени).\n\nВы можете подать заявление снова.',
    paidSubject: 'Оплата получена: {number}',
    paidText:
      'Оплата {amount} по вашему заявлению {number} получена. Заявление рассматривается.\n\nСледите за его состоянием на этой странице по номеру заявления и номеру паспорта (или ФИН):\n{link}',
    decisionSubject: 'Решение по заявлению: {number}',
    decisionText:
      'По вашему заявлению {number} на услугу «{service}» принято решение.\n\n{lines}\n\nСкачайте результат на этой странице по номеру заявления и номеру паспорта (или ФИН):\n{link}',
    approved: 'одобрено',
    refused: 'отказано',
    reason: 'Причина',
    decisionSms: 'Заявление {number}: {outcomes}. Подробно: {link}',
  },
};

const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** The refusal as the applicant reads it: the officer's words, or the route's reason in their language. */
function refusalText(
  record: Pick<ApplicationRecord, 'refusal'>,
  reason: string | undefined,
  lang: ApplicationLanguage,
): string | undefined {
  if (reason) return reason;
  if (record.refusal === undefined) return undefined;
  return typeof record.refusal === 'string' ? record.refusal : record.refusal[lang];
}

/** The text of one notice to the applicant, in the application's language. */
export function noticeText(
  kind: NoticeKind,
  record: ApplicationRecord,
  definition: Pick<ServiceDefinition, 'name' | 'form'>,
  links: NoticeLinks,
  extra: { paymentDueAt?: string } = {},
): NoticeText {
  const lang = record.language;
  const w = W[lang];
  const base = { number: record.id, service: definition.name[lang] };
  const mail = (subject: string, text: string, params: Record<string, string>): NoticeText => {
    const all = { ...base, ...params };
    return { subject: fill(subject, all), text: `${w.hello}\n\n${fill(text, all)}\n`, sms: '' };
  };
  switch (kind) {
    case 'confirmation-link':
      return mail(w.confirmSubject!, w.confirmText!, {
        dueAt: bakuDateTime(record.confirmation?.dueAt ?? record.submittedAt),
        link: links.confirm,
      });
    case 'cancelled': {
      const notPaid = record.cancelReason === 'not-paid';
      return mail(w.cancelledSubject!, notPaid ? w.cancelledNotPaid! : w.cancelledNotConfirmed!, {
        dueAt: bakuDateTime(
          notPaid
            ? (extra.paymentDueAt ?? record.cancelledAt ?? record.submittedAt)
            : (record.confirmation?.dueAt ?? record.cancelledAt ?? record.submittedAt),
        ),
      });
    }
    case 'payment-received':
      return mail(w.paidSubject!, w.paidText!, {
        amount: amountText(
          record.payment?.amount ?? record.fee.amount,
          record.payment?.currency ?? record.fee.currency,
        ),
        link: links.status,
      });
    case 'decision': {
      const decisions = [...(record.decisions ?? [])].sort((a, b) => a.applicant - b.applicant);
      const lines = decisions.map((d) => {
        const who = applicantLabel(definition, record, d.applicant);
        const why = d.outcome === 'refused' ? refusalText(record, d.reason, lang) : undefined;
        return `${who}: ${w[d.outcome]}${why ? `. ${w.reason}: ${why}` : ''}`;
      });
      const outcomes =
        decisions.length === 1
          ? `${w[decisions[0]!.outcome]}${
              decisions[0]!.outcome === 'refused' && refusalText(record, decisions[0]!.reason, lang)
                ? ` (${w.reason}: ${refusalText(record, decisions[0]!.reason, lang)})`
                : ''
            }`
          : decisions.map((d) => `${d.applicant + 1} ${w[d.outcome]}`).join(', ');
      const text = mail(w.decisionSubject!, w.decisionText!, { lines: lines.join('\n'), link: links.status });
      return { ...text, sms: fill(w.decisionSms!, { ...base, outcomes, link: links.status }) };
    }
  }
}
