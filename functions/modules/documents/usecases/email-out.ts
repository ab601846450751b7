import { createHash } from 'node:crypto';
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { EmailAttachment } from '../../../platform/ports/email.port';
import type { Tenant } from '../../org';
import type { DocumentRecord } from '../domain/document';
import type { DocumentDeps } from './common';

/**
 * What an outgoing document e-mailed to its recipients carries (issue 14, item 4): the signed
 * single file, i.e. the revision its last signature produced (the file the signatures module
 * serves), checked against that signature's SHA-256; the stored files when it has no signature.
 */
export async function signedSingleFile(
  deps: DocumentDeps,
  doc: DocumentRecord,
): Promise<EmailAttachment | undefined> {
  const last = doc.signatures?.at(-1);
  if (!last) return undefined;
  if (!deps.objects) throw new Error('Object store not configured');
  const bytes = await deps.objects.get({
    bucket: 'attachments',
    key: last.key,
    ...(last.versionId ? { versionId: last.versionId } : {}),
  });
  if (!bytes) throw new ConflictError('content_missing', 'The signed single file is missing', {});
  if (createHash('sha256').update(bytes).digest('hex') !== last.sha256)
    throw new ConflictError('content_damaged', 'The signed single file does not match its SHA-256', {});
  const name = `${(doc.registration?.number ?? doc.id).replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`;
  return { filename: name, contentType: 'application/pdf', content: bytes };
}

/**
 * Where answers to the agency's e-mail go: the Reply-To of its exchange settings (aggregate
 * `exchange-settings`, id = tenant id; see the exchange module's settingsInForce), else its own
 * e-mail address. Read by type name: the exchange module builds on documents, not the reverse.
 */
export async function replyToOf(deps: DocumentDeps, tenant: Tenant | undefined, tenantId: string) {
  const settings = await deps.store.get<AggregateMeta & { replyTo?: string }>(
    'exchange-settings',
    tenantId,
    tenantId,
  );
  return settings?.replyTo || tenant?.email || undefined;
}
