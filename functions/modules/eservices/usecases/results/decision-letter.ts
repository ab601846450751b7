/**
 * The decision letter of one applicant (a refusal of any service, and every decision of a service
 * whose result is a letter, e.g. social assistance): one A4 page in the application's language
 * (az, en or ru) with the application number (and the journal's registration number), the
 * service, the applicant, the decision, the reason of a refusal, the decision's date (dd.MM.yyyy,
 * Baku) and the agency. pdf-lib with the signatures module's DejaVu Sans (ə ğ ı İ ö ü ç ş and
 * Cyrillic). The same view gives the same bytes: the dates come from the decision, never a clock.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { textPdf, wrapText } from '../../../signatures';
import { displayDate } from '../../domain/messages';
import { bakuDate } from '../../domain/time';
import type { ApplicationLanguage } from '../application-records';

export interface DecisionLetterView {
  readonly language: ApplicationLanguage;
  /** The application number (canonical). */
  readonly applicationNumber: string;
  /** The journal's registration number, once registered. */
  readonly registrationNumber?: string;
  /** The service's name in the letter's language. */
  readonly serviceName: string;
  /** The applicant's name as the application gives it. */
  readonly applicantName: string;
  /** The applicant's place in the application (1-based), shown for a group. */
  readonly applicantNo: number;
  readonly applicants: number;
  readonly outcome: 'approved' | 'refused';
  /** Why refused, as the officer wrote it. */
  readonly reason?: string;
  /** The decision's instant (ISO): the letter's date. */
  readonly decidedAt: string;
  /** The agency's name in the letter's language. */
  readonly agencyName: string;
}

interface LetterTexts {
  title: string;
  application: string;
  registration: string;
  service: string;
  applicant: string;
  decision: string;
  approved: string;
  refused: string;
  reason: string;
  date: string;
  agency: string;
  of: (n: number, total: number) => string;
  closing: (outcome: 'approved' | 'refused') => string;
}

const texts: Record<ApplicationLanguage, LetterTexts> = {
  az: {
    title: 'Müraciət üzrə qərar',
    application: 'Müraciətin nömrəsi',
    registration: 'Qeydiyyat nömrəsi',
    service: 'Xidmət',
    applicant: 'Müraciət edən',
    decision: 'Qərar',
    approved: 'Müsbət: müraciət təmin edilib',
    refused: 'İmtina: müraciət təmin edilməyib',
    reason: 'İmtinanın səbəbi',
    date: 'Qərarın tarixi',
    agency: 'Qərarı verən qurum',
    of: (n, total) => `${total} nəfərdən ${n}-ci`,
    closing: (o) =>
      o === 'approved'
        ? 'Bu məktub qərarın rəsmi təsdiqidir.'
        : 'Qərardan qanunvericiliyə uyğun olaraq şikayət verə bilərsiniz.',
  },
  en: {
    title: 'Decision on the application',
    application: 'Application number',
    registration: 'Registration number',
    service: 'Service',
    applicant: 'Applicant',
    decision: 'Decision',
    approved: 'Approved: the application is granted',
    refused: 'Refused: the application is not granted',
    reason: 'Reason for the refusal',
    date: 'Date of the decision',
    agency: 'Decided by',
    of: (n, total) => `${n} of ${total}`,
    closing: (o) =>
      o === 'approved'
        ? 'This letter is the official confirmation of the decision.'
        : 'You may appeal against the decision as the law provides.',
  },
  ru: {
    title: 'Решение по заявлению',
    application: 'Номер заявления',
    registration: 'Регистрационный номер',
    service: 'Услуга',
    applicant: 'Заявитель',
    decision: 'Решение',
    approved: 'Положительное: заявление удовлетворено',
    refused: 'Отказ: заявление не удовлетворено',
    reason: 'Причина отказа',
    date: 'Дата решения',
    agency: 'Решение приняло',
    of: (n, total) => `${n} из ${total}`,
    closing: (o) =>
      o === 'approved'
        ? 'Это письмо является официальным подтверждением решения.'
        : 'Решение можно обжаловать в порядке, установленном законодательством.',
  },
};

/** The letter's rows (label, value), in its language: what the page prints, in order. */
export function decisionLetterRows(view: DecisionLetterView): Array<[string, string]> {
  const t = texts[view.language];
  const applicant =
    view.applicants > 1
      ? `${view.applicantName} (${t.of(view.applicantNo, view.applicants)})`
      : view.applicantName;
  return [
    [t.application, view.applicationNumber],
    ...(view.registrationNumber ? [[t.registration, view.registrationNumber] as [string, string]] : []),
    [t.service, view.serviceName],
    [t.applicant, applicant],
    [t.decision, view.outcome === 'approved' ? t.approved : t.refused],
    ...(view.outcome === 'refused' && view.reason ? [[t.reason, view.reason] as [string, string]] : []),
    [t.date, displayDate(bakuDate(view.decidedAt))],
    [t.agency, view.agencyName],
  ];
}

/** The letter's title and closing sentence in its language. */
export function decisionLetterFrame(view: DecisionLetterView): { title: string; closing: string } {
  const t = texts[view.language];
  return { title: t.title, closing: t.closing(view.outcome) };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

function drawLines(
  page: PDFPage,
  lines: string[],
  font: PDFFont,
  size: number,
  x: number,
  y: number,
): number {
  for (const l of lines) {
    page.drawText(l, { x, y, size, font, color: INK });
    y -= size + 4;
  }
  return y;
}

/** The letter's PDF: the same view gives the same bytes. */
export async function renderDecisionLetter(view: DecisionLetterView): Promise<Uint8Array> {
  const { pdf, regular, bold } = await textPdf();
  const page = pdf.addPage(A4);
  const [width, height] = A4;
  const textWidth = width - 2 * MARGIN;
  const { title, closing } = decisionLetterFrame(view);

  let y = height - MARGIN - 12;
  for (const line of wrapText(view.agencyName, bold, 12, textWidth)) {
    page.drawText(line, { x: MARGIN, y, size: 12, font: bold, color: MUTED });
    y -= 16;
  }
  y -= 24;
  y = drawLines(page, wrapText(title, bold, 20, textWidth), bold, 20, MARGIN, y) - 20;

  const labelWidth = 170;
  for (const [label, value] of decisionLetterRows(view)) {
    const labelLines = wrapText(label, bold, 10, labelWidth - 10);
    const valueLines = wrapText(value, regular, 11, textWidth - labelWidth);
    const after = Math.min(
      drawLines(page, labelLines, bold, 10, MARGIN, y),
      drawLines(page, valueLines, regular, 11, MARGIN + labelWidth, y),
    );
    y = after - 10;
  }
  y -= 14;
  drawLines(page, wrapText(closing, regular, 10, textWidth), regular, 10, MARGIN, y);

  pdf.setTitle(`${title} ${view.applicationNumber}`);
  pdf.setAuthor(view.agencyName);
  pdf.setProducer('Kargüzar');
  pdf.setCreator('Kargüzar');
  pdf.setLanguage(view.language);
  pdf.setCreationDate(new Date(view.decidedAt));
  pdf.setModificationDate(new Date(view.decidedAt));
  return pdf.save({ useObjectStreams: false });
}
