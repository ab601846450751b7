import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { LocalizedText } from '../../../platform/kernel/text';
import { BusinessRuleError } from '../../../platform/kernel/errors';

/** The reference lists (Siyahılar) of a tenant. Tree lists link items by parentId. */
export const referenceLists = [
  'document-types',
  'delivery-forms',
  'physical-forms',
  'classifications',
  'nomenclature',
  'journals',
  'counterparts',
  'regions',
] as const;
export type ReferenceListName = (typeof referenceLists)[number];

export const treeLists: ReadonlySet<ReferenceListName> = new Set(['classifications', 'regions']);

/**
 * Items per page: a tree list loads whole in one request (its items only make sense together), up
 * to a bound that keeps one answer small (a DynamoDB page is 1 MB at most; a larger tree still
 * arrives whole by following `nextCursor`); a flat list pages like every other list.
 */
export const TREE_LIST_PAGE = 2000;
export const FLAT_LIST_PAGE = 100;

export const documentKinds = ['incoming', 'outgoing', 'internal', 'order', 'any'] as const;
export type DocumentKindScope = (typeof documentKinds)[number];

interface Common {
  name: LocalizedText;
  code?: string;
  parentId?: string;
  active: boolean;
}

export type ReferenceItemData =
  | (Common & { list: 'document-types' | 'delivery-forms' | 'physical-forms' | 'classifications' })
  | (Common & { list: 'nomenclature'; index: string; retentionYears: number | null; departmentId?: string })
  | (Common & {
      list: 'journals';
      code: string;
      pattern: string;
      documentKind: DocumentKindScope;
      departmentId?: string;
      nomenclatureId?: string;
    })
  | (Common & {
      list: 'counterparts';
      kind: 'state-body' | 'organization';
      voen?: string;
      email?: string;
      phone?: string;
      address?: string;
    })
  | (Common & { list: 'regions'; kind: 'city' | 'district' | 'autonomous-republic' | 'settlement' });

export type ReferenceItem = AggregateMeta & ReferenceItemData;

/** Tokens of a registration journal's numbering pattern. */
const token = /\{(seq(?::(\d{1,2}))?|year|yy|index|dept)\}/g;

export interface NumberingContext {
  seq: number;
  year: number;
  nomenclatureIndex?: string;
  departmentCode?: string;
}

/** A pattern must hold {seq} exactly once and only known tokens; the sequence restarts each year. */
export function validateJournalPattern(pattern: string): void {
  const unknown = pattern.replace(token, '').match(/[{}]/);
  const seqCount = [...pattern.matchAll(token)].filter((m) => m[1]?.startsWith('seq')).length;
  if (unknown || seqCount !== 1 || pattern.length > 60) {
    throw new BusinessRuleError('invalid_journal_pattern', 'Invalid numbering pattern', { pattern }, [
      { path: 'pattern', code: 'invalid_journal_pattern' },
    ]);
  }
}

export function formatRegistrationNumber(pattern: string, ctx: NumberingContext): string {
  return pattern.replace(token, (_whole, name: string, width: string | undefined) => {
    if (name.startsWith('seq')) return String(ctx.seq).padStart(width ? Number(width) : 0, '0');
    if (name === 'year') return String(ctx.year);
    if (name === 'yy') return String(ctx.year % 100).padStart(2, '0');
    if (name === 'index') return ctx.nomenclatureIndex ?? '';
    return ctx.departmentCode ?? '';
  });
}
