/**
 * The receipt of a submitted application: a one-page PDF in the applicant's language (agency,
 * service, number, the Baku time of submission, the applicants' names, the fee, how to look the
 * application up). Made once, at submit, and stored write-once at `applicationKeys.receipt`; a
 * status look-up makes it when it is missing (a submit that died between the application's
 * create and the receipt's put). The same application always gives the same bytes, so a race
 * between two makers stores one of two identical files.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { ConflictError } from '../../../../platform/kernel/errors';
import { putAttachmentOnce } from '../../../../platform/ports/object-store.port';
import type { AggregateMeta } from '../../../../platform/kernel/aggregate';
import { localize, type LocalizedText } from '../../../../platform/kernel/text';
import { textPdf, wrapText } from '../../../signatures';
import type { ServiceDefinition } from '../../domain/definition';
import { displayDate } from '../../domain/messages';
import { bakuDate, instantMs } from '../../domain/time';
import type { PublicApplicationDeps } from '../../ports';
import {
  APPLICATION,
  applicationKeys,
  applicationPlacement,
  type ApplicationRecord,
} from '../application-records';
import { receiptTexts as T } from './texts';

/** How long a receipt's download link is valid. */
export const RECEIPT_LINK_SECONDS = 10 * 60;

export interface ReceiptView {
  language: ApplicationRecord['language'];
  agencyName: string;
  serviceName: string;
  variantName: string;
  number: string;
  submittedAt: string;
  applicants: string[];
  fee: { amount: number; currency: string };
  lookupLabel: string;
  statusUrl?: string;
}

/** dd.MM.yyyy HH:mm in Baku (UTC+4 all year). */
export function bakuDateTime(instant: string): string {
  const local = new Date(instantMs(instant) + 4 * 3_600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${displayDate(bakuDate(instant))} ${hh}:${mm}`;
}

/** Minor units as the amount people read: 2000 USD → "20.00 USD". */
export const displayFee = (fee: { amount: number; currency: string }): string =>
  `${(fee.amount / 100).toFixed(2)} ${fee.currency}`;

/** The applicants' names: their text fields that hold a name, in the form's order. */
export function applicantNames(def: ServiceDefinition, record: ApplicationRecord): string[] {
  const nameFields = def.form.applicant.filter((f) => f.type === 'text' && /name/i.test(f.code));
  const label = T.applicant[record.language];
  return record.values.applicants.map((values, i) => {
    const name = nameFields
      .map((f) => values[f.code])
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .join(' ');
    return name || `${label} ${i + 1}`;
  });
}

export async function receiptView(
  deps: PublicApplicationDeps,
  record: ApplicationRecord,
  def: ServiceDefinition,
): Promise<ReceiptView> {
  const lang = record.language;
  const tenant = await deps.store.get<AggregateMeta & { name?: LocalizedText }>(
    'tenant',
    record.tenantId,
    record.tenantId,
  );
  const variant = def.variants.find((v) => v.code === record.values.variant);
  const lookup = def.form.applicant.find((f) => f.code === def.lookup.field);
  return {
    language: lang,
    agencyName: tenant?.name ? localize(tenant.name, lang) : record.tenantId,
    serviceName: def.name[lang],
    variantName: variant ? variant.name[lang] : record.values.variant,
    number: record.id,
    submittedAt: record.submittedAt,
    applicants: applicantNames(def, record),
    fee: record.fee,
    lookupLabel: lookup ? lookup.label[lang] : def.lookup.field,
    ...(deps.webBaseUrl
      ? {
          statusUrl: `${deps.webBaseUrl.replace(/\/$/, '')}/e/status/?agency=${encodeURIComponent(record.tenantId)}`,
        }
      : {}),
  };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);

/** The receipt's PDF: the same view gives the same bytes. */
export async function renderReceipt(view: ReceiptView): Promise<Uint8Array> {
  const lang = view.language;
  const { pdf, regular, bold } = await textPdf();
  const page: PDFPage = pdf.addPage(A4);
  const [width, height] = A4;
  const textWidth = width - 2 * MARGIN;
  let y = height - MARGIN - 16;
  const put = (text: string, size: number, font: PDFFont, color = INK, x = MARGIN, w = textWidth) => {
    for (const line of wrapText(text, font, size, w)) {
      page.drawText(line, { x, y, size, font, color });
      y -= size + 4;
    }
  };

  put(view.agencyName, 12, bold, MUTED);
  y -= 10;
  put(T.title[lang], 18, bold);
  y -= 14;
  const labelWidth = 170;
  const row = (label: string, value: string, valueFont = regular, size = 12) => {
    const top = y;
    page.drawText(label, { x: MARGIN, y, size: 10, font: regular, color: MUTED });
    put(value, size, valueFont, INK, MARGIN + labelWidth, textWidth - labelWidth);
    y = Math.min(y, top - 18) - 8;
  };
  row(T.number[lang], view.number, bold, 16);
  row(T.service[lang], view.serviceName);
  row(T.variant[lang], view.variantName);
  row(T.submittedAt[lang], `${bakuDateTime(view.submittedAt)} (${T.bakuTime[lang]})`);
  row(T.applicants[lang], view.applicants.map((n, i) => `${i + 1}. ${n}`).join('; '));
  row(T.fee[lang], view.fee.amount > 0 ? displayFee(view.fee) : T.free[lang]);
  y -= 12;
  put(T.status[lang], 12, bold);
  put(T.howTo[lang].replace('{field}', view.lookupLabel), 11, regular);
  if (view.statusUrl) put(view.statusUrl, 11, regular);

  pdf.setTitle(`${T.title[lang]} ${view.number}`);
  pdf.setAuthor(view.agencyName);
  pdf.setCreationDate(new Date(instantMs(view.submittedAt)));
  pdf.setModificationDate(new Date(instantMs(view.submittedAt)));
  return pdf.save({ useObjectStreams: false });
}

/**
 * The receipt stored (made now when missing): its key and version. A concurrent maker that got
 * there first leaves its identical file, which is read back.
 */
export async function ensureReceipt(
  deps: PublicApplicationDeps,
  record: ApplicationRecord,
  def: ServiceDefinition,
): Promise<{ key: string; versionId?: string }> {
  const key = applicationKeys.receipt(record.tenantId, record.id);
  if (record.receipt) return record.receipt;
  const existing = await deps.objects.head({ bucket: 'attachments', key });
  if (existing) return { key, ...(existing.versionId ? { versionId: existing.versionId } : {}) };
  const body = await renderReceipt(await receiptView(deps, record, def));
  const versionId = await putAttachmentOnce(deps.objects, key, body, 'application/pdf');
  return { key, ...(versionId ? { versionId } : {}) };
}

/** Records the stored receipt on the application (once; a concurrent change is re-read). */
export async function recordReceipt(
  deps: PublicApplicationDeps,
  record: ApplicationRecord,
  receipt: { key: string; versionId?: string },
): Promise<ApplicationRecord> {
  let current: ApplicationRecord | undefined = record;
  for (let attempt = 0; attempt < 5 && current && !current.receipt; attempt += 1) {
    try {
      return await deps.store.update<ApplicationRecord>(
        APPLICATION,
        { ...current, receipt, updatedAt: deps.clock.now().toISOString() },
        current.version,
        { actorId: 'applicant', ...applicationPlacement(current) },
      );
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'stale_version')) throw error;
      current = await deps.store.get<ApplicationRecord>(APPLICATION, record.tenantId, record.id);
    }
  }
  return current ?? record;
}

/** A short-lived link to the receipt. */
export function receiptUrl(
  deps: PublicApplicationDeps,
  receipt: { key: string; versionId?: string },
  number: string,
): Promise<string> {
  return deps.objects.presignDownload({
    bucket: 'attachments',
    key: receipt.key,
    ...(receipt.versionId ? { versionId: receipt.versionId } : {}),
    fileName: `receipt-${number}.pdf`,
    inline: false,
    expiresInSeconds: RECEIPT_LINK_SECONDS,
  });
}
