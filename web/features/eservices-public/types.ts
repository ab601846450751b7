/**
 * The shapes of the public e-services API the pages use. The catalogue's come from the generated
 * contract (web/api/schema.d.ts); the application endpoints are being built beside this page
 * (docs/eservices.md, "Applications: the shared contract"), so their small answers are written
 * here from that contract until the OpenAPI document carries them.
 */
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type CatalogueEntry = Schemas['CatalogueEntry'];
export type CatalogueService = Schemas['CatalogueService'];
export type Variant = CatalogueEntry['variants'][number];
export type ServiceLevel = Variant['level'];
export type Fee = Variant['fee'];
export type Trilingual = CatalogueEntry['name'];

/** A field of the form: every type, a list among them. */
export type FormField = CatalogueService['form']['applicant'][number];
export type ListField = Extract<FormField, { type: 'list' }>;
/** A field that holds one value (any type but list: what a list's rows are made of). */
export type LeafField = ListField['fields'][number];
export type FileField = Extract<LeafField, { type: 'file' }>;

export const applicationStates = [
  'awaiting-confirmation',
  'awaiting-payment',
  'in-review',
  'decided',
  'cancelled',
] as const;
export type ApplicationState = (typeof applicationStates)[number];

/** `POST /services/{code}/uploads`: where to put the file's bytes. */
export interface UploadTicket {
  ref: string;
  /** The presigned PUT and the headers it was signed with (named as the documents module's uploads). */
  upload: { url: string; method: string; signedHeaders: Record<string, string>; expiresAt: string };
}

/** What a file field's value holds once uploaded. */
export interface UploadedFile {
  ref: string;
  name: string;
  mediaType: string;
  bytes: number;
}

/** `POST /services/{code}/applications` → 201. */
export interface SubmittedApplication {
  number: string;
  state: ApplicationState;
  submittedAt: string;
  receiptUrl: string;
  confirmBy?: string;
  fee: Fee;
}

/** `POST /applications/confirm` → the state after it. */
export interface ConfirmedApplication {
  number: string;
  state: ApplicationState;
  fee?: Fee;
}

/** `POST /applications/status`. */
export interface ApplicationStatus {
  number: string;
  service: { code: string; name: Trilingual };
  state: ApplicationState;
  submittedAt: string;
  level?: { startedAt?: string; dueAt: string; lastDay: string };
  payment?: { status: string; amount: number; currency: string };
  decisions: Array<{
    applicant: number;
    outcome: 'approved' | 'refused';
    reason?: string;
    resultUrl?: string;
  }>;
  receiptUrl: string;
}

/** `POST /applications/payment`. */
export interface PaymentRedirect {
  redirectUrl: string;
}

/** The data a visa's signed code holds (domain/visa-code.ts). */
export interface VisaCodeData {
  visaNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  passportNumber: string;
  birthDate: string;
  validFrom: string;
  validUntil: string;
  maxStayDays: number;
  entries: number;
  agency: string;
  keyId: string;
}

/** `POST /api/public/v1/evisa/verify`: the code's signature verifies with the published key set. */
export interface VerifiedVisa {
  valid: true;
  visa: VisaCodeData;
  /** The line printed under the QR code, to compare by eye. */
  checkLine: string;
  /** Today (Baku) against the visa's validity. */
  period: 'not-yet-valid' | 'current' | 'expired';
}
