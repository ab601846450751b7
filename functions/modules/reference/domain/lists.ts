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
  'journal-rules',
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
/** The kinds a journal rule is written for (a rule is always about one kind of document). */
export const ruleDocumentKinds = ['incoming', 'outgoing', 'internal', 'order'] as const;
export type RuleDocumentKind = (typeof ruleDocumentKinds)[number];
/** Who sent an incoming document, as the journal rules tell them apart. */
export const senderKinds = ['citizen', 'organization'] as const;
export type SenderKind = (typeof senderKinds)[number];
export const counterpartKinds = ['state-body', 'organization'] as const;
export const regionKinds = ['city', 'district', 'autonomous-republic', 'settlement'] as const;

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
      /** Kept for confidential documents (Decree 179): they go here, and only they. */
      confidential?: boolean;
    })
  | (Common & {
      list: 'counterparts';
      kind: (typeof counterpartKinds)[number];
      voen?: string;
      email?: string;
      phone?: string;
      /** Legal address: the street and building; the place is `regionId`, down to a settlement. */
      address?: string;
      /** The most precise item of the regions list the address lies in (settlement, district, city). */
      regionId?: string;
      postalCode?: string;
      /** The body this one works under (another counterpart), e.g. a service under its ministry. */
      parentBodyId?: string;
      /** Takes documents electronically (by e-mail), so an e-mail address is required. */
      receivesElectronically?: boolean;
    })
  | (Common & { list: 'regions'; kind: (typeof regionKinds)[number] })
  | (Common & JournalRuleData & { list: 'journal-rules' });

/**
 * A rule of the agency that sends documents to a journal by themselves (Gap 8): a document of the
 * rule's kind whose facts meet every condition the rule sets goes to the rule's journal. Empty
 * lists and an absent sender kind set no condition.
 */
export interface JournalRuleData {
  journalId: string;
  documentKind: RuleDocumentKind;
  /** Lower numbers are tried first. */
  priority: number;
  senderKind?: SenderKind;
  documentTypeIds: string[];
  /** A classification matches its own documents and those of every classification under it. */
  classificationIds: string[];
  departmentIds: string[];
  deliveryFormIds: string[];
}

export type ReferenceItem = AggregateMeta & ReferenceItemData;
export type JournalRule = Extract<ReferenceItem, { list: 'journal-rules' }>;

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
