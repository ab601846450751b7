import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { allItems, apiClient, tokenFor, type Api, type ListItem } from '../../support/api';
import { unique } from '../documents/helpers';

/**
 * Every id in a request body or query names an object of the caller's tenant, of the right kind
 * (and, for a document, one the caller may see). Anything else — a made-up id, another tenant's
 * object, an object of another kind, a document the caller may not see — is 422 `unknown_reference`
 * on the field's path, and nothing is written.
 */

type Item = ListItem;
type Problem = { status: number; code: string; errors?: Array<{ path: string; code: string }> };
type Variant = 'random' | 'other tenant' | 'wrong kind' | 'not visible';

const baseUrl = inject('baseUrl');
let admin: Api;
let clerk: Api;
let head: Api;
let exec1: Api;
let adminB: Api;

/** Ids of tenant A (the caller's) and tenant B (demo2) objects, filled in beforeAll. */
const A: Record<string, string> = {};
const B: Record<string, string> = {};

const rand = () => Math.random().toString(36).slice(2, 8);
/** The embedded default's clock (it may start anywhere, and other tests move it on). */
let serverNow = Date.now();
const future = (days: number) => new Date(serverNow + days * 86_400_000).toISOString().slice(0, 10);

async function pick(api: Api, path: string, where: (i: Item) => boolean = (i) => i.active !== false) {
  const found = (await allItems(api, path)).find(where);
  expect(found, `an item of ${path}`).toBeDefined();
  return found!.id;
}

async function created(api: Api, path: string, body: unknown): Promise<Item> {
  const res = await api.post<Item>(path, body);
  expect(res.status, `POST ${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

async function get(api: Api, path: string): Promise<Item> {
  const res = await api.get<Item>(path);
  expect(res.status, `GET ${path}`).toBe(200);
  return res.body;
}

const version = async (api: Api, path: string) => (await get(api, path)).version;

/** What the caller can read back of the objects a request could have written. */
const matching = (api: () => Api, path: string, where: (i: Item) => boolean) => async () =>
  (await allItems(api(), path)).filter(where).map((i) => i.id);
const named = (api: () => Api, path: string, name: string) =>
  matching(api, path, (i) => (i.name as { az?: string } | undefined)?.az === name);
const docsWithSummary = (kind: string, summary: string) =>
  matching(
    () => clerk,
    `/api/v1/documents?kind=${kind}&summary=${encodeURIComponent(summary)}`,
    () => true,
  );
const templatesNamed = (name: string) => async () =>
  ((await get(admin, '/api/v1/approval-route-templates')).items as Item[])
    .filter((t) => t.name === name)
    .map((t) => t.id);
const reading =
  (api: () => Api, ...paths: Array<() => string>) =>
  async () =>
    Promise.all(paths.map(async (p) => get(api(), p())));

interface Case {
  name: string;
  caller: () => Api;
  method: 'GET' | 'POST' | 'PUT';
  path: (value: string) => string;
  /** The request body with `value` in the field under test. */
  body?: (value: string) => Promise<unknown>;
  /** Where the error must point. */
  at: string;
  other: () => string;
  wrong: () => string;
  /** A document of the caller's tenant the caller may not see. */
  hidden?: () => string;
  /** The state that must not change (absent for reads). */
  state?: () => Promise<unknown>;
}

const sync = (f: (v: string) => unknown) => async (v: string) => f(v);

const incomingBody = (summary: string, extra: (v: string) => Record<string, unknown>) =>
  sync((v) => ({
    sender: { kind: 'citizen', name: 'Aysel Məmmədova', fin: '5ZK7QH2' },
    summary,
    ...extra(v),
  }));

function incomingCase(
  field: string,
  wrong: () => string,
  extra?: (v: string) => Record<string, unknown>,
): Case {
  const summary = unique(`Referans ${field}`);
  return {
    name: `POST /documents/incoming ${field}`,
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/incoming',
    body: incomingBody(summary, extra ?? ((v) => ({ [field]: v }))),
    at: field,
    other: () => B[otherKey(field)]!,
    wrong,
    state: docsWithSummary('incoming', summary),
  };
}

/** The tenant-B object of the same kind as the field names. */
function otherKey(field: string): string {
  const map: Record<string, string> = {
    journalId: 'journal',
    documentTypeId: 'docType',
    classificationId: 'classification',
    nomenclatureId: 'nomenclature',
    deliveryFormId: 'deliveryForm',
    physicalFormId: 'physicalForm',
    addresseeId: 'employee',
    controllerId: 'employee',
    signatoryId: 'employee',
    authorId: 'employee',
    employeeId: 'employee',
    substituteId: 'employee',
    distribution: 'employee',
    counterpartId: 'counterpart',
    repeatOf: 'incoming',
    inReplyTo: 'outgoing',
    answersId: 'internal',
    routeTemplateId: 'template',
    templateId: 'template',
    parentId: 'dept',
    departmentId: 'dept',
    headPositionId: 'position',
    positionId: 'position',
    positionIds: 'position',
  };
  return map[field] ?? field;
}

const routeStage = (participants: unknown[]) => [{ kind: 'signing', mode: 'sequential', participants }];

function queryCase(
  path: string,
  field: string,
  wrong: () => string,
  other = () => B[otherKey(field)]!,
): Case {
  return {
    name: `GET ${path} ?${field}`,
    caller: () => clerk,
    method: 'GET',
    path: (v) => `/api/v1${path}${path.includes('?') ? '&' : '?'}${field}=${v}`,
    at: field,
    other,
    wrong,
  };
}

const marks = {
  dept: unique('Ref şöbə'),
  deptCode: `R${rand()}`,
  position: unique('Ref vəzifə'),
  employee: unique('Ref İşçi'),
  substitution: unique('Ref əvəzləmə'),
  absence: unique('Ref yoxluq'),
  classification: unique('Ref təsnifat'),
  nomenclature: unique('Ref nomenklatura'),
  journal: unique('Ref jurnal'),
  counterpart: unique('Ref əks-tərəf'),
  rule: unique('Ref jurnal qaydası'),
  template: unique('Ref marşrut'),
  outgoing: unique('Ref çıxan'),
  internal: unique('Ref daxili'),
  order: unique('Ref əmr'),
};

const cases: Case[] = [
  // ------------------------------------------------------------------ org structure
  {
    name: 'POST /departments parentId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/departments',
    body: sync((v) => ({ name: { az: marks.dept }, code: `${marks.deptCode}a`, parentId: v })),
    at: 'parentId',
    other: () => B.dept!,
    wrong: () => A.position!,
    state: named(() => admin, '/api/v1/departments', marks.dept),
  },
  {
    name: 'POST /departments headPositionId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/departments',
    body: sync((v) => ({ name: { az: marks.dept }, code: `${marks.deptCode}b`, headPositionId: v })),
    at: 'headPositionId',
    other: () => B.position!,
    wrong: () => A.dept!,
    state: named(() => admin, '/api/v1/departments', marks.dept),
  },
  {
    name: 'PUT /departments/{id} parentId',
    caller: () => admin,
    method: 'PUT',
    path: () => `/api/v1/departments/${A.myDept}`,
    body: async (v) => ({
      name: { az: A.myDeptName },
      code: A.myDeptCode,
      parentId: v,
      version: await version(admin, `/api/v1/departments/${A.myDept}`),
    }),
    at: 'parentId',
    other: () => B.dept!,
    wrong: () => A.position!,
    state: reading(
      () => admin,
      () => `/api/v1/departments/${A.myDept}`,
    ),
  },
  {
    name: 'POST /positions departmentId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/positions',
    body: sync((v) => ({ title: { az: marks.position }, departmentId: v, kind: 'specialist', roles: [] })),
    at: 'departmentId',
    other: () => B.dept!,
    wrong: () => A.position!,
    state: matching(
      () => admin,
      '/api/v1/positions',
      (i) => (i.title as { az: string }).az === marks.position,
    ),
  },
  {
    name: 'POST /employees positionIds',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/employees',
    body: sync((v) => ({
      fullName: marks.employee,
      username: `ref-${rand()}`,
      email: 'ref@example.az',
      positionIds: [A.position, v],
    })),
    at: 'positionIds.1',
    other: () => B.position!,
    wrong: () => A.dept!,
    state: matching(
      () => admin,
      '/api/v1/employees',
      (i) => i.fullName === marks.employee,
    ),
  },
  {
    name: 'POST /substitutions employeeId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/substitutions',
    body: sync((v) => ({
      employeeId: v,
      substituteId: A.employee,
      from: future(400),
      to: future(405),
      reason: marks.substitution,
    })),
    at: 'employeeId',
    other: () => B.employee!,
    wrong: () => A.position!,
    state: matching(
      () => admin,
      '/api/v1/substitutions',
      (i) => i.reason === marks.substitution,
    ),
  },
  {
    name: 'POST /substitutions substituteId (an active employee)',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/substitutions',
    body: sync((v) => ({
      employeeId: A.employee,
      substituteId: v,
      from: future(400),
      to: future(405),
      reason: marks.substitution,
    })),
    at: 'substituteId',
    other: () => B.employee!,
    wrong: () => A.inactiveEmployee!,
    state: matching(
      () => admin,
      '/api/v1/substitutions',
      (i) => i.reason === marks.substitution,
    ),
  },

  {
    name: 'POST /absences employeeId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/absences',
    body: sync((v) => ({
      employeeId: v,
      kind: 'leave',
      from: future(400),
      to: future(405),
      note: marks.absence,
    })),
    at: 'employeeId',
    other: () => B.employee!,
    wrong: () => A.position!,
    state: matching(
      () => admin,
      '/api/v1/absences',
      (i) => i.note === marks.absence,
    ),
  },
  {
    name: 'POST /absences substituteId (an active employee)',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/absences',
    body: sync((v) => ({
      employeeId: A.employee,
      kind: 'business-trip',
      from: future(400),
      to: future(405),
      substituteId: v,
      note: marks.absence,
    })),
    at: 'substituteId',
    other: () => B.employee!,
    wrong: () => A.inactiveEmployee!,
    state: matching(
      () => admin,
      '/api/v1/absences',
      (i) => i.note === marks.absence,
    ),
  },

  // ------------------------------------------------------------------ reference lists
  {
    name: 'POST /reference/classifications parentId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/reference/classifications',
    body: sync((v) => ({ name: { az: marks.classification }, parentId: v })),
    at: 'parentId',
    other: () => B.classification!,
    wrong: () => A.region!,
    state: named(() => admin, '/api/v1/reference/classifications', marks.classification),
  },
  {
    name: 'PUT /reference/classifications/{id} parentId',
    caller: () => admin,
    method: 'PUT',
    path: () => `/api/v1/reference/classifications/${A.myClassification}`,
    body: async (v) => ({
      name: { az: A.myClassificationName },
      parentId: v,
      version: await version(admin, `/api/v1/reference/classifications/${A.myClassification}`),
    }),
    at: 'parentId',
    other: () => B.classification!,
    wrong: () => A.region!,
    state: reading(
      () => admin,
      () => `/api/v1/reference/classifications/${A.myClassification}`,
    ),
  },
  {
    name: 'POST /reference/nomenclature departmentId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/reference/nomenclature',
    body: sync((v) => ({
      name: { az: marks.nomenclature },
      index: `R-${rand()}`,
      retentionYears: 5,
      departmentId: v,
    })),
    at: 'departmentId',
    other: () => B.dept!,
    wrong: () => A.position!,
    state: named(() => admin, '/api/v1/reference/nomenclature', marks.nomenclature),
  },
  ...(['departmentId', 'nomenclatureId'] as const).map((field): Case => ({
    name: `POST /reference/journals ${field}`,
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/reference/journals',
    body: sync((v) => ({
      name: { az: marks.journal },
      code: `rj-${rand()}`,
      pattern: 'R-{seq}',
      documentKind: 'incoming',
      [field]: v,
    })),
    at: field,
    other: () => B[otherKey(field)]!,
    wrong: () => (field === 'departmentId' ? A.position! : A.classification!),
    state: named(() => admin, '/api/v1/reference/journals', marks.journal),
  })),

  ...(['regionId', 'parentBodyId'] as const).map((field): Case => ({
    name: `POST /counterparts ${field} (a registry clerk)`,
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/counterparts',
    body: sync((v) => ({ name: { az: marks.counterpart }, kind: 'organization', [field]: v })),
    at: field,
    other: () => (field === 'regionId' ? B.region! : B.counterpart!),
    wrong: () => (field === 'regionId' ? A.classification! : A.region!),
    state: named(() => clerk, '/api/v1/reference/counterparts', marks.counterpart),
  })),
  {
    name: 'POST /reference/journal-rules journalId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/reference/journal-rules',
    body: sync((v) => ({ name: { az: marks.rule }, documentKind: 'incoming', journalId: v })),
    at: 'journalId',
    other: () => B.journal!,
    wrong: () => A.docType!,
    state: named(() => admin, '/api/v1/reference/journal-rules', marks.rule),
  },
  ...(
    [
      ['classificationIds', () => B.classification!, () => A.docType!],
      ['documentTypeIds', () => B.docType!, () => A.classification!],
      ['departmentIds', () => B.dept!, () => A.position!],
      ['deliveryFormIds', () => B.deliveryForm!, () => A.physicalForm!],
    ] as const
  ).map(([field, other, wrong]): Case => ({
    name: `POST /reference/journal-rules ${field}`,
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/reference/journal-rules',
    body: sync((v) => ({
      name: { az: marks.rule },
      documentKind: 'incoming',
      journalId: A.journalIncoming,
      [field]: [v],
    })),
    at: `${field}.0`,
    other,
    wrong,
    state: named(() => admin, '/api/v1/reference/journal-rules', marks.rule),
  })),

  // ------------------------------------------------------------------ route templates
  {
    name: 'POST /approval-route-templates classificationIds',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/approval-route-templates',
    body: sync((v) => ({
      name: marks.template,
      kinds: ['incoming'],
      classificationIds: [A.classification, v],
      stages: routeStage([{ employeeId: A.head }]),
    })),
    at: 'classificationIds.1',
    other: () => B.classification!,
    wrong: () => A.docType!,
    state: templatesNamed(marks.template),
  },
  {
    name: 'POST /approval-route-templates stage participant employeeId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/approval-route-templates',
    body: sync((v) => ({
      name: marks.template,
      kinds: ['incoming'],
      classificationIds: [],
      stages: routeStage([{ positionId: A.position }, { employeeId: v }]),
    })),
    at: 'stages.0.participants.1.employeeId',
    other: () => B.employee!,
    wrong: () => A.position!,
    state: templatesNamed(marks.template),
  },
  {
    name: 'POST /approval-route-templates stage participant positionId',
    caller: () => admin,
    method: 'POST',
    path: () => '/api/v1/approval-route-templates',
    body: sync((v) => ({
      name: marks.template,
      kinds: ['incoming'],
      classificationIds: [],
      stages: routeStage([{ employeeId: A.head }, { positionId: v }]),
    })),
    at: 'stages.0.participants.1.positionId',
    other: () => B.position!,
    wrong: () => A.employee!,
    state: templatesNamed(marks.template),
  },
  {
    name: 'PUT /approval-route-templates/{id} classificationIds',
    caller: () => admin,
    method: 'PUT',
    path: () => `/api/v1/approval-route-templates/${A.templateInternal}`,
    body: async (v) => {
      const t = await get(admin, `/api/v1/approval-route-templates/${A.templateInternal}`);
      return { name: t.name, kinds: t.kinds, classificationIds: [v], stages: t.stages, version: t.version };
    },
    at: 'classificationIds.0',
    other: () => B.classification!,
    wrong: () => A.docType!,
    state: reading(
      () => admin,
      () => `/api/v1/approval-route-templates/${A.templateInternal}`,
    ),
  },

  // ------------------------------------------------------------------ documents
  incomingCase('journalId', () => A.journalOutgoing!),
  incomingCase('documentTypeId', () => A.deliveryForm!),
  incomingCase('classificationId', () => A.docType!),
  incomingCase('nomenclatureId', () => A.journalIncoming!),
  incomingCase('deliveryFormId', () => A.physicalForm!),
  incomingCase('physicalFormId', () => A.deliveryForm!),
  incomingCase('addresseeId', () => A.position!),
  incomingCase('controllerId', () => A.inactiveEmployee!),
  {
    ...incomingCase(
      'distribution',
      () => A.inactiveEmployee!,
      (v) => ({ distribution: [A.employee, v] }),
    ),
    at: 'distribution.1',
  },
  {
    ...incomingCase(
      'counterpartId',
      () => A.region!,
      (v) => ({
        sender: { kind: 'organization', counterpartId: v },
      }),
    ),
    at: 'sender.counterpartId',
  },
  incomingCase('repeatOf', () => A.outgoing!),
  incomingCase('inReplyTo', () => A.incoming!),
  // A template for internal documents only does not apply to an incoming one.
  incomingCase('routeTemplateId', () => A.templateInternal!),
  {
    name: 'POST /documents/outgoing signatoryId',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/outgoing',
    body: sync((v) => ({ summary: marks.outgoing, signatoryId: v, recipients: [{ name: 'Alıcı' }] })),
    at: 'signatoryId',
    other: () => B.employee!,
    wrong: () => A.position!,
    state: docsWithSummary('outgoing', marks.outgoing),
  },
  {
    name: 'POST /documents/outgoing recipients[].counterpartId',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/outgoing',
    body: sync((v) => ({
      summary: marks.outgoing,
      signatoryId: A.head,
      recipients: [{ name: 'Alıcı' }, { counterpartId: v }],
    })),
    at: 'recipients.1.counterpartId',
    other: () => B.counterpart!,
    wrong: () => A.classification!,
    state: docsWithSummary('outgoing', marks.outgoing),
  },
  {
    name: 'POST /documents/outgoing inReplyTo',
    caller: () => exec1,
    method: 'POST',
    path: () => '/api/v1/documents/outgoing',
    body: sync((v) => ({
      summary: marks.outgoing,
      signatoryId: A.head,
      recipients: [{ name: 'Alıcı' }],
      inReplyTo: v,
    })),
    at: 'inReplyTo',
    other: () => B.incoming!,
    // An order the caller wrote: visible, but not something an outgoing letter answers.
    wrong: () => A.ownOrder!,
    hidden: () => A.hidden!,
    state: docsWithSummary('outgoing', marks.outgoing),
  },
  {
    name: 'POST /documents/internal answersId',
    caller: () => exec1,
    method: 'POST',
    path: () => '/api/v1/documents/internal',
    body: sync((v) => ({ summary: marks.internal, answersId: v })),
    at: 'answersId',
    other: () => B.internal!,
    wrong: () => A.employee!,
    hidden: () => A.hidden!,
    state: docsWithSummary('internal', marks.internal),
  },
  {
    name: 'POST /documents/internal signatoryId',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/internal',
    body: sync((v) => ({ summary: marks.internal, signatoryId: v })),
    at: 'signatoryId',
    other: () => B.employee!,
    wrong: () => A.position!,
    state: docsWithSummary('internal', marks.internal),
  },
  {
    name: 'POST /documents/order signatoryId',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/order',
    body: sync((v) => ({ summary: marks.order, category: 'order', signatoryId: v })),
    at: 'signatoryId',
    other: () => B.employee!,
    wrong: () => A.inactiveEmployee!,
    state: docsWithSummary('order', marks.order),
  },
  {
    // Orders are numbered when signed: the journal named at creation is checked all the same.
    name: 'POST /documents/order journalId',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/order',
    body: sync((v) => ({ summary: marks.order, category: 'order', journalId: v })),
    at: 'journalId',
    other: () => B.journal!,
    wrong: () => A.journalIncoming!,
    state: docsWithSummary('order', marks.order),
  },
  {
    name: 'PUT /documents/incoming/{id} routeTemplateId',
    caller: () => clerk,
    method: 'PUT',
    path: () => `/api/v1/documents/incoming/${A.incoming}`,
    body: async (v) => {
      const doc = await get(clerk, `/api/v1/documents/${A.incoming}`);
      return {
        sender: { kind: 'citizen', name: 'Aysel Məmmədova' },
        summary: doc.summary,
        addresseeId: A.head,
        routeTemplateId: v,
        version: doc.version,
      };
    },
    at: 'routeTemplateId',
    other: () => B.template!,
    wrong: () => A.templateInternal!,
    state: reading(
      () => clerk,
      () => `/api/v1/documents/${A.incoming}`,
    ),
  },
  {
    name: 'PUT /documents/outgoing/{id} signatoryId',
    caller: () => clerk,
    method: 'PUT',
    path: () => `/api/v1/documents/outgoing/${A.outgoing}`,
    body: async (v) => {
      const doc = await get(clerk, `/api/v1/documents/${A.outgoing}`);
      return { summary: doc.summary, signatoryId: v, recipients: [{ name: 'Alıcı' }], version: doc.version };
    },
    at: 'signatoryId',
    other: () => B.employee!,
    wrong: () => A.position!,
    state: reading(
      () => clerk,
      () => `/api/v1/documents/${A.outgoing}`,
    ),
  },
  {
    name: 'POST /documents/{id}/operations/register journalId',
    caller: () => clerk,
    method: 'POST',
    path: () => `/api/v1/documents/${A.internal}/operations/register`,
    body: async (v) => ({ version: await version(clerk, `/api/v1/documents/${A.internal}`), journalId: v }),
    at: 'journalId',
    other: () => B.journal!,
    wrong: () => A.journalIncoming!,
    state: reading(
      () => clerk,
      () => `/api/v1/documents/${A.internal}`,
    ),
  },
  {
    name: 'POST /documents/group-update ids (all or nothing)',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/group-update',
    body: sync((v) => ({
      kind: 'incoming',
      ids: [A.incoming, v],
      set: { classificationId: A.classification },
    })),
    at: 'ids.1',
    other: () => B.incoming!,
    wrong: () => A.outgoing!,
    state: reading(
      () => clerk,
      () => `/api/v1/documents/${A.incoming}`,
    ),
  },
  ...(
    [
      ['classificationId', () => A.docType!],
      ['nomenclatureId', () => A.journalIncoming!],
      ['controllerId', () => A.position!],
      ['addresseeId', () => A.inactiveEmployee!],
    ] as const
  ).map(([field, wrong]): Case => ({
    name: `POST /documents/group-update set.${field}`,
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/group-update',
    body: sync((v) => ({ kind: 'incoming', ids: [A.incoming], set: { [field]: v } })),
    at: `set.${field}`,
    other: () => B[otherKey(field)]!,
    wrong,
    state: reading(
      () => clerk,
      () => `/api/v1/documents/${A.incoming}`,
    ),
  })),
  {
    name: 'POST /documents/incoming/repeat-candidates sender.counterpartId',
    caller: () => clerk,
    method: 'POST',
    path: () => '/api/v1/documents/incoming/repeat-candidates',
    body: sync((v) => ({ sender: { kind: 'organization', counterpartId: v }, summary: 'Ərizə' })),
    at: 'sender.counterpartId',
    other: () => B.counterpart!,
    wrong: () => A.region!,
  },
  {
    name: 'POST /documents/{id}/links otherId',
    caller: () => exec1,
    method: 'POST',
    path: () => `/api/v1/documents/${A.ownInternal}/links`,
    body: sync((v) => ({ otherId: v, type: 'related' })),
    at: 'otherId',
    other: () => B.internal!,
    wrong: () => A.employee!,
    hidden: () => A.hidden!,
    state: reading(
      () => exec1,
      () => `/api/v1/documents/${A.ownInternal}`,
      () => `/api/v1/documents/${A.ownInternal}/links`,
    ),
  },

  // ------------------------------------------------------------------ execution and routes
  ...(
    [
      [
        'executors.0.employeeId',
        (v: string) => ({ executors: [{ employeeId: v }] }),
        () => A.inactiveEmployee!,
      ],
      [
        'forInformation.1',
        // The first recipient is also an executor (dropped from the notices): the path still counts it.
        (v: string) => ({ executors: [{ employeeId: A.employee }], forInformation: [A.employee, v] }),
        () => A.position!,
      ],
      [
        'controllerId',
        (v: string) => ({ executors: [{ employeeId: A.employee }], controllerId: v, dueDate: future(365) }),
        () => A.position!,
      ],
    ] as const
  ).map(([at, extra, wrong]): Case => ({
    name: `POST /documents/{id}/resolutions ${at}`,
    caller: () => head,
    method: 'POST',
    path: () => `/api/v1/documents/${A.incoming}/resolutions`,
    body: async (v) => ({
      version: await version(head, `/api/v1/documents/${A.incoming}`),
      text: 'İcra edilsin',
      ...extra(v),
    }),
    at,
    other: () => B.employee!,
    wrong,
    state: reading(
      () => head,
      () => `/api/v1/documents/${A.incoming}`,
      () => `/api/v1/documents/${A.incoming}/execution`,
    ),
  })),
  {
    name: 'POST /documents/{id}/resolutions parentId (the caller’s execution assignment)',
    caller: () => exec1,
    method: 'POST',
    path: () => `/api/v1/documents/${A.resolvedDoc}/resolutions`,
    body: async (v) => ({
      version: await version(exec1, `/api/v1/documents/${A.resolvedDoc}`),
      text: 'Alt dərkənar',
      executors: [{ employeeId: A.employee }],
      parentId: v,
    }),
    at: 'parentId',
    other: () => B.execution!,
    wrong: () => A.topResolution!,
    state: reading(
      () => exec1,
      () => `/api/v1/documents/${A.resolvedDoc}`,
      () => `/api/v1/documents/${A.resolvedDoc}/execution`,
    ),
  },
  {
    name: 'POST /documents/{id}/assignments/{assignmentId}/report replyDocumentId',
    caller: () => exec1,
    method: 'POST',
    path: () => `/api/v1/documents/${A.resolvedDoc}/assignments/${A.execution}/report`,
    body: async (v) => ({
      version: await version(exec1, `/api/v1/documents/${A.resolvedDoc}`),
      text: 'İcra olundu',
      replyDocumentId: v,
    }),
    at: 'replyDocumentId',
    other: () => B.outgoing!,
    wrong: () => A.employee!,
    hidden: () => A.hidden!,
    state: reading(
      () => exec1,
      () => `/api/v1/documents/${A.resolvedDoc}`,
      () => `/api/v1/documents/${A.resolvedDoc}/execution`,
    ),
  },
  ...(
    [
      [
        'templateId',
        (v: string) => ({ templateId: v, stages: routeStage([{ employeeId: A.head }]) }),
        () => A.templateInternal!,
      ],
      [
        'stages.0.participants.0.positionId',
        (v: string) => ({ stages: routeStage([{ positionId: v }]) }),
        () => A.employee!,
      ],
      [
        'stages.0.participants.1.employeeId',
        (v: string) => ({ stages: routeStage([{ positionId: A.position }, { employeeId: v }]) }),
        () => A.inactiveEmployee!,
      ],
    ] as const
  ).map(([at, extra, wrong]): Case => ({
    name: `PUT /documents/{id}/approval-route ${at}`,
    caller: () => clerk,
    method: 'PUT',
    path: () => `/api/v1/documents/${A.incoming}/approval-route`,
    body: async (v) => ({ version: await version(clerk, `/api/v1/documents/${A.incoming}`), ...extra(v) }),
    at,
    other: () => (at === 'templateId' ? B.template! : at.endsWith('positionId') ? B.position! : B.employee!),
    wrong,
    state: reading(
      () => clerk,
      () => `/api/v1/documents/${A.incoming}`,
      () => `/api/v1/documents/${A.incoming}/approval-route`,
    ),
  })),
  {
    name: 'PUT /me/saved-filters items[].query ids',
    caller: () => clerk,
    method: 'PUT',
    path: () => '/api/v1/me/saved-filters',
    body: async (v) => ({
      version: (await get(clerk, '/api/v1/me/saved-filters')).version,
      items: [{ id: randomUUID(), name: 'Mənim filtrim', list: 'incoming', query: { classificationId: v } }],
    }),
    at: 'items.0.query.classificationId',
    other: () => B.classification!,
    wrong: () => A.docType!,
    state: reading(
      () => clerk,
      () => '/api/v1/me/saved-filters',
    ),
  },

  // ------------------------------------------------------------------ list filters
  queryCase('/documents?kind=incoming', 'documentTypeId', () => A.classification!),
  queryCase('/documents?kind=incoming', 'classificationId', () => A.docType!),
  queryCase('/documents?kind=incoming', 'nomenclatureId', () => A.classification!),
  queryCase('/documents?kind=incoming', 'addresseeId', () => A.position!),
  queryCase('/documents?kind=outgoing', 'signatoryId', () => A.position!),
  queryCase('/documents?kind=internal', 'authorId', () => A.dept!),
  queryCase('/inbox/mine', 'controllerId', () => A.position!),
  queryCase('/departments', 'parentId', () => A.position!),
  queryCase('/positions', 'departmentId', () => A.position!),
  queryCase('/employees', 'positionId', () => A.dept!),
  queryCase('/substitutions', 'employeeId', () => A.position!),
  { ...queryCase('/absences', 'employeeId', () => A.position!), caller: () => admin },
  queryCase(
    '/reference/classifications',
    'parentId',
    () => A.region!,
    () => B.classification!,
  ),
];

beforeAll(async () => {
  serverNow = Date.parse(((await (await fetch(`${baseUrl}/local/clock`)).json()) as { now: string }).now);
  const login = async (user: string) => apiClient(baseUrl, await tokenFor(baseUrl, user));
  admin = await login('admin');
  clerk = await login('clerk');
  head = await login('head');
  exec1 = await login('executor1');
  adminB = await login('admin2');

  // Tenant A: seeded objects of every kind.
  const employees = await allItems(admin, '/api/v1/employees');
  const employee = (u: string) => employees.find((e) => e.username === u)!.id;
  Object.assign(A, {
    employee: employee('executor2'),
    head: employee('head'),
    dept: await pick(admin, '/api/v1/departments'),
    position: await pick(admin, '/api/v1/positions'),
    classification: await pick(admin, '/api/v1/reference/classifications'),
    docType: await pick(admin, '/api/v1/reference/document-types'),
    deliveryForm: await pick(admin, '/api/v1/reference/delivery-forms'),
    physicalForm: await pick(admin, '/api/v1/reference/physical-forms'),
    region: await pick(admin, '/api/v1/reference/regions'),
    journalIncoming: await pick(admin, '/api/v1/reference/journals', (j) => j.code === 'incoming'),
    journalOutgoing: await pick(admin, '/api/v1/reference/journals', (j) => j.documentKind === 'outgoing'),
  });
  const position = await get(admin, `/api/v1/positions/${A.position}`);
  A.myDeptName = unique('Ref öz şöbə');
  A.myDeptCode = `Q${rand()}`;
  A.myDept = (
    await created(admin, '/api/v1/departments', { name: { az: A.myDeptName }, code: A.myDeptCode })
  ).id;
  A.myClassificationName = unique('Ref öz təsnifat');
  A.myClassification = (
    await created(admin, '/api/v1/reference/classifications', { name: { az: A.myClassificationName } })
  ).id;
  A.inactiveEmployee = (
    await created(admin, '/api/v1/employees', {
      fullName: 'Ref Keçmiş İşçi',
      username: `ref-old-${rand()}`,
      email: 'old@example.az',
      positionIds: [position.id],
      active: false,
    })
  ).id;
  A.templateInternal = (
    await created(admin, '/api/v1/approval-route-templates', {
      name: unique('Ref daxili marşrut'),
      kinds: ['internal'],
      classificationIds: [],
      stages: routeStage([{ employeeId: A.head }]),
    })
  ).id;

  const citizen = { kind: 'citizen', name: 'Aysel Məmmədova' };
  A.incoming = (
    await created(clerk, '/api/v1/documents/incoming', {
      sender: citizen,
      summary: unique('Ref daxil olan'),
      addresseeId: A.head,
    })
  ).id;
  A.hidden = (
    await created(clerk, '/api/v1/documents/incoming', { sender: citizen, summary: unique('Ref gizli') })
  ).id;
  A.outgoing = (
    await created(clerk, '/api/v1/documents/outgoing', {
      summary: unique('Ref çıxan sənəd'),
      signatoryId: A.head,
      recipients: [{ name: 'Alıcı' }],
    })
  ).id;
  A.internal = (await created(clerk, '/api/v1/documents/internal', { summary: unique('Ref layihə') })).id;
  A.order = (
    await created(clerk, '/api/v1/documents/order', {
      summary: unique('Ref əmr layihəsi'),
      category: 'order',
    })
  ).id;
  A.ownInternal = (
    await created(exec1, '/api/v1/documents/internal', { summary: unique('Ref öz sənədim') })
  ).id;
  A.ownOrder = (
    await created(exec1, '/api/v1/documents/order', { summary: unique('Ref öz əmrim'), category: 'order' })
  ).id;
  const resolved = await created(clerk, '/api/v1/documents/incoming', {
    sender: citizen,
    summary: unique('Ref dərkənarlı'),
    addresseeId: A.head,
  });
  A.resolvedDoc = resolved.id;
  await created(head, `/api/v1/documents/${resolved.id}/resolutions`, {
    version: resolved.version,
    text: 'İcraya',
    executors: [{ employeeId: employee('executor1') }],
  });
  const tree = (await get(head, `/api/v1/documents/${resolved.id}/execution`)).assignments as Array<{
    id: string;
    kind: string;
  }>;
  A.topResolution = tree.find((a) => a.kind === 'resolution')!.id;
  A.execution = tree.find((a) => a.kind === 'execution')!.id;

  // Tenant B: one object of every kind.
  const employeesB = await allItems(adminB, '/api/v1/employees');
  const admin2 = employeesB.find((e) => e.username === 'admin2')!.id;
  Object.assign(B, {
    employee: employeesB.find((e) => e.username !== 'admin2')!.id,
    dept: await pick(adminB, '/api/v1/departments'),
    position: await pick(adminB, '/api/v1/positions'),
    classification: await pick(adminB, '/api/v1/reference/classifications'),
    docType: await pick(adminB, '/api/v1/reference/document-types'),
    deliveryForm: await pick(adminB, '/api/v1/reference/delivery-forms'),
    physicalForm: await pick(adminB, '/api/v1/reference/physical-forms'),
    nomenclature: await pick(adminB, '/api/v1/reference/nomenclature'),
    journal: await pick(adminB, '/api/v1/reference/journals', (j) => j.documentKind === 'internal'),
    counterpart: await pick(adminB, '/api/v1/reference/counterparts'),
    region: await pick(adminB, '/api/v1/reference/regions'),
  });
  B.template = (
    await created(adminB, '/api/v1/approval-route-templates', {
      name: unique('B marşrut'),
      kinds: ['incoming', 'internal'],
      classificationIds: [],
      stages: routeStage([{ employeeId: admin2 }]),
    })
  ).id;
  const incomingB = await created(adminB, '/api/v1/documents/incoming', {
    sender: citizen,
    summary: unique('B daxil olan'),
    addresseeId: admin2,
  });
  B.incoming = incomingB.id;
  B.outgoing = (
    await created(adminB, '/api/v1/documents/outgoing', {
      summary: unique('B çıxan'),
      signatoryId: admin2,
      recipients: [{ name: 'B alıcı' }],
    })
  ).id;
  B.internal = (await created(adminB, '/api/v1/documents/internal', { summary: unique('B daxili') })).id;
  await created(adminB, `/api/v1/documents/${incomingB.id}/resolutions`, {
    version: incomingB.version,
    text: 'B icra',
    executors: [{ employeeId: admin2 }],
  });
  B.execution = (
    (await get(adminB, `/api/v1/documents/${incomingB.id}/execution`)).assignments as Array<{
      id: string;
      kind: string;
    }>
  ).find((a) => a.kind === 'execution')!.id;
});

describe('references to other objects are checked within the tenant', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const variants: Array<[Variant, string]> = [
      ['random', randomUUID()],
      ['other tenant', c.other()],
      ['wrong kind', c.wrong()],
      ...(c.hidden ? [['not visible', c.hidden()] as [Variant, string]] : []),
    ];
    for (const [, value] of variants) expect(value, `${c.name}: a fixture id`).toMatch(/^[0-9a-f-]{36}$/);
    const before = await c.state?.();
    const answers = new Map<Variant, Problem>();
    for (const [variant, value] of variants) {
      const api = c.caller();
      const body = c.body ? await c.body(value) : undefined;
      const res = await api.call<Problem>(c.method, c.path(value), body);
      const what = `${c.name} with ${variant} id: ${JSON.stringify(res.body)}`;
      expect(res.status, what).toBe(422);
      expect(res.body.code, what).toBe('unknown_reference');
      expect(res.body.errors, what).toEqual([
        expect.objectContaining({ path: c.at, code: 'unknown_reference' }),
      ]);
      answers.set(variant, res.body);
    }
    // A document the caller may not see looks exactly like one that does not exist.
    if (c.hidden) expect(answers.get('not visible')).toEqual(answers.get('random'));
    if (c.state) expect(await c.state(), `${c.name}: nothing written`).toEqual(before);
  });
});
