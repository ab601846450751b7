'use client';

import { pickText, type Locale } from '../../../lib/i18n';
import { loadLookups, type DocumentLookups } from '../api';
import type { DocumentKind } from '../types';
import type { ReferenceItem } from '../../../api/contract';
import { useLoad } from '../../../lib/use-load';

export type { DocumentLookups } from '../api';

/** Reference lists and employees, loaded once per page. */
export function useLookups() {
  return useLoad(loadLookups, []);
}

export interface Option {
  value: string;
  label: string;
}

const byLabel = (locale: Locale) => (a: Option, b: Option) => a.label.localeCompare(b.label, locale);

/** The label of a reference item as the lists show it (nomenclature with its index, codes first). */
export function refLabel(item: ReferenceItem, locale: Locale): string {
  const name = pickText(item.name, locale);
  if (typeof item.index === 'string' && item.index) return `${item.index} — ${name}`;
  return name;
}

/** Options of a flat list: active items (and the current value even if inactive), sorted by name. */
export function refOptions(items: ReferenceItem[], locale: Locale, current?: string): Option[] {
  return items
    .filter((i) => i.active || i.id === current)
    .map((i) => ({ value: i.id, label: refLabel(i, locale) }))
    .sort(byLabel(locale));
}

/** Options of a tree list (classifications, regions) in tree order, indented by depth, with codes if asked. */
export function treeOptions(
  items: ReferenceItem[],
  locale: Locale,
  current?: string,
  withCodes = true,
): Option[] {
  const visible = items.filter((i) => i.active || i.id === current);
  const ids = new Set(visible.map((i) => i.id));
  const children = new Map<string, ReferenceItem[]>();
  for (const item of visible) {
    const parentId = typeof item.parentId === 'string' ? item.parentId : '';
    const parent = ids.has(parentId) ? parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const label = (i: ReferenceItem) => `${withCodes && i.code ? `${i.code} ` : ''}${pickText(i.name, locale)}`;
  const out: Option[] = [];
  const walk = (parent: string, depth: number) => {
    const key = (i: ReferenceItem) => (withCodes ? (i.code ?? label(i)) : label(i));
    const list = [...(children.get(parent) ?? [])].sort((a, b) =>
      key(a).localeCompare(key(b), locale, { numeric: true }),
    );
    for (const item of list) {
      out.push({ value: item.id, label: `${'— '.repeat(depth)}${label(item)}` });
      if (depth < 10) walk(item.id, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

/** Journals that may number a document of the kind. */
export function journalOptions(items: ReferenceItem[], kind: DocumentKind, locale: Locale): Option[] {
  return items
    .filter((j) => j.active && (j.documentKind === kind || j.documentKind === 'any'))
    .map((j) => ({ value: j.id, label: `${j.code ?? ''} — ${pickText(j.name, locale)}` }))
    .sort(byLabel(locale));
}

export function employeeOptions(lookups: DocumentLookups | undefined, locale: Locale, current?: string[]) {
  return (lookups?.employees ?? [])
    .filter((e) => e.active || current?.includes(e.id))
    .map((e) => ({ value: e.id, label: e.fullName }))
    .sort(byLabel(locale));
}

/** Names of ids the card shows: employees and reference items, or the id itself when unknown. */
export function resolver(lookups: DocumentLookups | undefined, locale: Locale) {
  const employees = new Map((lookups?.employees ?? []).map((e) => [e.id, e.fullName]));
  const refs = new Map<string, ReferenceItem>();
  if (lookups) {
    for (const list of [
      lookups.documentTypes,
      lookups.deliveryForms,
      lookups.physicalForms,
      lookups.classifications,
      lookups.nomenclature,
      lookups.journals,
      lookups.counterparts,
    ]) {
      for (const item of list) refs.set(item.id, item);
    }
  }
  return {
    employee: (id: string | undefined) => (id ? (employees.get(id) ?? id) : ''),
    ref: (id: string | undefined) => {
      if (!id) return '';
      const item = refs.get(id);
      return item ? refLabel(item, locale) : id;
    },
    refItem: (id: string | undefined) => (id ? refs.get(id) : undefined),
    /** Any id: an employee, a reference item, or unknown (then undefined). */
    any: (id: string) => employees.get(id) ?? (refs.get(id) ? refLabel(refs.get(id)!, locale) : undefined),
  };
}

export type Resolver = ReturnType<typeof resolver>;
