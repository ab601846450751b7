import { ApiError, api, apiFile, listAll, type Page } from '../../../lib/api';
import { pickText, type Locale } from '../../../lib/i18n';
import { buildTree, flattenTree } from '../../../lib/tree';
import type {
  Employee,
  GroupArchiveInput,
  GroupResolutionInput,
  GroupResult,
  ReferenceItem,
} from '../../../api/contract';
import type { DocumentKind, DocumentRecord } from '../types';

/**
 * The document lists (Daxil olan, Xaric olan, Daxili, Əmrlər): the filter row's query, kept in the
 * page's query string under the API's own parameter names, so a bookmark is also an API call.
 */
export const filterKeys = [
  'registered',
  'number',
  'documentNumber',
  'documentDate',
  'summary',
  'party',
  'status',
  'documentTypeId',
  'classificationId',
  'nomenclatureId',
  'addresseeId',
  'controllerId',
  'signatoryId',
  'authorId',
  'category',
  'controlled',
  'order',
] as const;

/**
 * The personal lists (İcraya gələnlər, Nəzarətimdə olanlar...) take the same filter row plus the
 * document kind, only open lines, and for Etdiklərim the period of arrival.
 */
export const inboxFilterKeys = [...filterKeys, 'kind', 'open', 'period'] as const;
export type FilterKey = (typeof inboxFilterKeys)[number];
export type ListFilters = Partial<Record<FilterKey, string>>;

export const PAGE_SIZE = 25;

/** The filters in a query string; unknown parameters are dropped (the API refuses them). */
export function readFilters(params: URLSearchParams, keys: readonly FilterKey[] = filterKeys): ListFilters {
  const out: ListFilters = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  if (out.order !== 'asc') delete out.order; // desc is the default: not written
  if (out.controlled !== 'true' && out.controlled !== 'false') delete out.controlled;
  if (out.open !== 'true') delete out.open; // all lines is the default
  return out;
}

/** A query string in a fixed key order, so equal filters give equal strings (and one URL). */
export function filtersToSearch(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const key of inboxFilterKeys) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return filtersToSearch(a) === filtersToSearch(b);
}

/** Keys that narrow the list (the sort order does not). */
export function activeFilterCount(filters: ListFilters): number {
  return inboxFilterKeys.filter((k) => k !== 'order' && filters[k]).length;
}

export function listDocuments(
  kind: DocumentKind,
  filters: ListFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<DocumentRecord>> {
  return api<Page<DocumentRecord>>('/documents', {
    query: { kind, ...filters, limit: PAGE_SIZE, cursor },
    signal,
  });
}

/** The API's messages for a bad filter value (e.g. `registered` → invalid_date_filter), by parameter. */
export function filterErrors(error: unknown): Partial<Record<FilterKey, string>> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const out: Partial<Record<FilterKey, string>> = {};
  for (const e of error.problem.errors ?? []) {
    const key = e.path.replace(/^\/?(query\.|query\/)?/, '') as FilterKey;
    if ((inboxFilterKeys as readonly string[]).includes(key)) out[key] ??= e.message;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Saved filters (one record per user, optimistic concurrency on `version`)

export interface SavedFilter {
  id: string;
  name: string;
  /** The list it belongs to: the document kind. */
  list: string;
  query: Record<string, string>;
}

export interface SavedFilters {
  version: number;
  items: SavedFilter[];
}

export function getSavedFilters(): Promise<SavedFilters> {
  return api<SavedFilters>('/me/saved-filters');
}

/**
 * Applies `change` to the user's saved filters and stores them. Another tab may have saved in
 * between (409): read them again and apply the same change once more.
 */
export async function updateSavedFilters(
  current: SavedFilters,
  change: (items: SavedFilter[]) => SavedFilter[],
): Promise<SavedFilters> {
  const put = (base: SavedFilters) =>
    api<SavedFilters>('/me/saved-filters', {
      method: 'PUT',
      body: { version: base.version, items: change(base.items) },
    });
  try {
    return await put(current);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    return put(await getSavedFilters());
  }
}

/** `list`: a document kind, or `inbox:<box>` for a personal list. */
export function newSavedFilter(name: string, list: string, filters: ListFilters): SavedFilter {
  const query: Record<string, string> = {};
  for (const key of inboxFilterKeys) if (filters[key]) query[key] = filters[key];
  return { id: crypto.randomUUID(), name: name.trim(), list, query };
}

// ---------------------------------------------------------------------------------------------
// Group operation

export const groupFields = ['classificationId', 'nomenclatureId', 'controllerId', 'addresseeId'] as const;
export type GroupField = (typeof groupFields)[number];
export type GroupSet = Partial<Record<GroupField, string>>;

export type { GroupResult };

/** The most documents one group request takes (the API's limit). */
export const GROUP_LIMIT = 100;
/** Documents per request of the operations that show progress: small steps, a live counter. */
export const PROGRESS_CHUNK = 5;

/**
 * Runs a group operation over a selection in requests of `size` documents, reporting how many are
 * done after each. One Idempotency-Key serves the whole run: a request that failed on the way (the
 * network) is sent once more with it, and the server answers what it already did as done instead
 * of doing it twice.
 */
export async function runGroup<T>(
  items: readonly T[],
  send: (chunk: T[], headers: Record<string, string>) => Promise<{ results: GroupResult[] }>,
  onProgress: (done: number) => void = () => {},
  size = GROUP_LIMIT,
): Promise<GroupResult[]> {
  const headers = { 'Idempotency-Key': `group-${crypto.randomUUID()}` };
  const results: GroupResult[] = [];
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    let answer: { results: GroupResult[] };
    try {
      answer = await send(chunk, headers);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) throw error;
      answer = await send(chunk, headers);
    }
    results.push(...answer.results);
    onProgress(Math.min(items.length, i + size));
  }
  return results;
}

export function groupUpdate(kind: DocumentKind, ids: string[], set: GroupSet): Promise<GroupResult[]> {
  return runGroup(ids, (chunk) =>
    api<{ results: GroupResult[] }>('/documents/group-update', {
      method: 'POST',
      body: { kind, ids: chunk, set },
    }),
  );
}

/** A selected document as the group operations send it: its id and the version the list shows. */
export type Selected = { id: string; version: number; name: string };

/**
 * A group operation that shows progress: the selection in small steps to `path`, each step with
 * its documents (id and version) and the operation's own fields.
 */
function bulk<B extends object>(path: string) {
  return (documents: Selected[], body: B, onProgress: (done: number) => void): Promise<GroupResult[]> =>
    runGroup(
      documents,
      (chunk, headers) =>
        api<{ results: GroupResult[] }>(path, {
          method: 'POST',
          headers,
          body: { ...body, documents: chunk.map(({ id, version }) => ({ id, version })) },
        }),
      onProgress,
      PROGRESS_CHUNK,
    );
}

/** Arxivə: into one case file. */
export const groupArchive = bulk<Omit<GroupArchiveInput, 'documents'>>('/documents/group-archive');
/** İcraya göndər: one resolution on each document. */
export const groupResolution = bulk<Omit<GroupResolutionInput, 'documents'>>('/documents/group-resolution');

/** The most documents one export holds (the API's limit). */
export const EXPORT_LIMIT = 1000;

/** Downloads the selection as an .xlsx (the browser saves it under the server's name). */
export async function exportSelection(ids: string[]): Promise<{ fileName: string }> {
  const { blob, fileName } = await apiFile('/documents/export', { method: 'POST', body: { ids } });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return { fileName };
}

/** The printable cards of a selection, one per page. */
export function printCardsHref(ids: string[]): string {
  return `/documents/print-cards/?ids=${ids.map(encodeURIComponent).join(',')}`;
}

// ---------------------------------------------------------------------------------------------
// Look-ups for the cells and the pick lists

export interface Option {
  value: string;
  label: string;
}

export interface ListLookups {
  documentTypes: ReferenceItem[];
  classifications: ReferenceItem[];
  nomenclature: ReferenceItem[];
  employees: Employee[];
}

export async function loadLookups(): Promise<ListLookups> {
  const [documentTypes, classifications, nomenclature, employees] = await Promise.all([
    listAll<ReferenceItem>('/reference/document-types'),
    listAll<ReferenceItem>('/reference/classifications'),
    listAll<ReferenceItem>('/reference/nomenclature'),
    listAll<Employee>('/employees'),
  ]);
  return { documentTypes, classifications, nomenclature, employees };
}

const byLabel = (locale: Locale) => (a: Option, b: Option) => a.label.localeCompare(b.label, locale);

/** Options of a pick list: active items, plus the chosen one even if it has been deactivated since. */
export function referenceOptions(items: ReferenceItem[], locale: Locale, chosen?: string): Option[] {
  const shown = items.filter((i) => i.active || i.id === chosen);
  const label = (i: ReferenceItem) =>
    typeof i.index === 'string' ? `${i.index} ${pickText(i.name, locale)}` : pickText(i.name, locale);
  if (shown.some((i) => i.parentId)) {
    const tree = buildTree(shown, (a, b) => label(a).localeCompare(label(b), locale));
    return flattenTree(tree).map(({ item, depth }) => ({
      value: item.id,
      label: `${'— '.repeat(depth)}${label(item)}`,
    }));
  }
  return shown.map((i) => ({ value: i.id, label: label(i) })).sort(byLabel(locale));
}

export function employeeOptions(employees: Employee[], locale: Locale, chosen?: string): Option[] {
  return employees
    .filter((e) => e.active || e.id === chosen)
    .map((e) => ({ value: e.id, label: e.fullName }))
    .sort(byLabel(locale));
}

export function referenceName(items: ReferenceItem[], id: string | undefined, locale: Locale): string {
  if (!id) return '';
  const item = items.find((i) => i.id === id);
  return item ? pickText(item.name, locale) : '';
}

export function employeeName(employees: Employee[], id: string | undefined): string {
  if (!id) return '';
  return employees.find((e) => e.id === id)?.fullName ?? '';
}

// ---------------------------------------------------------------------------------------------
// Cells

/** The date a list shows and sorts by: registration, or creation for a draft not yet registered. */
export function listedAt(doc: DocumentRecord): string {
  return doc.registration?.at ?? doc.createdAt;
}

/** Sender of an incoming document, recipients of an outgoing one: what the `party` filter searches. */
export function partyOf(doc: DocumentRecord): string {
  if (doc.incoming) return doc.incoming.sender.name;
  if (doc.outgoing) return doc.outgoing.recipients.map((r) => r.name).join('; ');
  return '';
}

export function cardHref(doc: Pick<DocumentRecord, 'id'>): string {
  return `/documents/view/?id=${encodeURIComponent(doc.id)}`;
}

export function newDocumentHref(kind: DocumentKind): string {
  return `/documents/new/?kind=${kind}`;
}
