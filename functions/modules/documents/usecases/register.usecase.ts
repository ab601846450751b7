import { setFields } from '../../../platform/kernel/objects';
import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { Actor, AggregateMeta } from '../../../platform/kernel/aggregate';
import {
  diffDocuments,
  optionalEditableFields,
  type DocumentData,
  type DocumentKind,
  type DocumentRecord,
  type Sender,
} from '../domain/document';
import { statusMachines, transition } from '../domain/status';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { ReferenceItem } from '../../reference';
import type { ApprovalRouteTemplateData } from '../domain/route-copy';
import type { LinkWrite } from '../ports';
import type { documentInputs, documentUpdates } from './inputs';
import {
  allow,
  assertDocuments,
  assertEmployees,
  assertReferences,
  assertVersion,
  hasRole,
  unknownReference,
  visibleDocument,
  type DocumentDeps,
} from './common';
import { commitWithAddresseeLines } from './addressee-lines';
import { chooseJournal, namedJournal, numberRequest } from './numbering';
import { assertKnown, isActive } from '../../../platform/kernel/aggregates';

export type DocumentInput<K extends DocumentKind> = z.output<(typeof documentInputs)[K]>;
export type DocumentUpdate<K extends DocumentKind> = z.output<(typeof documentUpdates)[K]>;
type AnyInput = DocumentInput<DocumentKind>;
type Counterpart = Extract<ReferenceItem, { list: 'counterparts' }>;

/** Who may create a document of a kind. Incoming mail is registered by the registry office. */
function mayCreate(actor: Actor, kind: DocumentKind): boolean {
  if (kind === 'incoming') return hasRole(actor, 'clerk');
  return true;
}

/** Incoming and outgoing documents get their number when created; the others when registered. */
const numberedAtCreation = (kind: DocumentKind) => kind === 'incoming' || kind === 'outgoing';

async function counterpart(deps: DocumentDeps, tenantId: string, id: string, path: string) {
  const item = await deps.store.get<Counterpart>('ref:counterparts', tenantId, id);
  if (!item || !item.active) throw unknownReference(path);
  return item;
}

/** A route template named on a document: one of the tenant's, made for the document's kind. */
async function assertRouteTemplate(deps: DocumentDeps, tenantId: string, kind: DocumentKind, id: string) {
  const template = await deps.store.get<AggregateMeta & ApprovalRouteTemplateData>(
    'route-template',
    tenantId,
    id,
  );
  if (!template || !template.kinds.includes(kind)) throw unknownReference('routeTemplateId');
}

/** Checks every reference of the input and returns the kind-specific section of the document. */
async function buildSections(
  deps: DocumentDeps,
  actor: Actor,
  kind: DocumentKind,
  input: AnyInput,
  previous?: DocumentRecord,
): Promise<Pick<DocumentData, 'incoming' | 'outgoing' | 'internal' | 'order'>> {
  const t = actor.tenantId;
  await assertReferences(deps, t, [
    ['ref:document-types', input.documentTypeId, 'documentTypeId'],
    ['ref:classifications', input.classificationId, 'classificationId'],
    ['ref:nomenclature', input.nomenclatureId, 'nomenclatureId'],
    ['ref:delivery-forms', input.deliveryFormId, 'deliveryFormId'],
  ]);
  const employees: Array<[string | undefined, string]> = [
    [input.addresseeId, 'addresseeId'],
    [input.controllerId, 'controllerId'],
  ];
  if ('signatoryId' in input) employees.push([input.signatoryId, 'signatoryId']);
  if ('distribution' in input)
    input.distribution.forEach((id, i) => employees.push([id, `distribution.${i}`]));
  if (input.accessList.length > 0 && !input.confidential) {
    throw new BusinessRuleError(
      'access_list_not_confidential',
      'Only a confidential document has an access list',
      {},
      [{ path: 'accessList', code: 'access_list_not_confidential' }],
    );
  }
  input.accessList.forEach((id, i) => employees.push([id, `accessList.${i}`]));
  await assertEmployees(deps, t, employees);

  if (kind === 'incoming' && 'sender' in input) {
    await assertReferences(deps, t, [['ref:physical-forms', input.physicalFormId, 'physicalFormId']]);
    if (input.routeTemplateId) await assertRouteTemplate(deps, t, kind, input.routeTemplateId);
    let sender: Sender;
    if (input.sender.kind === 'organization') {
      const c = await counterpart(deps, t, input.sender.counterpartId, 'sender.counterpartId');
      sender = {
        kind: 'organization',
        counterpartId: c.id,
        name: c.name.az,
        ...(c.voen ? { voen: c.voen } : {}),
        ...(input.sender.contactPerson ? { contactPerson: input.sender.contactPerson } : {}),
      };
    } else {
      sender = { ...input.sender };
    }
    if (!previous) {
      await assertDocuments(deps, actor, [
        [input.repeatOf, 'repeatOf', ['incoming']],
        [input.inReplyTo, 'inReplyTo', ['outgoing']],
      ]);
    }
    return {
      incoming: {
        sender,
        ...(input.routeTemplateId ? { routeTemplateId: input.routeTemplateId } : {}),
        ...(input.physicalFormId ? { physicalFormId: input.physicalFormId } : {}),
        ...(input.pageCount ? { pageCount: input.pageCount } : {}),
        distribution: input.distribution,
        ...((previous?.incoming?.repeatOf ?? input.repeatOf)
          ? { repeatOf: previous?.incoming?.repeatOf ?? input.repeatOf }
          : {}),
      },
    };
  }
  if (kind === 'outgoing' && 'recipients' in input) {
    const counterparts = await assertKnown<Counterpart>(
      deps,
      t,
      input.recipients.map(
        (r, i) => ['ref:counterparts', r.counterpartId, `recipients.${i}.counterpartId`] as const,
      ),
      isActive,
    );
    const recipients = [];
    for (const r of input.recipients) {
      const c = r.counterpartId ? counterparts('ref:counterparts', r.counterpartId) : undefined;
      const mail = r.email ?? c?.email;
      recipients.push({
        ...(c ? { counterpartId: c.id } : {}),
        name: r.name ?? c?.name.az ?? '',
        ...(mail ? { email: mail } : {}),
        ...(r.contactPerson ? { contactPerson: r.contactPerson } : {}),
      });
    }
    if (!previous)
      await assertDocuments(deps, actor, [[input.inReplyTo, 'inReplyTo', ['incoming', 'internal']]]);
    const inReplyTo = previous?.outgoing?.inReplyTo ?? input.inReplyTo;
    return {
      outgoing: {
        signatoryId: input.signatoryId,
        ...(input.content ? { content: input.content } : {}),
        recipients,
        ...(inReplyTo ? { inReplyTo } : {}),
        dispatches: previous?.outgoing?.dispatches ?? [],
        ...(previous?.outgoing?.deliveries ? { deliveries: previous.outgoing.deliveries } : {}),
        ...(input.receiptDays ? { receiptDays: input.receiptDays } : {}),
      },
    };
  }
  if (kind === 'internal') {
    const i = input as DocumentInput<'internal'>;
    if (!previous) await assertDocuments(deps, actor, [[i.answersId, 'answersId']]);
    const answersId = previous?.internal?.answersId ?? i.answersId;
    return {
      internal: {
        ...(previous?.internal ?? {}),
        ...(i.signatoryId ? { signatoryId: i.signatoryId } : { signatoryId: undefined }),
        ...(i.executionCharacter ? { executionCharacter: i.executionCharacter } : {}),
        ...(answersId ? { answersId } : {}),
        ...(i.extraInfo ? { extraInfo: i.extraInfo } : {}),
      },
    };
  }
  const o = input as DocumentInput<'order'>;
  return {
    order: {
      ...(previous?.order ?? {}),
      category: o.category,
      ...(o.signatoryId ? { signatoryId: o.signatoryId } : {}),
    },
  };
}

/** Employees who take part in the document and so may see it. */
function participantsOf(doc: Omit<DocumentData, 'participants'>, extra: string[] = []): string[] {
  const ids = [
    doc.authorId,
    doc.addresseeId,
    doc.controllerId,
    doc.outgoing?.signatoryId,
    doc.internal?.signatoryId,
    doc.order?.signatoryId,
    ...(doc.incoming?.distribution ?? []),
    ...extra,
  ];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== 'system'))];
}

function baseData(input: AnyInput) {
  return {
    summary: input.summary,
    ...setFields(
      input as Partial<Pick<DocumentData, (typeof optionalEditableFields)[number]>>,
      optionalEditableFields,
    ),
    controlled: input.controlled || input.controllerId !== undefined,
    ...(input.confidential ? { confidential: true, accessList: [...new Set(input.accessList)] } : {}),
  };
}

/** Look-up keys of an incoming document for repeat detection. */
export function lookupKeys(
  doc: Pick<DocumentData, 'incoming' | 'documentNumber' | 'documentDate'>,
): string[] {
  const sender = doc.incoming?.sender;
  if (!sender) return [];
  const keys: string[] = [];
  const senderKey =
    sender.kind === 'organization'
      ? `org:${sender.counterpartId}`
      : sender.fin
        ? `fin:${sender.fin}`
        : undefined;
  if (sender.kind === 'citizen' && sender.fin) keys.push(`fin:${sender.fin}`);
  if (sender.kind === 'organization') keys.push(senderKey!);
  if (senderKey && doc.documentNumber) {
    keys.push(`number:${senderKey}:${doc.documentNumber.toLocaleLowerCase('az')}:${doc.documentDate ?? '-'}`);
  }
  return keys;
}

/** Registers an incoming or outgoing document, or creates an internal document or order draft. */
export async function createDocument<K extends DocumentKind>(
  deps: DocumentDeps,
  actor: Actor,
  kind: K,
  input: DocumentInput<K>,
  idempotency?: { key: string; requestHash: string },
): Promise<DocumentRecord> {
  allow(mayCreate(actor, kind), `create ${kind}`);
  const now = deps.clock.now().toISOString();
  const sections = await buildSections(deps, actor, kind, input);
  // A journal named at creation fits the kind even where the number comes later (internal, order).
  const journal = input.journalId
    ? await namedJournal(deps, actor.tenantId, kind, input.journalId)
    : undefined;
  const departmentId = actor.departmentIds?.[0];
  const draft: Omit<DocumentData, 'participants'> = {
    kind,
    status: statusMachines[kind].initial,
    ...baseData(input),
    authorId: actor.employeeId,
    ...(departmentId ? { departmentId } : {}),
    contents: [],
    ...sections,
  };
  const doc: DocumentRecord = {
    ...draft,
    participants: participantsOf(draft),
    id: randomUUID(),
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };

  const links: LinkWrite[] = [];
  if (doc.incoming?.repeatOf) links.push({ from: doc.id, to: doc.incoming.repeatOf, type: 'repeat' });
  if ('inReplyTo' in input && input.inReplyTo)
    links.push({ from: doc.id, to: input.inReplyTo, type: 'reply' });
  if (doc.internal?.answersId) links.push({ from: doc.id, to: doc.internal.answersId, type: 'reply' });

  const numbering = numberedAtCreation(kind)
    ? await numberRequest(deps, doc, await chooseJournal(deps, doc, journal?.id), now)
    : undefined;
  const result = await commitWithAddresseeLines(deps, undefined, {
    document: doc,
    ...(numbering ? { numbering } : {}),
    operation: {
      actorId: actor.employeeId,
      action: numbering ? 'register' : 'create',
      changes: diffDocuments(undefined, numbering ? numbering.apply(0) : doc).filter(
        (c) => c.field !== 'registration',
      ),
    },
    ...(idempotency ? { idempotency } : {}),
    lookups: lookupKeys(doc).map((key) => ({ key })),
    links,
  });
  // A replay hands back a document made earlier: only as far as the caller may still see it now.
  if (result.replayed) return visibleDocument(deps, actor, result.document.id);
  if (numbering) deps.metrics?.count('DocumentRegistered', { kind });
  return result.document;
}

/** Edits the registration data while the status allows it. */
export async function updateDocument<K extends DocumentKind>(
  deps: DocumentDeps,
  actor: Actor,
  id: string,
  kind: K,
  input: DocumentUpdate<K>,
): Promise<DocumentRecord> {
  const current = await visibleDocument(deps, actor, id);
  if (current.kind !== kind) {
    throw new BusinessRuleError('wrong_kind', 'The document is of another kind', { kind: current.kind });
  }
  assertVersion(current, (input as { version: number }).version);
  transition(current.kind, current.status, 'update');
  const mayEdit =
    hasRole(actor, 'clerk') || (current.kind !== 'incoming' && current.authorId === actor.employeeId);
  allow(mayEdit, 'update');
  const { version, ...rest } = input as DocumentUpdate<K> & { version: number };
  const sections = await buildSections(deps, actor, kind, rest as unknown as AnyInput, current);
  const next: DocumentRecord = {
    ...clearEditable(current),
    ...baseData(rest as unknown as AnyInput),
    ...sections,
    updatedAt: deps.clock.now().toISOString(),
  };
  next.participants = [...new Set([...current.participants, ...participantsOf(next)])];
  const result = await commitWithAddresseeLines(deps, current, {
    document: next,
    expectedVersion: version,
    operation: { actorId: actor.employeeId, action: 'update', changes: diffDocuments(current, next) },
    lookups: lookupKeys(next)
      .filter((k) => !lookupKeys(current).includes(k))
      .map((key) => ({ key })),
  });
  return result.document;
}

/** The document without its editable fields, so an update that omits one clears it. */
function clearEditable(doc: DocumentRecord): DocumentRecord {
  const copy = { ...doc };
  for (const field of optionalEditableFields) delete copy[field];
  // Confidentiality is edited as a whole: an update without it makes the document ordinary again.
  delete copy.confidential;
  delete copy.accessList;
  return copy;
}
