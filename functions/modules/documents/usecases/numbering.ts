import { allPages } from '../../../platform/kernel/aggregate';
import { toBakuLocal } from '../domain/date-filter';
import type { DocumentKind, DocumentRecord } from '../domain/document';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { Department } from '../../org';
import { formatRegistrationNumber, type ReferenceItem } from '../../reference';
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

/**
 * The journal of a registration: the one asked for, else the most specific active journal of the
 * kind — matching the nomenclature, then the department, then the kind alone — else a journal for
 * any kind.
 */
export async function chooseJournal(
  deps: DocumentDeps,
  tenantId: string,
  kind: DocumentKind,
  hints: { journalId?: string; nomenclatureId?: string; departmentId?: string },
): Promise<Journal> {
  const noJournal = (path: string) =>
    new BusinessRuleError('no_journal', 'No registration journal for this document', { kind }, [
      { path, code: 'no_journal' },
    ]);
  if (hints.journalId) return namedJournal(deps, tenantId, kind, hints.journalId);
  const journals = (
    await allPages((page) => deps.store.list<Journal>('ref:journals', tenantId, page))
  ).filter((j) => j.active);
  // A pattern with {index} or {dept} needs a nomenclature or department to fill it (no "/1" numbers).
  const usable = (j: Journal) =>
    (!j.pattern.includes('{index}') || hints.nomenclatureId !== undefined) &&
    (!j.pattern.includes('{dept}') || hints.departmentId !== undefined);
  const ofKind = journals.filter((j) => j.documentKind === kind && usable(j));
  const pick =
    (hints.nomenclatureId && ofKind.find((j) => j.nomenclatureId === hints.nomenclatureId)) ||
    (hints.departmentId && ofKind.find((j) => j.departmentId === hints.departmentId && !j.nomenclatureId)) ||
    // Of several general journals of the kind, the one coded like the kind is the default.
    ofKind.find((j) => !j.departmentId && !j.nomenclatureId && j.code === kind) ||
    ofKind.find((j) => !j.departmentId && !j.nomenclatureId) ||
    journals.find((j) => j.documentKind === 'any' && !j.departmentId && !j.nomenclatureId && usable(j));
  if (!pick) throw noJournal('journalId');
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
