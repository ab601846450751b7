import type { FieldIssue } from '../../../platform/kernel/errors';
import type { DocumentRecord } from './document';

/**
 * Decree 935 §147: before an electronic document leaves, the sender checks that it is properly
 * made — an electronic signature, its main and additional requisites (§145.2) — and addressed.
 * A pure rule: the use case gathers what it needs (the signatures, the agency's requisites) and
 * gets back the list of what is missing.
 */

/**
 * The right a signature was given under. `sign`: the document's own signatory signed;
 * `sign-on-behalf`: their substitute signed for them (visible as such); `endorse`: an endorsement
 * (viza), not the signature; `none`: someone without the right to sign this document.
 */
export const signingRights = ['sign', 'sign-on-behalf', 'endorse', 'none'] as const;
export type SigningRight = (typeof signingRights)[number];

/**
 * One signature on the document as the check sees it. Today it is derived from the recorded
 * signing decisions (`recordedSignatures`); the PAdES signatures of the single file will supply
 * the same shape through the `SignatureSource` port, with `valid` from their verification.
 */
export interface SignatureEvidence {
  employeeId: string;
  /** The official the signer stood in for (a substitute's signature). */
  onBehalfOf?: string;
  right: SigningRight;
  /** Whether the signature verifies (integrity, certificate); a recorded decision counts as valid. */
  valid: boolean;
  at: string;
}

/** The agency's own requisites that the letter carries (from its tenant profile). */
export interface SenderRequisites {
  organizationName?: string;
  legalAddress?: string;
  /** E-mail or phone of the agency: the contact requisite of a letter. */
  contact?: string;
}

/** What else the check needs to know about the document. */
export interface PresendContext {
  signatures: SignatureEvidence[];
  sender: SenderRequisites;
  /** The channel is e-mail: every recipient needs an e-mail address. */
  byEmail: boolean;
  /** The author (executor) as the registry knows them: their name is a requisite of the letter. */
  executorName?: string;
}

/** The groups of §147 a missing item belongs to: the problem names each on its own path. */
export type PresendIssueCode =
  | 'presend_not_signed'
  | 'presend_signature_invalid'
  | 'presend_signer_without_right'
  | 'presend_main_requisite'
  | 'presend_additional_requisite'
  | 'presend_not_addressed';

export interface PresendIssue extends FieldIssue {
  code: PresendIssueCode;
}

const blank = (value: string | undefined) => !value || value.trim() === '';

/**
 * The signing decisions recorded on the document, as signatures: the `sign` operation of an
 * internal document or an order, and the signed assignees of its route's signing steps. The
 * right follows from who signed: the document's own signatory (`sign`), a substitute deciding
 * for them (`sign-on-behalf`), anybody else (`none`).
 */
export function recordedSignatures(doc: DocumentRecord): SignatureEvidence[] {
  const signatoryId = doc.outgoing?.signatoryId ?? doc.internal?.signatoryId ?? doc.order?.signatoryId;
  const rightOf = (official: string, signer: string): SigningRight =>
    official !== signatoryId ? 'none' : signer === official ? 'sign' : 'sign-on-behalf';
  const found: SignatureEvidence[] = [];
  const own = doc.internal?.signedAt ? doc.internal : doc.order?.signedAt ? doc.order : undefined;
  if (own?.signedAt && own.signedBy) {
    const official = own.signatoryId ?? own.signedBy;
    found.push({
      employeeId: own.signedBy,
      ...(official !== own.signedBy ? { onBehalfOf: official } : {}),
      right: rightOf(official, own.signedBy),
      valid: true,
      at: own.signedAt,
    });
  }
  for (const step of doc.route?.steps ?? []) {
    for (const a of step.assignees) {
      const signer = a.decidedBy ?? a.employeeId;
      if (step.kind === 'signing' && a.status === 'signed' && a.decidedAt) {
        found.push({
          employeeId: signer,
          ...(signer !== a.employeeId ? { onBehalfOf: a.employeeId } : {}),
          right: rightOf(a.employeeId, signer),
          valid: true,
          at: a.decidedAt,
        });
      } else if (step.kind === 'endorsement' && a.status === 'approved' && a.decidedAt) {
        found.push({
          employeeId: signer,
          ...(signer !== a.employeeId ? { onBehalfOf: a.employeeId } : {}),
          right: 'endorse',
          valid: true,
          at: a.decidedAt,
        });
      }
    }
  }
  return found.sort((x, y) => x.at.localeCompare(y.at));
}

/** The signature part of §147: a valid signature by someone with the right to sign the document. */
function signatureIssues(signatures: SignatureEvidence[]): PresendIssue[] {
  const signing = signatures.filter((s) => s.right !== 'endorse');
  if (signing.length === 0) return [{ path: 'signature', code: 'presend_not_signed' }];
  const issues: PresendIssue[] = [];
  if (signing.some((s) => !s.valid)) issues.push({ path: 'signature', code: 'presend_signature_invalid' });
  if (!signing.some((s) => s.valid && (s.right === 'sign' || s.right === 'sign-on-behalf')))
    issues.push({ path: 'signature', code: 'presend_signer_without_right' });
  return issues;
}

/**
 * The requisites of §145.2 an outgoing letter cannot go without. Main: the agency's full name,
 * the registration number and date, the summary (title), the signatory, and a text (the letter's
 * content or a stored file). Additional: the agency's legal address and contact, the executor.
 */
function requisiteIssues(doc: DocumentRecord, ctx: PresendContext): PresendIssue[] {
  const main = (path: string): PresendIssue => ({ path, code: 'presend_main_requisite' });
  const additional = (path: string): PresendIssue => ({ path, code: 'presend_additional_requisite' });
  const issues: PresendIssue[] = [];
  if (blank(ctx.sender.organizationName)) issues.push(main('organization.name'));
  if (blank(doc.registration?.number)) issues.push(main('registration.number'));
  if (blank(doc.registration?.at)) issues.push(main('registration.at'));
  if (blank(doc.summary)) issues.push(main('summary'));
  if (blank(doc.outgoing?.signatoryId)) issues.push(main('signatoryId'));
  const hasText = !blank(doc.outgoing?.content) || doc.contents.some((c) => c.state === 'stored');
  if (!hasText) issues.push(main('content'));
  if (blank(ctx.sender.legalAddress)) issues.push(additional('organization.legalAddress'));
  if (blank(ctx.sender.contact)) issues.push(additional('organization.contact'));
  if (blank(ctx.executorName)) issues.push(additional('authorId'));
  return issues;
}

/** Addressed: at least one recipient, each named, each with an e-mail address when sent by e-mail. */
function addressIssues(doc: DocumentRecord, ctx: PresendContext): PresendIssue[] {
  const recipients = doc.outgoing?.recipients ?? [];
  if (recipients.length === 0) return [{ path: 'recipients', code: 'presend_not_addressed' }];
  return recipients.flatMap((r, i): PresendIssue[] => [
    ...(blank(r.name) ? [{ path: `recipients.${i}.name`, code: 'presend_not_addressed' as const }] : []),
    ...(ctx.byEmail && blank(r.email)
      ? [{ path: `recipients.${i}.email`, code: 'presend_not_addressed' as const }]
      : []),
  ]);
}

/** Everything §147 finds missing before the document may leave; empty when it may be sent. */
export function presendIssues(doc: DocumentRecord, ctx: PresendContext): PresendIssue[] {
  return [...signatureIssues(ctx.signatures), ...requisiteIssues(doc, ctx), ...addressIssues(doc, ctx)];
}
