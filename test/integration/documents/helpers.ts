import { createHash, randomUUID } from 'node:crypto';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import { apiClient, tokenFor, type Api, type Problem } from '../../support/api';

export { signThroughRoute } from '../../support/approval';

export type Doc = {
  id: string;
  version: number;
  kind: string;
  status: string;
  summary: string;
  registration?: { number: string; seq: number; year: number; journalId: string; at: string };
  allowedOperations?: string[];
  contents: Array<{ id: string; state: string; fileName: string; sha256: string }>;
  [key: string]: unknown;
};

export type { Problem };

const tokens = new Map<string, string>();

export async function as(baseUrl: string, user: string, lang = 'az'): Promise<Api> {
  if (!tokens.has(user)) tokens.set(user, await tokenFor(baseUrl, user));
  return apiClient(baseUrl, tokens.get(user), lang);
}

/** Ids of reference items and employees by code or username, read through the API. */
export async function lookups(api: Api) {
  const all = async (path: string) => {
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await api.get<{ items: Array<Record<string, unknown>>; nextCursor?: string }>(
        `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };
  const byCode = (items: Array<Record<string, unknown>>) =>
    new Map(items.map((i) => [String(i.code ?? i.index ?? ''), String(i.id)]));
  const employees = await all('/api/v1/employees');
  const counterparts = await all('/api/v1/reference/counterparts');
  return {
    journals: byCode(await all('/api/v1/reference/journals')),
    deliveryForms: byCode(await all('/api/v1/reference/delivery-forms')),
    documentTypes: byCode(await all('/api/v1/reference/document-types')),
    classifications: byCode(await all('/api/v1/reference/classifications')),
    nomenclature: byCode(await all('/api/v1/reference/nomenclature')),
    employee: new Map(employees.map((e) => [String(e.username), String(e.id)])),
    counterparts,
  };
}

export type Lookups = Awaited<ReturnType<typeof lookups>>;

let serial = 0;
/** A distinct citizen summary per call, so tests do not see each other's documents by accident. */
export function unique(prefix: string): string {
  serial += 1;
  return `${prefix} ${Date.now().toString(36)}${serial}`;
}

export function citizenIncoming(summary: string, extra: Record<string, unknown> = {}) {
  return {
    sender: { kind: 'citizen', name: 'Aysel Məmmədova', fin: '5ZK7QH2', phone: '+994500002001' },
    summary,
    ...extra,
  };
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type UploadTicket = {
  content: { id: string; state: string };
  upload: { url: string; method: string; signedHeaders: Record<string, string> };
};

/**
 * A file added the way the web app adds one: declare it (size and SHA-256 of `declared`), PUT
 * `bytes` to the presigned URL, then complete the upload.
 */
export async function uploadContent(
  api: Api,
  docId: string,
  bytes: Uint8Array,
  options: { declared?: Uint8Array; fileName?: string; contentType?: string } = {},
) {
  const declared = options.declared ?? bytes;
  const ticket = await api.post<UploadTicket>(`/api/v1/documents/${docId}/contents`, {
    fileName: options.fileName ?? 'skan.pdf',
    contentType: options.contentType ?? 'application/pdf',
    size: declared.length,
    sha256: sha256Hex(declared),
  });
  if (ticket.status !== 201) throw new Error(`declaring the upload failed: ${ticket.status}`);
  const put = await fetch(ticket.body.upload.url, {
    method: 'PUT',
    headers: ticket.body.upload.signedHeaders,
    body: Buffer.from(bytes),
  });
  const complete = await api.post<Problem & { state: string }>(
    `/api/v1/documents/${docId}/contents/${ticket.body.content.id}/complete`,
    undefined,
  );
  return { ticket: ticket.body, put, complete };
}

/** A document row written straight to the store (as an earlier version or another writer left it). */
export function storedRow(tenantId: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    kind: 'internal',
    status: 'registered',
    summary: 'Köhnə yazı',
    controlled: false,
    authorId: 'system',
    participants: [],
    contents: [],
    ...overrides,
  };
}

/**
 * A nomenclature item and an order journal of its own (made by the agency admin): only the calling
 * file's orders draw numbers from it.
 */
export async function ownOrderJournal(
  admin: Api,
  label: string,
  prefix = 'S',
): Promise<{ nomenclatureId: string; journalId: string; code: string }> {
  const code = `${prefix}${Date.now().toString(36).toUpperCase()}`;
  const nomenclature = await admin.post<{ id: string }>('/api/v1/reference/nomenclature', {
    name: { az: `${label} ${code}` },
    index: `${code}-01`,
    retentionYears: 5,
  });
  if (nomenclature.status !== 201) throw new Error(JSON.stringify(nomenclature.body));
  const journal = await admin.post<{ id: string }>('/api/v1/reference/journals', {
    name: { az: `Əmrlər ${code}` },
    code,
    pattern: `${code}-{seq}`,
    documentKind: 'order',
    nomenclatureId: nomenclature.body.id,
  });
  if (journal.status !== 201) throw new Error(JSON.stringify(journal.body));
  return { nomenclatureId: nomenclature.body.id, journalId: journal.body.id, code };
}
