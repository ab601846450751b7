import { randomUUID } from 'node:crypto';
import type { Actor, AggregateMeta } from '../../../platform/kernel/aggregate';
import { formatBakuDate } from '../domain/date-filter';
import { diffDocuments, type Dispatch, type DocumentRecord } from '../domain/document';
import { transition } from '../domain/status';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { Employee, Tenant } from '../../org';
import { presendIssues, recordedSignatures } from '../domain/presend';
import { allow, assertVersion, hasRole, visibleDocument, type DocumentDeps } from './common';
import { readContents } from './contents.usecase';
import { replyToOf, signedSingleFile } from './email-out';
import { edmsDeliveries } from './edms';

type DeliveryForm = AggregateMeta & { code?: string };
type Counterpart = AggregateMeta & { receivesElectronically?: boolean };

/** Every recipient of an e-mail needs an address, and a listed counterpart must take e-mail. */
async function assertElectronicAddresses(deps: DocumentDeps, doc: DocumentRecord): Promise<void> {
  const recipients = doc.outgoing?.recipients ?? [];
  if (recipients.some((r) => !r.email)) {
    throw new BusinessRuleError('recipient_without_email', 'Every recipient needs an e-mail address', {}, [
      { path: 'recipients', code: 'recipient_without_email' },
    ]);
  }
  await assertElectronicRecipients(deps, doc);
}

/**
 * A counterpart of the list gets documents by e-mail only when the list says it receives them
 * electronically; the others are sent by post or courier (a free recipient's typed address is the
 * clerk's own choice).
 */
async function assertElectronicRecipients(deps: DocumentDeps, doc: DocumentRecord): Promise<void> {
  const recipients = doc.outgoing?.recipients ?? [];
  const ids = recipients.flatMap((r) => (r.counterpartId ? [r.counterpartId] : []));
  const electronic = new Set(
    (await deps.store.getMany<Counterpart>('ref:counterparts', doc.tenantId, ids))
      .filter((c) => c.receivesElectronically === true)
      .map((c) => c.id),
  );
  const i = recipients.findIndex((r) => r.counterpartId !== undefined && !electronic.has(r.counterpartId));
  if (i >= 0) {
    throw new BusinessRuleError(
      'recipient_not_electronic',
      'A recipient does not receive documents electronically',
      {},
      [{ path: `recipients.${i}`, code: 'recipient_not_electronic' }],
    );
  }
}

/** The delivery forms by which the document leaves as an electronic document (§147 applies). */
const ELECTRONIC_FORMS = new Set(['email', 'edms']);

/**
 * Decree 935 §147: an electronic document leaves only signed by someone with the right, with its
 * main and additional requisites, and addressed; otherwise 422 `presend_check_failed` naming each
 * missing item on its path, before anything is sent or written.
 */
async function assertReadyToSend(
  deps: DocumentDeps,
  actor: Actor,
  doc: DocumentRecord,
  byEmail: boolean,
): Promise<void> {
  const [tenant, author] = await Promise.all([
    deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId),
    deps.store.get<Employee>('employee', doc.tenantId, doc.authorId),
  ]);
  const signatures = deps.signatures
    ? await deps.signatures.signaturesOf(actor, doc)
    : recordedSignatures(doc);
  const issues = presendIssues(doc, {
    signatures,
    sender: {
      ...(tenant?.name.az ? { organizationName: tenant.name.az } : {}),
      ...(tenant?.legalAddress ? { legalAddress: tenant.legalAddress } : {}),
      ...((tenant?.email ?? tenant?.phone) ? { contact: tenant.email || tenant.phone } : {}),
    },
    byEmail,
    ...(author?.fullName ? { executorName: author.fullName } : {}),
  });
  if (issues.length > 0) {
    throw new BusinessRuleError(
      'presend_check_failed',
      'The document is not ready to be sent',
      { missing: issues.map((i) => i.path).join(', ') },
      issues,
    );
  }
}

/**
 * Sends an outgoing document. By e-mail (the delivery form with code `email`), the summary and
 * text go to every recipient's address with the stored files attached (a counterpart of the list
 * only if it receives documents electronically); any other delivery form
 * (courier, fax, in person) records an entry in the dispatch register. Either way the dispatch is
 * kept on the document and in its operations log.
 */
export async function sendDocument(
  deps: DocumentDeps,
  actor: Actor,
  id: string,
  input: { version: number; note?: string },
): Promise<DocumentRecord> {
  const doc = await visibleDocument(deps, actor, id);
  if (doc.kind !== 'outgoing' || !doc.outgoing) {
    throw new BusinessRuleError('wrong_kind', 'Only outgoing documents are sent', { kind: doc.kind });
  }
  assertVersion(doc, input.version);
  const status = transition(doc.kind, doc.status, 'send');
  allow(hasRole(actor, 'clerk') || doc.authorId === actor.employeeId, 'send');
  const form = doc.deliveryFormId
    ? await deps.store.get<DeliveryForm>('ref:delivery-forms', doc.tenantId, doc.deliveryFormId)
    : undefined;
  const byEmail = form?.code === 'email';
  if (byEmail) await assertElectronicAddresses(deps, doc);
  if (form?.code && ELECTRONIC_FORMS.has(form.code)) await assertReadyToSend(deps, actor, doc, byEmail);
  const now = deps.clock.now().toISOString();
  const dispatchId = randomUUID();
  const deliveries = form?.code === 'edms' ? await edmsDeliveries(deps, doc, dispatchId) : undefined;
  let messageId: string | undefined;
  if (byEmail) {
    const to = doc.outgoing.recipients.map((r) => r.email).filter((e): e is string => !!e);
    if (!deps.email) throw new Error('E-mail not configured');
    const tenant = await deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId);
    const number = doc.registration?.number ?? '';
    const date = doc.registration ? formatBakuDate(doc.registration.at) : '';
    const from = tenant?.name.az ?? '';
    const lines = [
      `${from}`,
      `Qeydiyyat nömrəsi: ${number}, tarix: ${date}`,
      '',
      doc.summary,
      ...(doc.outgoing.content ? ['', doc.outgoing.content] : []),
    ];
    // The signed single file (issue 14), else the stored files; answers go to the agency.
    const single = await signedSingleFile(deps, doc);
    const replyTo = await replyToOf(deps, tenant, doc.tenantId);
    const sent = await deps.email.send({
      to,
      subject: `${number} — ${doc.summary}`.slice(0, 200),
      text: lines.join('\n'),
      attachments: single ? [single] : await readContents(deps, doc),
      ...(replyTo ? { replyTo } : {}),
    });
    messageId = sent.messageId;
  }
  const dispatch: Dispatch = {
    id: dispatchId,
    at: now,
    by: actor.employeeId,
    ...(doc.deliveryFormId ? { deliveryFormId: doc.deliveryFormId } : {}),
    channel: byEmail ? 'email' : deliveries ? 'edms' : 'register',
    recipients: doc.outgoing.recipients.map((r) => (r.email ? `${r.name} <${r.email}>` : r.name)),
    ...(messageId ? { messageId } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  const next: DocumentRecord = {
    ...doc,
    status,
    outgoing: {
      ...doc.outgoing,
      dispatches: [...doc.outgoing.dispatches, dispatch],
      ...(deliveries ? { deliveries: [...(doc.outgoing.deliveries ?? []), ...deliveries] } : {}),
    },
    updatedAt: now,
  };
  const result = await deps.documents.commit({
    document: next,
    expectedVersion: doc.version,
    operation: {
      actorId: actor.employeeId,
      action: 'send',
      changes: diffDocuments(doc, next).filter(
        (c) => c.field !== 'outgoing.dispatches' && c.field !== 'outgoing.deliveries',
      ),
      comment: `${dispatch.channel === 'email' ? 'e-mail' : dispatch.channel}: ${dispatch.recipients.join(', ')}`,
    },
  });
  return result.document;
}
