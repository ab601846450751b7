import { allPages } from '../../../platform/kernel/aggregate';
import { toBakuLocal } from '../domain/date-filter';
import type { DocumentKind, DocumentRecord } from '../domain/document';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { Department } from '../../org';
import {
  formatRegistrationNumber,
  journalAdmits,
  matchingRules,
  type JournalFacts,
  type JournalRule,
  type ReferenceItem,
} from '../../reference';
import type { NumberRequest } from '../ports';
import { unknownReference, type DocumentDeps } from './common';

type Journal = Extract<ReferenceItem, { list: 'journals' }>;
type Nomenclature = Extract<ReferenceItem, { list: 'nomenclature' }>;

/** A journal a request names: an active journal of the tenant for the document's kind (or any kind). */
export async function namedJournal(
  deps: DocumentDeps,
  tenantId: string,
  kind: DocumentKind,
  journalId: string,
  path = 'journalId',
): Promise<Journal> {
  const j = await deps.store.get<Journal>('ref:journals', tenantId, journalId);
  if (!j || !j.active || (j.documentKind !== kind && j.documentKind !== 'any')) throw unknownReference(path);
  return j;
}

/** The active journal rules of the tenant written for a kind of document. */
async function rulesFor(deps: DocumentDeps, tenantId: string, kind: DocumentKind): Promise<JournalRule[]> {
  return (await allPages((page) => deps.store.list<JournalRule>('ref:journal-rules', tenantId, page))).filter(
    (r) => r.active && r.documentKind === kind,
  );
}

/** The document's classification and every one above it (a rule on a branch holds for its leaves). */
async function classificationPath(deps: DocumentDeps, doc: DocumentRecord): Promise<string[]> {
  const path: string[] = [];
  let id = doc.classificationId;
  // The tree is acyclic (checked when edited); the bound only guards against a damaged one.
  while (id && !path.includes(id) && path.length < 20) {
    path.push(id);
    id = (await deps.store.get<ReferenceItem>('ref:classifications', doc.tenantId, id))?.parentId;
  }
  return path;
}

/** What the journal rules look at in a document. */
export async function journalFacts(deps: DocumentDeps, doc: DocumentRecord): Promise<JournalFacts> {
  return {
    kind: doc.kind,
    ...(doc.incoming ? { senderKind: doc.incoming.sender.kind } : {}),
    ...(doc.documentTypeId ? { documentTypeId: doc.documentTypeId } : {}),
    classificationPath: await classificationPath(deps, doc),
    ...(doc.departmentId ? { departmentId: doc.departmentId } : {}),
    ...(doc.deliveryFormId ? { deliveryFormId: doc.deliveryFormId } : {}),
  };
}

/**
 * The journal that numbers a document; a confidential document only a journal kept for them, any
 * other document never one (422 `journal_confidentiality_mismatch` on a named journal). A journal asked for must take the document's kind and, where
 * the agency's journal rules keep that journal for some documents, be one of them (422
 * `journal_rule_mismatch` on `journalId`). Otherwise the first rule the document meets names the
 * journal (in the rules' order; a rule whose journal is closed or cannot print this document's
 * number is passed over); with no rule, the most specific active journal of the kind — matching
 * the nomenclature, then the department, then the kind alone — else a journal for any kind.
 */
export async function chooseJournal(
  deps: DocumentDeps,
  doc: DocumentRecord,
  journalId?: string,
): Promise<Journal> {
  const { tenantId, kind } = doc;
  const rules = await rulesFor(deps, tenantId, kind);
  const facts = rules.length > 0 ? await journalFacts(deps, doc) : undefined;
  // Confidential documents have their own journals (Decree 179), and only they go there.
  const fits = (j: Journal) => (j.confidential === true) === (doc.confidential === true);
  if (journalId) {
    const named = await namedJournal(deps, tenantId, kind, journalId);
    if (!fits(named)) {
      throw new BusinessRuleError(
        'journal_confidentiality_mismatch',
        doc.confidential
          ? 'A confidential document goes into a journal for confidential documents'
          : 'This journal is kept for confidential documents',
        { kind },
        [{ path: 'journalId', code: 'journal_confidentiality_mismatch' }],
      );
    }
    if (facts && !journalAdmits(rules, named.id, facts)) {
      throw new BusinessRuleError(
        'journal_rule_mismatch',
        'The journal rules keep this journal for other documents',
        { kind },
        [{ path: 'journalId', code: 'journal_rule_mismatch' }],
      );
    }
    return named;
  }
  const journals = (
    await allPages((page) => deps.store.list<Journal>('ref:journals', tenantId, page))
  ).filter((j) => j.active && fits(j));
  // A pattern with {index} or {dept} needs a nomenclature or department to fill it (no "/1" numbers).
  const usable = (j: Journal) =>
    (!j.pattern.includes('{index}') || doc.nomenclatureId !== undefined) &&
    (!j.pattern.includes('{dept}') || doc.departmentId !== undefined);
  for (const rule of facts ? matchingRules(rules, facts) : []) {
    const j = journals.find((x) => x.id === rule.journalId);
    if (j && (j.documentKind === kind || j.documentKind === 'any') && usable(j)) return j;
  }
  const ofKind = journals.filter((j) => j.documentKind === kind && usable(j));
  const pick =
    (doc.nomenclatureId && ofKind.find((j) => j.nomenclatureId === doc.nomenclatureId)) ||
    (doc.departmentId && ofKind.find((j) => j.departmentId === doc.departmentId && !j.nomenclatureId)) ||
    // Of several general journals of the kind, the one coded like the kind is the default.
    ofKind.find((j) => !j.departmentId && !j.nomenclatureId && j.code === kind) ||
    ofKind.find((j) => !j.departmentId && !j.nomenclatureId) ||
    journals.find((j) => j.documentKind === 'any' && !j.departmentId && !j.nomenclatureId && usable(j)) ||
    // A confidential document of a kind without its own confidential journal: any confidential one.
    (doc.confidential ? journals.find((j) => j.documentKind === 'any' && usable(j)) : undefined);
  if (!pick) {
    throw new BusinessRuleError('no_journal', 'No registration journal for this document', { kind }, [
      { path: 'journalId', code: 'no_journal' },
    ]);
  }
  return pick;
}

/** Builds the numbering request: the number is formatted once the store knows the sequence value. */
export async function numberRequest(
  deps: DocumentDeps,
  doc: DocumentRecord,
  journal: Journal,
  at: string,
): Promise<NumberRequest> {
  const year = Number(toBakuLocal(at).slice(0, 4));
  // Read the nomenclature and department only when the pattern prints them.
  const nomenclature =
    doc.nomenclatureId && journal.pattern.includes('{index}')
      ? await deps.store.get<Nomenclature>('ref:nomenclature', doc.tenantId, doc.nomenclatureId)
      : undefined;
  const department =
    doc.departmentId && journal.pattern.includes('{dept}')
      ? await deps.store.get<Department>('department', doc.tenantId, doc.departmentId)
      : undefined;
  return {
    journalId: journal.id,
    year,
    apply: (seq) => ({
      ...doc,
      registration: {
        journalId: journal.id,
        year,
        seq,
        at,
        number: formatRegistrationNumber(journal.pattern, {
          seq,
          year,
          ...(nomenclature ? { nomenclatureIndex: nomenclature.index } : {}),
          ...(department ? { departmentCode: department.code } : {}),
        }),
      },
    }),
  };
}
