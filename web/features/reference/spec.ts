import {
  counterpartKinds,
  journalKinds,
  regionKinds,
  ruleDocumentKinds,
  senderKinds,
  type ReferenceListName,
} from '../../api/contract';

export type ExtraField =
  | { kind: 'text'; name: string; required?: boolean; type?: 'text' | 'email' | 'tel'; column?: boolean }
  /** `optional`: an empty choice that sends nothing. */
  | {
      kind: 'enum';
      name: string;
      values: readonly string[];
      required?: boolean;
      optional?: boolean;
      column?: boolean;
    }
  | { kind: 'number'; name: string; min: number; max: number; initial: number; column?: boolean }
  | { kind: 'boolean'; name: string; column?: boolean }
  | { kind: 'retention'; name: 'retentionYears'; column?: boolean }
  | { kind: 'department'; name: 'departmentId'; column?: boolean }
  | { kind: 'departments'; name: string; column?: boolean }
  | { kind: 'nomenclature'; name: 'nomenclatureId'; column?: boolean }
  /** Items of another list (tree lists in tree order): one, or several as checkboxes. */
  | {
      kind: 'ref';
      name: string;
      list: ReferenceListName;
      multiple?: boolean;
      required?: boolean;
      column?: boolean;
    }
  | { kind: 'pattern'; name: 'pattern'; column?: boolean };

export interface ReferenceListSpec {
  /** Items form a tree through parentId (browsed level by level). */
  tree?: boolean;
  codeRequired?: boolean;
  fields: ExtraField[];
}

export const referenceSpecs: Record<ReferenceListName, ReferenceListSpec> = {
  'document-types': { fields: [] },
  'delivery-forms': { fields: [] },
  'physical-forms': { fields: [] },
  classifications: { tree: true, fields: [] },
  nomenclature: {
    fields: [
      { kind: 'text', name: 'index', required: true, column: true },
      { kind: 'retention', name: 'retentionYears', column: true },
      { kind: 'department', name: 'departmentId', column: true },
    ],
  },
  journals: {
    codeRequired: true,
    fields: [
      { kind: 'pattern', name: 'pattern', column: true },
      { kind: 'enum', name: 'documentKind', values: journalKinds, required: true, column: true },
      { kind: 'department', name: 'departmentId', column: true },
      { kind: 'nomenclature', name: 'nomenclatureId' },
    ],
  },
  counterparts: {
    fields: [
      { kind: 'enum', name: 'kind', values: counterpartKinds, required: true, column: true },
      { kind: 'text', name: 'voen', column: true },
      { kind: 'ref', name: 'parentBodyId', list: 'counterparts' },
      { kind: 'ref', name: 'regionId', list: 'regions', column: true },
      { kind: 'text', name: 'postalCode' },
      { kind: 'text', name: 'address' },
      { kind: 'text', name: 'email', type: 'email', column: true },
      { kind: 'text', name: 'phone', type: 'tel' },
      { kind: 'boolean', name: 'receivesElectronically', column: true },
    ],
  },
  regions: {
    tree: true,
    fields: [
      {
        kind: 'enum',
        name: 'kind',
        values: regionKinds,
        required: true,
        column: true,
      },
    ],
  },
  'journal-rules': {
    fields: [
      { kind: 'number', name: 'priority', min: 1, max: 999, initial: 100, column: true },
      { kind: 'enum', name: 'documentKind', values: ruleDocumentKinds, required: true, column: true },
      { kind: 'ref', name: 'journalId', list: 'journals', required: true, column: true },
      { kind: 'enum', name: 'senderKind', values: senderKinds, optional: true, column: true },
      { kind: 'ref', name: 'documentTypeIds', list: 'document-types', multiple: true },
      { kind: 'ref', name: 'classificationIds', list: 'classifications', multiple: true },
      { kind: 'departments', name: 'departmentIds' },
      { kind: 'ref', name: 'deliveryFormIds', list: 'delivery-forms', multiple: true },
    ],
  },
};

const TOKEN = /\{(seq(?::(\d{1,2}))?|year|yy|index|dept)\}/g;
const ANY_TOKEN = /\{[^}]*\}/g;

/** Tokens of a journal pattern that the numbering does not know (shown as a field error). */
export function unknownTokens(pattern: string): string[] {
  return (pattern.match(ANY_TOKEN) ?? []).filter(
    (tok) => !/^\{(seq(:\d{1,2})?|year|yy|index|dept)\}$/.test(tok),
  );
}

/** What a registration number made from the pattern looks like, for the preview next to the field. */
export function previewPattern(
  pattern: string,
  sample: { seq: number; year: number; index: string; dept: string },
): string {
  return pattern.replace(TOKEN, (_all, token: string, width?: string) => {
    if (token.startsWith('seq'))
      return width ? String(sample.seq).padStart(Number(width), '0') : String(sample.seq);
    if (token === 'year') return String(sample.year);
    if (token === 'yy') return String(sample.year % 100).padStart(2, '0');
    if (token === 'index') return sample.index;
    return sample.dept;
  });
}
