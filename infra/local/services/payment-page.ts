/**
 * The local acquirer's hosted page (payment.ts serves it): one payment's terms and three buttons,
 * or its outcome once decided. Plain HTML, no script: headings, a description list, native
 * buttons, the payment's language on `<html lang>`.
 */
import type { PaymentLanguage, PaymentOutcome } from '../../../functions/platform/ports/payment.port';

const TEXTS = {
  az: {
    title: 'Ödəniş',
    note: 'Yerli ödəniş səhifəsi: sınaq üçündür, pul köçürülmür.',
    purpose: 'Təyinat',
    amount: 'Məbləğ',
    order: 'Sifariş',
    pay: 'Ödə',
    decline: 'Ödənişi rədd et',
    abandon: 'İmtina et və qayıt',
    paid: 'Ödəniş qəbul edildi.',
    declined: 'Ödəniş rədd edildi.',
    cancelled: 'Ödənişdən imtina edildi.',
    already: 'Bu ödəniş barədə qərar artıq verilib.',
    back: 'Xidmətə qayıt',
  },
  en: {
    title: 'Payment',
    note: 'Local payment page: for testing, no money moves.',
    purpose: 'Purpose',
    amount: 'Amount',
    order: 'Order',
    pay: 'Pay',
    decline: 'Decline the payment',
    abandon: 'Abandon and go back',
    paid: 'The payment was accepted.',
    declined: 'The payment was declined.',
    cancelled: 'The payment was abandoned.',
    already: 'This payment has already been decided.',
    back: 'Back to the service',
  },
  ru: {
    title: 'Оплата',
    note: 'Локальная страница оплаты: для проверки, деньги не списываются.',
    purpose: 'Назначение',
    amount: 'Сумма',
    order: 'Заказ',
    pay: 'Оплатить',
    decline: 'Отклонить платёж',
    abandon: 'Отказаться и вернуться',
    paid: 'Оплата принята.',
    declined: 'Платёж отклонён.',
    cancelled: 'Оплата отменена.',
    already: 'Решение по этому платежу уже принято.',
    back: 'Вернуться к услуге',
  },
} as const satisfies Record<PaymentLanguage, Record<string, string>>;

export function escapeHtml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!,
  );
}

/** Digits after the decimal separator of a currency (USD, AZN 2; JPY 0; KWD 3). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount in minor units as people read it: "20,00 USD" (az, ru), "20.00 USD" (en). */
export function formatAmount(amount: number, currency: string, language: PaymentLanguage): string {
  const digits = minorDigits(currency);
  const number = new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
  return `${number} ${currency}`;
}

export interface PageView {
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  description: string;
  language: PaymentLanguage;
  /** Set once decided: the outcome and the way back. */
  outcome?: PaymentOutcome;
  backUrl?: string;
  /** A decision was asked for once more. */
  again?: boolean;
}

export function paymentPage(view: PageView): string {
  const t = TEXTS[view.language];
  const e = escapeHtml;
  const terms =
    `<dl>` +
    `<dt>${t.purpose}</dt><dd>${e(view.description)}</dd>` +
    `<dt>${t.amount}</dt><dd class="amount">${e(formatAmount(view.amount, view.currency, view.language))}</dd>` +
    `<dt>${t.order}</dt><dd>${e(view.orderId)}</dd>` +
    `</dl>`;
  const body = view.outcome
    ? `<p role="status">${view.again ? `${t.already} ` : ''}${t[view.outcome]}</p>` +
      (view.backUrl ? `<p><a href="${e(view.backUrl)}">${t.back}</a></p>` : '')
    : `<form method="post" action="/pay/${e(view.paymentId)}">` +
      `<button type="submit" name="decision" value="pay">${t.pay}</button>` +
      `<button type="submit" name="decision" value="decline">${t.decline}</button>` +
      `<button type="submit" name="decision" value="abandon">${t.abandon}</button>` +
      `</form>`;
  return (
    `<!doctype html>\n<html lang="${view.language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${t.title} — ${e(view.description)}</title>` +
    `<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#111;background:#fff}` +
    `main{max-width:30rem;margin:0 auto}dt{font-weight:600}dd{margin:0 0 .5rem}` +
    `.amount{font-size:1.5rem}.note{color:#444}form{display:flex;flex-direction:column;gap:.75rem}` +
    `button{font:inherit;padding:.75rem;border:2px solid #0b4f8a;border-radius:.25rem;background:#fff;color:#0b4f8a}` +
    `button[value=pay]{background:#0b4f8a;color:#fff}button:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}` +
    `</style></head>` +
    `<body><main><h1>${t.title}</h1><p class="note">${t.note}</p>${terms}${body}</main></body></html>`
  );
}

/** A page for an unknown payment: its language is not known, so all three. */
export function unknownPaymentPage(): string {
  return (
    `<!doctype html>\n<html lang="az"><head><meta charset="utf-8"><title>Ödəniş tapılmadı</title></head>` +
    `<body><main><h1>Ödəniş tapılmadı</h1><p lang="en">Payment not found.</p>` +
    `<p lang="ru">Платёж не найден.</p></main></body></html>`
  );
}
