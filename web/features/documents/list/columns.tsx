'use client';

import Link from 'next/link';
import { formatDate } from '../../../lib/format';
import type { Locale, Translate } from '../../../lib/i18n';
import {
  cardHref,
  employeeName,
  employeeOptions,
  listedAt,
  partyOf,
  referenceName,
  referenceOptions,
  type FilterKey,
  type ListLookups,
  type Option,
} from './api';
import { documentKinds, orderCategories, statusesOf, type DocumentKind, type DocumentRecord } from '../types';
import { statusLabel } from '../labels';

export interface ColumnContext {
  t: Translate;
  locale: Locale;
  lookups: ListLookups;
  /** The list's kind; a personal list mixes kinds (then the one its kind filter chose, if any). */
  kind?: DocumentKind;
  /** The filters' current values, so a pick list keeps a chosen item that is no longer active. */
  chosen: (key: FilterKey) => string | undefined;
}

/** How a column's cell in the filter row filters (the API parameter it sets). */
export type FilterSpec =
  | { type: 'text'; key: FilterKey }
  | { type: 'date'; key: FilterKey }
  | { type: 'select'; key: FilterKey; options: (ctx: ColumnContext) => Option[] }
  /** Nəzarət: under control or not, or one controller (controlled / controllerId). */
  | { type: 'control' };

export interface ListColumn<T = DocumentRecord> {
  id: string;
  /** Message key of the header under docList.columns (or a full key, with a dot). */
  header: string;
  cell: (row: T, ctx: ColumnContext) => React.ReactNode;
  filter?: FilterSpec;
  /** The cell that names the row (the registration number, a link to the card). */
  rowHeader?: boolean;
  /** The date the server sorts by (order=asc|desc). */
  sortable?: boolean;
  /** A cell class of list.css without its `doclist-` prefix (`nowrap`, `summary`). */
  className?: string;
}

const dash = '—';
const or = (text: string) => text || dash;

export function statusOptions(ctx: ColumnContext): Option[] {
  const statuses = ctx.kind ? statusesOf(ctx.kind) : [...new Set(documentKinds.flatMap(statusesOf))];
  return statuses.map((s) => ({ value: s, label: statusLabel(ctx.t, s) }));
}

/** A pick-list filter of one reference list (the items still active, and the one chosen). */
const referenceFilter = (
  key: FilterKey,
  list: 'documentTypes' | 'classifications' | 'nomenclature',
): FilterSpec => ({
  type: 'select',
  key,
  options: ({ lookups, locale, chosen }) => referenceOptions(lookups[list], locale, chosen(key)),
});

/** A pick-list filter of the employees (the active ones, and the one chosen). */
const employeeFilter = (key: FilterKey): FilterSpec => ({
  type: 'select',
  key,
  options: ({ lookups, locale, chosen }) => employeeOptions(lookups.employees, locale, chosen(key)),
});

/** A document column on rows that carry a document (a personal list's lines). */
export function onDocument<T>(column: ListColumn, pick: (row: T) => DocumentRecord): ListColumn<T> {
  return { ...column, cell: (row, ctx) => column.cell(pick(row), ctx) };
}

export const listedDate = (header: 'registered' | 'date'): ListColumn => ({
  id: 'registered',
  header,
  cell: (doc) => formatDate(listedAt(doc)),
  filter: { type: 'date', key: 'registered' },
  sortable: true,
  className: 'nowrap',
});

export const regNumber = (header: 'regNumber' | 'number'): ListColumn => ({
  id: 'number',
  header,
  rowHeader: true,
  cell: (doc, { t }) => <Link href={cardHref(doc)}>{doc.registration?.number ?? t('docList.noNumber')}</Link>,
  filter: { type: 'text', key: 'number' },
  className: 'nowrap',
});

export const summary: ListColumn = {
  id: 'summary',
  header: 'summary',
  cell: (doc) => doc.summary,
  filter: { type: 'text', key: 'summary' },
  className: 'summary',
};

export const documentType: ListColumn = {
  id: 'documentType',
  header: 'documentType',
  cell: (doc, { lookups, locale }) => or(referenceName(lookups.documentTypes, doc.documentTypeId, locale)),
  filter: referenceFilter('documentTypeId', 'documentTypes'),
};

export const status: ListColumn = {
  id: 'status',
  header: 'status',
  cell: (doc, { t }) => statusLabel(t, doc.status),
  filter: { type: 'select', key: 'status', options: statusOptions },
  className: 'nowrap',
};

export const party = (header: 'sender' | 'recipients' | 'party'): ListColumn => ({
  id: 'party',
  header,
  cell: (doc) => or(partyOf(doc)),
  filter: { type: 'text', key: 'party' },
});

const employeeColumn = (
  id: string,
  header: string,
  pick: (doc: DocumentRecord) => string | undefined,
  filterKey?: FilterKey,
): ListColumn => ({
  id,
  header,
  cell: (doc, { lookups }) => or(employeeName(lookups.employees, pick(doc))),
  ...(filterKey ? { filter: employeeFilter(filterKey) } : {}),
});

export const control: ListColumn = {
  id: 'control',
  header: 'control',
  cell: (doc, { lookups, t }) =>
    doc.controlled ? employeeName(lookups.employees, doc.controllerId) || t('docList.control.yes') : dash,
  filter: { type: 'control' },
};

/**
 * The columns of each list, as the brochure's screens have them; every column filters.
 */
export const columnsOf: Record<DocumentKind, ListColumn[]> = {
  incoming: [
    listedDate('registered'),
    regNumber('regNumber'),
    party('sender'),
    {
      id: 'documentNumber',
      header: 'documentNumber',
      cell: (doc) => or(doc.documentNumber ?? ''),
      filter: { type: 'text', key: 'documentNumber' },
    },
    {
      id: 'documentDate',
      header: 'documentDate',
      cell: (doc) => or(formatDate(doc.documentDate)),
      filter: { type: 'date', key: 'documentDate' },
      className: 'nowrap',
    },
    summary,
    documentType,
    employeeColumn('addressee', 'addressee', (d) => d.addresseeId, 'addresseeId'),
    status,
    control,
  ],
  outgoing: [
    listedDate('registered'),
    regNumber('regNumber'),
    party('recipients'),
    summary,
    documentType,
    employeeColumn('signatory', 'signatory', (d) => d.outgoing?.signatoryId, 'signatoryId'),
    status,
  ],
  internal: [
    listedDate('date'),
    regNumber('regNumber'),
    summary,
    documentType,
    employeeColumn('author', 'author', (d) => d.authorId, 'authorId'),
    status,
  ],
  order: [
    listedDate('date'),
    regNumber('number'),
    {
      id: 'category',
      header: 'category',
      cell: (doc, { t }) => (doc.order ? t(`docList.category.${doc.order.category}`) : dash),
      filter: {
        type: 'select',
        key: 'category',
        options: ({ t }) => orderCategories.map((c) => ({ value: c, label: t(`docList.category.${c}`) })),
      },
    },
    summary,
    status,
  ],
};

/** A filter that has no column in a list goes to "more filters" above the table. */
export interface ExtraFilter {
  header: string;
  spec: FilterSpec;
}

export function extraFiltersOf(kind: DocumentKind): ExtraFilter[] {
  return extraFiltersFor(columnsOf[kind]);
}

/** The filters of the filter row that the given columns do not show. */
export function extraFiltersFor<T>(columns: ListColumn<T>[]): ExtraFilter[] {
  const inColumns = new Set(
    columns.flatMap((c) => (c.filter ? [c.filter.type === 'control' ? 'controllerId' : c.filter.key] : [])),
  );
  const candidates: ExtraFilter[] = [
    { header: 'classification', spec: referenceFilter('classificationId', 'classifications') },
    { header: 'nomenclature', spec: referenceFilter('nomenclatureId', 'nomenclature') },
    { header: 'documentType', spec: referenceFilter('documentTypeId', 'documentTypes') },
    { header: 'addressee', spec: employeeFilter('addresseeId') },
    { header: 'control', spec: { type: 'control' } },
  ];
  return candidates.filter((c) => !inColumns.has(c.spec.type === 'control' ? 'controllerId' : c.spec.key));
}
