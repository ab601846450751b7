import { ApiError, api, listAll, type Page } from '../../lib/api';
import type {
  RepeatCandidates,
  RepeatQuery,
  UploadTicket,
  CounterpartInput,
  ReferenceItem,
  Tenant,
} from '../../api/contract';
import {
  documentKinds,
  type ContentItem,
  type DocumentCard,
  type DocumentKind,
  type LinkedDocument,
  type OperationEntry,
  type Operation,
} from './types';

/** Path of a kind's create/update route. */
const kindPath = (kind: DocumentKind) => `/documents/${kind}`;
const docPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function isDocumentKind(value: string | null | undefined): value is DocumentKind {
  return typeof value === 'string' && (documentKinds as readonly string[]).includes(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Registers (incoming, outgoing) or creates a draft (internal, order); the key makes a retry safe. */
export function createDocument(kind: DocumentKind, body: Record<string, unknown>, idempotencyKey: string) {
  return api<DocumentCard>(kindPath(kind), {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Replaces the editable registration data; `version` is the one the form was based on. */
export function updateDocument(
  kind: DocumentKind,
  id: string,
  body: Record<string, unknown>,
  version: number,
) {
  return api<DocumentCard>(`${kindPath(kind)}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { ...body, version },
  });
}

export function getDocument(id: string) {
  return api<DocumentCard>(docPath(id));
}

export interface OperationOptions {
  comment?: string;
  effectiveDate?: string;
}

/** A status operation (register, sign, submit, agree, return, enact, archive, cancel...) or send. */
export function performOperation(
  doc: { id: string; version: number },
  op: Operation,
  options: OperationOptions = {},
) {
  const body = {
    version: doc.version,
    ...(options.comment ? { comment: options.comment } : {}),
    ...(options.effectiveDate ? { effectiveDate: options.effectiveDate } : {}),
  };
  if (op === 'send') {
    const { comment, ...rest } = body;
    return api<DocumentCard>(`${docPath(doc.id)}/send`, {
      method: 'POST',
      body: { ...rest, ...(comment ? { note: comment } : {}) },
    });
  }
  return api<DocumentCard>(`${docPath(doc.id)}/operations/${op}`, { method: 'POST', body });
}

/** The whole operations log of a document, oldest first. */
export async function listOperations(id: string): Promise<OperationEntry[]> {
  const all: OperationEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<OperationEntry>>(`${docPath(id)}/operations`, {
      query: { limit: 100, cursor },
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 5000);
  return all.sort((a, b) => a.at.localeCompare(b.at));
}

export async function listLinks(id: string): Promise<LinkedDocument[]> {
  return (await api<{ items: LinkedDocument[] }>(`${docPath(id)}/links`)).items;
}

export async function addLink(id: string, otherId: string, type: string): Promise<LinkedDocument[]> {
  return (
    await api<{ items: LinkedDocument[] }>(`${docPath(id)}/links`, {
      method: 'POST',
      body: { otherId, type },
    })
  ).items;
}

/** Documents whose registration number is exactly `number`, in every kind the caller may list. */
export async function findByNumber(number: string): Promise<DocumentCard[]> {
  const pages = await Promise.allSettled(
    documentKinds.map((kind) =>
      api<Page<DocumentCard>>('/documents', { query: { kind, number, limit: 10 } }),
    ),
  );
  return pages.flatMap((p) => (p.status === 'fulfilled' ? p.value.items : []));
}

export type { RepeatCandidate, RepeatQuery, RepeatReason } from '../../api/contract';

export function findRepeatCandidates(query: RepeatQuery, signal?: AbortSignal) {
  return api<RepeatCandidates>('/documents/incoming/repeat-candidates', {
    method: 'POST',
    body: query,
    signal,
  });
}

export function getTenant() {
  return api<Tenant>('/tenant');
}

// ---------------------------------------------------------------------------------------------
// Contents: SHA-256 in the browser, presigned PUT, completion.

/** SHA-256 of the bytes, lower-case hex (what the API declares and S3 checks). */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// The browser sets these itself (from the body); setting them by hand is refused.
const FORBIDDEN_HEADERS = new Set(['content-length', 'host', 'connection']);

/** PUT with upload progress (fetch has none), carrying exactly the signed headers. */
function putWithProgress(
  url: string,
  headers: Record<string, string>,
  body: ArrayBuffer,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new ApiError({ title: '', status: xhr.status, code: 'upload_failed' }));
    };
    xhr.onerror = () => reject(new ApiError({ title: '', status: 0, code: 'network' }));
    xhr.send(body);
  });
}

export type UploadPhase = 'hashing' | 'uploading' | 'verifying' | 'done';

/**
 * Adds a file to a document: declare it (name, type, size, SHA-256), PUT the bytes to the
 * presigned URL, then ask the API to verify what was stored.
 */
export async function uploadContent(
  documentId: string,
  file: File,
  onProgress: (phase: UploadPhase, fraction: number) => void = () => undefined,
): Promise<ContentItem> {
  onProgress('hashing', 0);
  const bytes = await file.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  const ticket = await api<UploadTicket>(`${docPath(documentId)}/contents`, {
    method: 'POST',
    body: {
      fileName: file.name,
      contentType: contentTypeOf(file),
      size: file.size,
      sha256,
    },
  });
  onProgress('uploading', 0);
  await putWithProgress(ticket.upload.url, ticket.upload.signedHeaders, bytes, (f) =>
    onProgress('uploading', f),
  );
  onProgress('verifying', 1);
  const stored = await api<ContentItem>(
    `${docPath(documentId)}/contents/${encodeURIComponent(ticket.content.id)}/complete`,
    { method: 'POST' },
  );
  onProgress('done', 1);
  return stored;
}

const TYPE = /^[\w.+-]+\/[\w.+-]+$/;
/** The declared media type: the browser's guess when it is a plain type/subtype, else octet-stream. */
export function contentTypeOf(file: File): string {
  return TYPE.test(file.type) ? file.type : 'application/octet-stream';
}

/** A short-lived URL of a stored file: inline for preview, attachment for download. */
export async function contentUrl(documentId: string, contentId: string, inline: boolean): Promise<string> {
  const res = await api<{ url: string; expiresAt: string }>(
    `${docPath(documentId)}/contents/${encodeURIComponent(contentId)}/url`,
    { query: { inline: inline ? 'true' : 'false' } },
  );
  return res.url;
}

// ---------------------------------------------------------------------------------------------
// Look-ups the forms and the card share: reference lists and employees.

export interface Person {
  id: string;
  fullName: string;
  active: boolean;
}

export interface DocumentLookups {
  employees: Person[];
  documentTypes: ReferenceItem[];
  deliveryForms: ReferenceItem[];
  physicalForms: ReferenceItem[];
  classifications: ReferenceItem[];
  nomenclature: ReferenceItem[];
  journals: ReferenceItem[];
  counterparts: ReferenceItem[];
  regions: ReferenceItem[];
}

/** The reference list behind each list of the lookups. */
const lookupLists: Record<Exclude<keyof DocumentLookups, 'employees'>, string> = {
  documentTypes: 'document-types',
  deliveryForms: 'delivery-forms',
  physicalForms: 'physical-forms',
  classifications: 'classifications',
  nomenclature: 'nomenclature',
  journals: 'journals',
  counterparts: 'counterparts',
  regions: 'regions',
};

/** Adds an organization to the counterparts while registering (registry clerks may); the key makes a retry safe. */
export function addCounterpart(body: CounterpartInput, idempotencyKey: string) {
  return api<ReferenceItem>('/counterparts', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function getCounterpart(id: string) {
  return api<ReferenceItem>(`/reference/counterparts/${encodeURIComponent(id)}`);
}

export async function loadLookups(): Promise<DocumentLookups> {
  const [employees, references] = await Promise.all([
    listAll<Person>('/employees'),
    Promise.all(
      Object.entries(lookupLists).map(async ([field, list]) => [
        field,
        await listAll<ReferenceItem>(`/reference/${list}`),
      ]),
    ),
  ]);
  return { employees, ...Object.fromEntries(references) } as DocumentLookups;
}
