/**
 * The issued e-visa (issue 15, item 5): one A4 PDF per applicant with the visa's data in
 * Azerbaijani and English, dates dd.MM.yyyy (Baku), and a QR code holding the signed visa code
 * (domain/visa-code.ts) that anyone verifies offline with the published key set
 * (visa-document-keys.ts).
 *
 * The code is signed through the module's `VisaCodeSigner` port with the e-visa code key — a
 * KMS ECC_NIST_P256 key of its own (alias/karguzar-evisa-codes), not the document-signing key:
 * its public key is published to the world and it signs nothing else (docs/decisions.md, "Issue
 * 15 — the issued e-visa document"). The caller passes that signer in.
 *
 * Given the same inputs and the same signature the bytes are the same: the dates come from the
 * decision instant, never from a clock, and pdf-lib's subset tags come from its seeded generator.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawQrMatrix, qrMatrix, textPdf, type BarcodeMatrix } from '../../signatures';
import { eVisaValidity, type EVisaValidity } from '../domain/evisa';
import { displayDate } from '../domain/messages';
import { bakuDate } from '../domain/time';
import { ecdsaDerToRaw, encodeVisaCodeBody, visaCodeText, type VisaCodeData } from '../domain/visa-code';
import type { VisaCodeSigner } from '../ports';
import { verifyVisaCode, visaCodeJwk } from './visa-document-keys';

/** The holder as the passport (and the approved application) gives them. */
export interface VisaHolder {
  readonly surname: string;
  readonly givenNames: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  /** ISO 3166-1 alpha-3. */
  readonly nationality: string;
  readonly passportNumber: string;
}

export interface VisaDocumentInput {
  /** The visa's number (`[A-Z0-9-]`, at most 32), given by the issuing step. */
  readonly visaNumber: string;
  readonly holder: VisaHolder;
  /** The arrival date of the application (YYYY-MM-DD). */
  readonly arrivalDate: string;
  /** The decision's instant (ISO, with a zone): the date of issue and the earliest validity. */
  readonly decidedAt: string;
  readonly agency: {
    /** The issuing agency's key (its tenant key, `[a-z0-9-]`). */
    readonly key: string;
    readonly name: { readonly az: string; readonly en: string };
  };
}

/**
 * The KMS alias of the e-visa code key (ECC_NIST_P256, SIGN_VERIFY): the embedded default's local
 * KMS makes it on start when asked to (`signingAliases`), the CDK stack as a key of its own.
 */
export const VISA_CODE_KEY_ALIAS = 'alias/karguzar-evisa-codes';

export interface IssuedVisaDocument {
  readonly pdf: Uint8Array;
  /** The QR code's text. */
  readonly code: string;
  readonly data: VisaCodeData;
  readonly validity: EVisaValidity;
}

/** What the PDF shows: the signed data, its code, and the texts the code does not carry. */
export interface VisaDocumentView {
  readonly data: VisaCodeData;
  readonly code: string;
  /** YYYY-MM-DD (Baku). */
  readonly issuedOn: string;
  readonly agencyName: { readonly az: string; readonly en: string };
  /** The PDF's creation date (the decision's instant). */
  readonly createdAt: string;
}

/** How the code counts the entries of a visa (`entries` of the domain's validity). */
const ENTRIES = { single: 1 } as const satisfies Record<EVisaValidity['entries'], number>;

/** Signs the visa's code with the e-visa code key and renders the PDF. */
export async function issueVisaDocument(
  signer: VisaCodeSigner,
  input: VisaDocumentInput,
): Promise<IssuedVisaDocument> {
  const validity = eVisaValidity(input.arrivalDate, input.decidedAt);
  const jwk = visaCodeJwk(await signer.publicKey());
  const data: VisaCodeData = {
    visaNumber: input.visaNumber,
    surname: input.holder.surname.normalize('NFC'),
    givenNames: input.holder.givenNames.normalize('NFC'),
    nationality: input.holder.nationality,
    passportNumber: input.holder.passportNumber,
    birthDate: input.holder.birthDate,
    validFrom: validity.validFrom,
    validUntil: validity.validUntil,
    maxStayDays: validity.maxStayDays,
    entries: ENTRIES[validity.entries],
    agency: input.agency.key,
    keyId: jwk.kid,
  };
  const body = encodeVisaCodeBody(data);
  const { signature } = await signer.sign(body);
  const code = visaCodeText(body, ecdsaDerToRaw(signature));
  // Never print a code the published key does not verify (a signer wired to another key).
  const check = verifyVisaCode(code, { keys: [jwk] });
  if (!check.ok) throw new Error(`The e-visa code does not verify with its own key (${check.problem})`);
  const pdf = await renderVisaDocument({
    data,
    code,
    issuedOn: bakuDate(input.decidedAt),
    agencyName: input.agency.name,
    createdAt: input.decidedAt,
  });
  return { pdf, code, data, validity };
}

/* ---------- the QR code ---------- */

/** A QR code's modules (the signatures module's, which draws page 1's stamp the same way). */
export type QrMatrix = BarcodeMatrix;

/**
 * The QR code of a visa code (error correction M). bwip-js picks the alphanumeric mode for the
 * Base45 text: about 280 characters (version 10, 57 modules of 0.8 mm at 45 mm) for the usual names;
 * 80 two-byte letters of names make it version 16 (81 modules), still read by phone cameras.
 */
export function visaQrMatrix(code: string): QrMatrix {
  return qrMatrix(code);
}

/** The QR side on the page (points): 45 mm. */
export const VISA_QR_SIDE = 128;

/* ---------- the font ---------- */

// DejaVu Sans, the font of the single file and its print stamp (it has ə ğ ı İ ö ü ç ş): the
// signatures module's `textFonts`; a Lambda bundle carries its files (`fontFilesToBundle`).

/* ---------- the page ---------- */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/** The printed rows: Azerbaijani label, English label, value. */
export function visaDocumentRows(view: VisaDocumentView): Array<[string, string, string]> {
  const d = view.data;
  const entries =
    d.entries === 1 ? 'Birdəfəlik / Single' : `Çoxdəfəlik (${d.entries}) / Multiple (${d.entries})`;
  return [
    ['Viza nömrəsi', 'Visa number', d.visaNumber],
    ['Soyad', 'Surname', d.surname],
    ['Ad', 'Given names', d.givenNames],
    ['Doğum tarixi', 'Date of birth', displayDate(d.birthDate)],
    ['Vətəndaşlıq', 'Nationality', d.nationality],
    ['Pasportun nömrəsi', 'Passport number', d.passportNumber],
    ['Girişlərin sayı', 'Number of entries', entries],
    ['Etibarlıdır (ilk gün)', 'Valid from', displayDate(d.validFrom)],
    ['Etibarlıdır (son gün)', 'Valid until', displayDate(d.validUntil)],
    ['Qalma müddəti', 'Duration of stay', `${d.maxStayDays} gün / ${d.maxStayDays} days`],
    ['Verən orqan', 'Issued by', `${view.agencyName.az} / ${view.agencyName.en}`],
    ['Verilmə tarixi', 'Date of issue', displayDate(view.issuedOn)],
  ];
}

/** The line a person compares with what a verifier app shows after scanning. */
export function visaCheckLine(data: VisaCodeData): string {
  return [
    data.visaNumber,
    data.passportNumber,
    `${displayDate(data.validFrom)}–${displayDate(data.validUntil)}`,
    data.keyId,
  ].join(' · ');
}

/** Draws `text` at (x, y), shrunk (down to 6 pt) to fit `width`. */
function fitted(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  x: number,
  y: number,
  width: number,
) {
  let s = size;
  while (s > 6 && font.widthOfTextAtSize(text, s) > width) s -= 0.5;
  page.drawText(text, { x, y, size: s, font, color: INK });
}

/** The visa's PDF: the same view gives the same bytes. */
export async function renderVisaDocument(view: VisaDocumentView): Promise<Uint8Array> {
  const { pdf, regular, bold } = await textPdf();
  const page = pdf.addPage(A4);
  const [width, height] = A4;
  const textWidth = width - 2 * MARGIN;

  let y = height - MARGIN - 14;
  page.drawText('AZƏRBAYCAN RESPUBLİKASI', { x: MARGIN, y, size: 14, font: bold, color: INK });
  y -= 16;
  page.drawText('REPUBLIC OF AZERBAIJAN', { x: MARGIN, y, size: 10, font: regular, color: MUTED });
  y -= 30;
  page.drawText('ELEKTRON VİZA', { x: MARGIN, y, size: 22, font: bold, color: INK });
  y -= 18;
  page.drawText('ELECTRONIC VISA', { x: MARGIN, y, size: 12, font: regular, color: MUTED });
  y -= 26;
  page.drawText(view.data.visaNumber, { x: MARGIN, y, size: 16, font: bold, color: INK });

  drawQrMatrix(
    page,
    visaQrMatrix(view.code),
    width - MARGIN - VISA_QR_SIDE,
    height - MARGIN - VISA_QR_SIDE,
    VISA_QR_SIDE,
  );

  y -= 36;
  const labelWidth = 190;
  for (const [az, en, value] of visaDocumentRows(view)) {
    page.drawText(az, { x: MARGIN, y, size: 10, font: bold, color: INK });
    page.drawText(en, { x: MARGIN, y: y - 11, size: 8, font: regular, color: MUTED });
    fitted(page, value, regular, 12, MARGIN + labelWidth, y - 4, textWidth - labelWidth);
    y -= 32;
  }

  y -= 8;
  const notes: Array<[string, PDFFont, number]> = [
    ['Ölkədə qalma müddəti giriş günündən hesablanır və vizanın son günündən keçə bilməz.', regular, 9],
    ['The stay is counted from the day of entry and may not go past the visa’s last day.', regular, 9],
    ['Vizanı yoxlamaq üçün QR kodu skan edin: kod rəsmi açıq açarla imzalanıb.', regular, 9],
    ['Scan the QR code to check the visa: it is signed with the officially published key.', regular, 9],
  ];
  for (const [text, font, size] of notes) {
    fitted(page, text, font, size, MARGIN, y, textWidth);
    y -= 13;
  }
  y -= 10;
  page.drawText('Yoxlama sətri / Check line', { x: MARGIN, y, size: 8, font: regular, color: MUTED });
  y -= 14;
  fitted(page, visaCheckLine(view.data), bold, 11, MARGIN, y, textWidth);

  pdf.setTitle(`Elektron viza / Electronic visa ${view.data.visaNumber}`);
  pdf.setAuthor(view.agencyName.az);
  // The signed code as text too, for software that reads the file rather than scanning the page.
  pdf.setSubject(view.code);
  pdf.setProducer('Kargüzar');
  pdf.setCreator('Kargüzar');
  pdf.setLanguage('az');
  pdf.setCreationDate(new Date(view.createdAt));
  pdf.setModificationDate(new Date(view.createdAt));
  return pdf.save({ useObjectStreams: false });
}
