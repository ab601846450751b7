import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../../functions/modules/documents/domain/similarity';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { ownEmbedded } from '../../support/own-embedded';
import { rawRequest } from '../../support/http';
import { tableClientOf } from '../../support/table';

/**
 * Hostile input, derived from the published OpenAPI document: for every operation that takes a
 * body, dozens of invalid or hostile bodies built from its request schema (each required field
 * missing, wrong types, limits crossed, bad formats and enum values, unknown and prototype keys,
 * absurd nesting and sizes, control characters and lone surrogates, injection strings, another
 * tenant's ids), malformed JSON and wrong media types; broken percent-encoding in every path
 * parameter and hostile query strings on every operation; and each operation once without a token
 * and once with a garbage one. Every answer must be < 500 and every 4xx a problem+json; and — the
 * key property — nothing may be written: the table and the object store are compared item by item
 * before and after. This file runs its own embedded default so no other test writes meanwhile.
 */

type Json = Record<string, unknown>;
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}
interface Operation {
  method: string;
  template: string;
  operationId: string;
  auth: boolean;
  body?: Schema;
  /** Query parameters the operation reads: name → schema, and whether it is required. */
  query: Array<{ name: string; schema: Schema; required: boolean }>;
}
interface Probe {
  operationId: string;
  label: string;
  method: string;
  path: string;
  body?: string;
  /** undefined: application/json; null: no content-type header at all. */
  contentType?: string | null;
  auth: 'admin' | 'none' | 'garbage';
  /** The status this probe must get, when it is known. */
  expect?: number;
  /** Reads may answer 2xx; a write that answers 2xx has written something. */
  readOnly: boolean;
}
interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const embedded = ownEmbedded();
let token: string;
/** The platform operator's token, for the platform's routes (an agency admin's is refused there). */
let operatorToken: string;
/** A well-formed invitation secret that names no invitation (the invitation routes' credential). */
const UNKNOWN_INVITATION = `demo2.${'A'.repeat(43)}`;
let api: Api;
let components: Record<string, Schema> = {};
const operations: Operation[] = [];

/** Objects of the acting tenant (demo2; its admin is also the registry clerk) and of demo1. */
const mine: Record<string, string> = {};
const theirs: Record<string, string> = {};

const STALE_VERSION = 1_000_000;
const MAX_CONTENT_BYTES = 200 * 1024 * 1024;
const rand = () => Math.random().toString(36).slice(2, 8);
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// What the schema cannot say, and what keeps an otherwise valid body from writing

/**
 * Every body is built so that even an accepted mutation cannot write: updates carry a stale
 * version (409 after validation), creates name one object that does not exist (422
 * `unknown_reference`, checked before any write) or cross a business limit. The acting path
 * parameters are real objects of the tenant, so that requests reach validation and the use case.
 * A new create without an entry here shows up as "a hostile write was accepted": give it one.
 */
const shapes: Record<string, (body: Json) => void> = {
  createDepartment: (b) => (b.parentId = randomUUID()),
  createPosition: (b) => (b.departmentId = randomUUID()),
  createEmployee: (b) => (b.positionIds = [randomUUID()]),
  createSubstitution: (b) => (b.employeeId = randomUUID()),
  createAbsence: (b) => (b.employeeId = randomUUID()),
  // Two taken values, so that no single mutation makes an agency: the key, then the VÖEN.
  createTenant: (b) => {
    b.key = 'demo1';
    b.voen = '1900000021';
  },
  createReferenceItem: (b) => (b.parentId = randomUUID()),
  addCounterpart: (b) => (b.regionId = randomUUID()),
  createApprovalRouteTemplate: (b) => (b.classificationIds = [randomUUID()]),
  registerIncoming: (b) => (b.journalId = randomUUID()),
  registerOutgoing: (b) => {
    b.journalId = randomUUID();
    b.recipients = [{ name: 'Alıcı' }];
  },
  updateOutgoing: (b) => (b.recipients = [{ name: 'Alıcı' }]),
  createInternal: (b) => (b.journalId = randomUUID()),
  createOrder: (b) => (b.journalId = randomUUID()),
  groupUpdateDocuments: (b) => {
    b.ids = [randomUUID()];
    b.set = { classificationId: mine.classification };
  },
  addDocumentLink: (b) => (b.otherId = randomUUID()),
  startContentUpload: (b) => (b.size = MAX_CONTENT_BYTES + 1),
  closeCaseFile: (b) => (b.nomenclatureId = randomUUID()),
  requestArchiveTransfer: (b) => (b.nomenclatureId = randomUUID()),
  // An integrator key asks for more requests a minute than a key may have (its only other field
  // is a free-text name, so no reference can be missing).
  createIntegratorKey: (b) => (b.requestsPerMinute = 60_001),
  // A report export names an executor (or a journal) that does not exist.
  requestReportExport: (b) => {
    if (b.report === 'journal') b.journalId = randomUUID();
    else b.executorId = randomUUID();
  },
};

/**
 * Operations that change nothing even when they succeed. `startMyTotp` writes nothing of ours and
 * changes no sign-in: it gives a new secret that the identity provider holds as pending until a
 * code confirms it (Cognito's AssociateSoftwareToken), and every call replaces the last one.
 */
const readOnlyPosts = new Set(['findRepeatCandidates', 'exportDocuments', 'startMyTotp']);

/** The tenant's object a field names, by the field's name (the operation decides `parentId`). */
function kindOfField(name: string, operationId: string): string | undefined {
  const byName: Record<string, string> = {
    departmentId: 'department',
    headPositionId: 'position',
    positionId: 'position',
    positionIds: 'position',
    employeeId: 'employee',
    substituteId: 'employee2',
    addresseeId: 'employee',
    controllerId: 'employee',
    signatoryId: 'employee',
    distribution: 'employee',
    forInformation: 'employee',
    counterpartId: 'counterpart',
    classificationId: 'classification',
    classificationIds: 'classification',
    documentTypeId: 'docType',
    nomenclatureId: 'nomenclature',
    deliveryFormId: 'deliveryForm',
    physicalFormId: 'physicalForm',
    journalId: 'journal',
    templateId: 'template',
    routeTemplateId: 'template',
    otherId: 'internal',
    repeatOf: 'incoming',
    inReplyTo: 'outgoing',
    answersId: 'incoming',
    replyDocumentId: 'outgoing',
    ids: 'incoming',
  };
  if (name === 'parentId')
    return operationId.includes('Reference')
      ? 'classification'
      : operationId === 'writeResolution'
        ? 'execution'
        : 'department';
  return byName[name];
}

/** The path of an operation with real objects of the tenant in its parameters. */
function realPath(op: Operation): string {
  const idFor: Array<[RegExp, string]> = [
    [/^\/api\/v1\/departments\/\{id\}/, 'department'],
    [/^\/api\/v1\/positions\/\{id\}/, 'position'],
    [/^\/api\/v1\/employees\/\{id\}/, 'employee'],
    [/^\/api\/v1\/substitutions\/\{id\}/, 'substitution'],
    [/^\/api\/v1\/absences\/\{id\}/, 'absence'],
    [/^\/api\/v1\/platform\/tenants\/\{id\}/, 'tenantKey'],
    [/^\/api\/v1\/reference\/\{list\}\/\{id\}/, 'classification'],
    [/^\/api\/v1\/approval-route-templates\/\{id\}/, 'template'],
    [/^\/api\/v1\/documents\/(incoming|outgoing|internal|order)\/\{id\}/, ''],
    [/^\/api\/v1\/documents\/\{id\}\/send/, 'outgoing'],
    [/^\/api\/v1\/documents\/\{id\}\/(resolutions|assignments|execution)/, 'incoming'],
    [/^\/api\/v1\/documents\/\{id\}\/(links|contents|operations\/|route)/, 'internal'],
    [/^\/api\/v1\/documents\/\{id\}/, 'incoming'],
    [/^\/api\/v1\/archive\/documents\/\{id\}/, 'incoming'],
    [/^\/api\/v1\/archive\/disposal-acts\/\{id\}/, 'disposalAct'],
    [/^\/api\/v1\/archive\/transfers\/\{id\}/, 'transfer'],
    [/^\/api\/v1\/reports\/exports\/\{id\}/, 'reportExport'],
    [/^\/api\/v1\/exchange\/received\/\{id\}/, 'received'],
    [/^\/api\/v1\/exchange\/evidence\/\{id\}/, 'outgoing'],
    [/^\/api\/v1\/webhooks\/subscriptions\/\{id\}/, 'webhookSubscription'],
    [/^\/api\/v1\/integrator-keys\/\{id\}/, 'integratorKey'],
  ];
  const params: Record<string, string> = {
    list: 'classifications',
    operation: 'register',
    assignmentId: mine.execution!,
    action: 'report',
    // A file not uploaded yet (completing it is refused); a stored one for its download link.
    contentId: op.operationId === 'getContentUrl' ? mine.storedContent! : mine.pendingContent!,
    box: 'mine',
    index: '0',
    fin: '5ZK7QH2',
    voen: '1400057421',
    // E-services: a service code and an agency key (the public catalogue's).
    code: 'e-visa',
    agency: 'demo1',
    // An application number of the right shape (no such application: the officer's routes 404).
    number: '0W3G-E1R7-0W3G-E1RS',
    year: String(new Date().getUTCFullYear()),
  };
  return op.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name !== 'id') {
      const value = params[name];
      if (value === undefined) throw new Error(`no fixture for {${name}} in ${op.template}`);
      return value;
    }
    const found = idFor.find(([re]) => re.test(op.template));
    if (!found) throw new Error(`no fixture for {id} in ${op.template}`);
    const kind = found[1] || /\/documents\/(\w+)\//.exec(op.template)![1]!;
    return mine[kind]!;
  });
}

// ---------------------------------------------------------------------------------------------
// Request schemas → a base body and its mutations

const resolve = (schema: Schema): Schema => {
  let s = schema;
  while (s.$ref) s = components[s.$ref.split('/').pop()!]!;
  return s;
};

/** The schema itself, or the first branch of a union that is not null. */
function branch(schema: Schema): Schema {
  const s = resolve(schema);
  const alternatives = s.anyOf ?? s.oneOf;
  if (!alternatives) return s;
  return branch(alternatives.map(resolve).find((a) => a.type !== 'null') ?? alternatives[0]!);
}

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.properties) return 'object';
  if (s.const !== undefined) return typeof s.const;
  return undefined;
}

function sampleString(s: Schema, name: string, operationId: string): string {
  if (s.format === 'uuid') {
    const kind = kindOfField(name, operationId);
    return (kind && mine[kind]) ?? randomUUID();
  }
  if (s.format === 'date') return futureDate(name === 'to' ? 20 : 10);
  if (s.format === 'date-time') return new Date().toISOString();
  if (s.format === 'email') return 'hostile@example.az';
  const fits = (v: string) =>
    (!s.pattern || new RegExp(s.pattern, 'u').test(v)) &&
    v.length <= (s.maxLength ?? Infinity) &&
    v.length >= (s.minLength ?? 0);
  const candidates = [
    `H${rand()}`,
    `hostile${rand()}`,
    'H-{seq}',
    '+994501234567',
    'a'.repeat(64),
    'application/pdf',
    '1234567890',
    '5ZK7QH2',
    'Hostil sınaq',
  ];
  return candidates.find(fits) ?? 'H1';
}

/** A body the schema accepts (required fields only, unless a shape adds more). */
function synth(schema: Schema, name: string, operationId: string): unknown {
  const s = branch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Json = {};
      for (const key of s.required ?? []) out[key] = synth(s.properties?.[key] ?? {}, key, operationId);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => synth(s.items ?? {}, name, operationId));
    case 'string':
      return sampleString(s, name, operationId);
    case 'integer':
    case 'number':
      if (name === 'version') return STALE_VERSION;
      return Math.min(Math.max(1, s.minimum ?? 1), s.maximum ?? 1);
    case 'boolean':
      return false;
    default:
      return 'x';
  }
}

type Path = Array<string | number>;
interface Slot {
  path: Path;
  schema: Schema;
  value: unknown;
  name: string;
}

/** Every value of the base body with the schema that describes it. */
function slotsOf(schema: Schema, value: unknown, path: Path = [], name = ''): Slot[] {
  const s = branch(schema);
  const out: Slot[] = [{ path, schema: s, value, name }];
  if (Array.isArray(value)) {
    if (value.length > 0 && s.items) out.push(...slotsOf(s.items, value[0], [...path, 0], name));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childSchema =
        s.properties?.[key] ??
        (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (childSchema) out.push(...slotsOf(childSchema, child, [...path, key], key));
    }
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path.at(-1)!];
  return copy;
}

const MARK = '"__HOSTILE_KEY__":0';

/** The body with a key (e.g. `__proto__`) written into the object at `path`, as raw JSON text. */
function withRawKey(base: unknown, path: Path, rawMember: string): string {
  const marked = setAt(base, [...path, '__HOSTILE_KEY__'], 0);
  return JSON.stringify(marked).replace(MARK, rawMember);
}

const injections: Array<[string, unknown]> = [
  ['SQL injection', "x' OR '1'='1'; DROP TABLE karguzar; --"],
  ['NoSQL operator as text', '{"$ne": null, "$gt": ""}'],
  ['NoSQL operator object', { $ne: null }],
  ['DynamoDB expression', 'attribute_exists(pk) OR begins_with(sk, :x)'],
  ['HTML/script', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['template', '${7*7}{{7*7}}#{7*7}'],
  ['CRLF', 'x\r\nSet-Cookie: admin=1\r\n\r\n'],
  ['path traversal', '../../../../etc/passwd'],
  ['control characters', '\u0000\u0001\u0008\u001b\u007f\u2028'],
  ['lone high surrogate', '\ud800'],
  ['reversed surrogates', '\udfff\ud800x'],
];

/** Bodies of one operation, from its request schema. */
function bodyProbes(op: Operation): Array<{ label: string; body: string }> {
  const schema = op.body!;
  const base = synth(schema, '', op.operationId) as Json;
  shapes[op.operationId]?.(base);
  const out: Array<{ label: string; body: string }> = [];
  const add = (label: string, value: unknown) => out.push({ label, body: JSON.stringify(value) });
  const raw = (label: string, body: string) => out.push({ label, body });

  add('base (trapped)', base);
  raw('empty body', '');
  for (const [label, text] of [
    ['[]', '[]'],
    ['"text"', '"text"'],
    ['null', 'null'],
    ['number', '42'],
    ['true', 'true'],
    ['{}', '{}'],
    ['malformed: unterminated', '{"summary": "x"'],
    ['malformed: single quotes', "{'summary': 'x'}"],
    ['malformed: trailing comma', '{"a": 1,}'],
    ['malformed: NUL', '\u0000'],
    ['malformed: BOM', `\ufeff${JSON.stringify(base)}`],
    ['malformed: NaN', '{"version": NaN}'],
    ['10,000-deep arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['10,000-deep objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['33-deep', `${'['.repeat(33)}${']'.repeat(33)}`],
    ['huge top-level array', `[${'0,'.repeat(199_999)}0]`],
  ] as const)
    raw(label, text);
  add('3 MB body', { ...base, note: 'x'.repeat(3 * 1024 * 1024) });
  add('1.5 MB body', { ...base, note: 'x'.repeat(1.5 * 1024 * 1024) });
  const rest = JSON.stringify(base).slice(1);
  const glue = rest === '}' ? '' : ',';
  raw('__proto__ at top level', `{"__proto__":{"polluted":true}${glue}${rest}`);
  raw('constructor at top level', `{"constructor":{"prototype":{"polluted":true}}${glue}${rest}`);
  raw('prototype at top level', `{"prototype":{"polluted":true}${glue}${rest}`);
  add('unknown key at top level', { ...base, hostileUnknownKey: 1 });

  const slots = slotsOf(schema, base).filter((s) => s.path.length > 0);
  const objects = slots.filter((s) => typeOf(s.schema) === 'object' && s.value && !Array.isArray(s.value));
  const deepest = objects.reduce<Slot | undefined>(
    (a, s) => (!a || s.path.length > a.path.length ? s : a),
    undefined,
  );
  const nestedAt = deepest?.path ?? ['hostileNested'];
  const nestedBase = deepest ? base : { ...base, hostileNested: {} };
  raw('__proto__ nested', withRawKey(nestedBase, nestedAt, '"__proto__":{"polluted":true}'));
  raw(
    'constructor nested',
    withRawKey(nestedBase, nestedAt, '"constructor":{"prototype":{"polluted":true}}'),
  );
  raw('prototype nested', withRawKey(nestedBase, nestedAt, '"prototype":{"isAdmin":true}'));
  if (deepest) add('unknown key nested', setAt(base, [...deepest.path, 'hostileUnknownKey'], 1));

  // Each required field missing in turn, at every level.
  for (const s of [{ path: [] as Path, schema: branch(schema), value: base, name: '' }, ...objects])
    for (const key of s.schema.required ?? [])
      if (s.value && typeof s.value === 'object' && key in (s.value as Json))
        add(`missing ${[...s.path, key].join('.')}`, deleteAt(base, [...s.path, key]));

  const texts = slots.filter(
    (s) => typeOf(s.schema) === 'string' && !s.schema.format && !s.schema.enum && !s.schema.pattern,
  );
  injections.forEach(([label, value], i) => {
    const target = texts[i % Math.max(texts.length, 1)];
    add(
      `${label} in ${target ? target.path.join('.') : 'an extra field'}`,
      target ? setAt(base, target.path, value) : { ...base, note: value },
    );
  });

  let hugeArrayDone = false;
  for (const s of slots) {
    const at = s.path.join('.');
    const put = (label: string, value: unknown) => add(`${at}: ${label}`, setAt(base, s.path, value));
    put('null', null);
    switch (typeOf(s.schema)) {
      case 'string': {
        put('number for string', 12345);
        put('array for string', ['x']);
        put('object for string', { x: 1 });
        put('boolean for string', true);
        if (s.schema.maxLength !== undefined && s.schema.maxLength <= 100_000)
          put('over maxLength', 'x'.repeat(s.schema.maxLength + 1));
        if ((s.schema.minLength ?? 0) >= 1) put('blank', '   ');
        if (s.schema.format === 'uuid') {
          put('not a uuid', 'not-a-uuid');
          put('uuid with extra', `${String(s.value)}0`);
          const kind = kindOfField(s.name, op.operationId);
          put('another tenant’s id', (kind && theirs[kind.replace(/2$/, '')]) ?? theirs.department);
        }
        if (s.schema.format === 'date') {
          put('impossible date', '2026-02-30');
          put('local date format', '31.12.2026');
        }
        if (s.schema.format === 'email') put('bad email', 'a@b@c');
        if (s.schema.enum) put('value outside the enum', 'not-allowed');
        if (s.schema.const !== undefined) put('other than the constant', 'not-the-constant');
        if (s.schema.pattern && !s.schema.format) put('against the pattern', '!!\u0000!!');
        break;
      }
      case 'integer':
      case 'number': {
        put('string for number', '1');
        put('array for number', [1]);
        if (typeOf(s.schema) === 'integer') put('fraction', 1.5);
        if (s.schema.minimum !== undefined && s.schema.minimum > -1e15)
          put('below minimum', s.schema.minimum - 1);
        if (s.schema.maximum !== undefined && s.schema.maximum < 1e15)
          put('above maximum', s.schema.maximum + 1);
        put('1e308', 1e308);
        put('unsafe integer', 2 ** 53 + 2);
        break;
      }
      case 'boolean':
        put('string for boolean', 'true');
        put('number for boolean', 1);
        break;
      case 'object':
        put('array for object', []);
        put('string for object', 'x');
        break;
      case 'array': {
        put('object for array', {});
        put('string for array', 'x');
        put('[null]', [null]);
        const item = (s.value as unknown[])[0] ?? 'x';
        if (s.schema.maxItems !== undefined && s.schema.maxItems <= 1000)
          put(
            'over maxItems',
            Array.from({ length: s.schema.maxItems + 1 }, () => item),
          );
        if (!hugeArrayDone) {
          hugeArrayDone = true;
          put(
            '10,000 items',
            Array.from({ length: 10_000 }, () => item),
          );
        }
        break;
      }
    }
  }
  return out;
}

const pathEncodings: Array<[string, string]> = [
  ['lone %', '%'],
  ['truncated UTF-8', '%E0%A4%A'],
  ['overlong slash', '%C0%AF'],
  ['invalid byte', '%FF'],
  ['encoded traversal', '..%2F..%2Fadmin'],
  ['5,000 characters', 'a'.repeat(5000)],
];

/**
 * Hostile query strings. Operations that read a query get them all, next to valid values of the
 * required parameters (so that the hostile one is what gets judged); the others, which ignore
 * their query, a few.
 */
function hostileQueries(op: Operation): Array<[string, string]> {
  const few: Array<[string, string]> = [
    ['prototype keys', '__proto__[polluted]=1&constructor[prototype][x]=1'],
    ['broken encoding', 'kind=%FF%FE&summary=%'],
    ['5,000-character name', `${'q'.repeat(5000)}=1`],
  ];
  if (op.query.length === 0) return few;
  const required = op.query
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(synth(q.schema, q.name, op.operationId)))}&`)
    .join('');
  const ids = op.query.filter((q) => branch(q.schema).format === 'uuid');
  const other = (name: string) =>
    theirs[kindOfField(name, op.operationId)?.replace(/2$/, '') ?? 'department'] ?? theirs.department;
  const all: Array<[string, string]> = [
    ...few,
    ['negative limit', 'limit=-1'],
    ['huge limit', 'limit=1e400'],
    ['limit not a number', 'limit=abc&limit=2'],
    ['garbage cursor', `cursor=${encodeURIComponent('eyJwayI6IngiLCJzayI6InkifQ==')}`],
    ['cursor of another tenant', `cursor=${encodeURIComponent(theirs.cursor!)}`],
    ['cursor with a NUL', 'cursor=%00%00'],
    ['injection', `summary=${encodeURIComponent("' OR '1'='1")}&party=${encodeURIComponent('{"$ne":null}')}`],
    ['repeated parameter', 'limit=1&limit=2&order=asc&order=desc'],
    ...ids.map((q): [string, string] => [`another tenant’s id in ${q.name}`, `${q.name}=${other(q.name)}`]),
  ];
  return all.map(([label, query]) => [label, `${required}${query}`]);
}

function probesOf(op: Operation): Probe[] {
  const path = realPath(op);
  const readOnly = op.method === 'GET' || readOnlyPosts.has(op.operationId);
  const common = { operationId: op.operationId, method: op.method, readOnly };
  const generated = op.body ? bodyProbes(op) : undefined;
  const base = generated ? generated[0]!.body : op.method === 'GET' ? undefined : '{}';
  const probe = (label: string, extra: Partial<Probe>): Probe => ({
    ...common,
    label: `${op.method} ${op.template} — ${label}`,
    path,
    auth: 'admin',
    ...(base !== undefined ? { body: base } : {}),
    ...extra,
  });
  const out: Probe[] = [];
  if (op.method !== 'GET') {
    const bodies = generated ?? [
      { label: 'no body', body: '' },
      { label: '{}', body: '{}' },
      { label: '__proto__', body: '{"__proto__":{"polluted":true}}' },
      { label: '10,000-deep', body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
      { label: '3 MB', body: JSON.stringify({ x: 'x'.repeat(3 * 1024 * 1024) }) },
      { label: 'malformed', body: '{"a":' },
    ];
    for (const b of bodies) out.push(probe(b.label, { body: b.body }));
    const form = 'version=1&summary=x';
    out.push(
      probe('text/plain', { contentType: 'text/plain', expect: 415 }),
      probe('multipart/form-data', {
        contentType: 'multipart/form-data; boundary=----hostile',
        body: '------hostile\r\nContent-Disposition: form-data; name="summary"\r\n\r\nx\r\n------hostile--\r\n',
        expect: 415,
      }),
      probe('application/x-www-form-urlencoded', {
        contentType: 'application/x-www-form-urlencoded',
        body: form,
        expect: 415,
      }),
      probe('no content-type', { contentType: null, expect: 415 }),
      probe('application/xml', { contentType: 'application/xml', body: '<a>1</a>', expect: 415 }),
    );
  }
  for (const [label, query] of hostileQueries(op))
    out.push(probe(`query: ${label}`, { path: `${path}?${query}` }));
  const real = path.split('/');
  op.template.split('/').forEach((segment, i) => {
    if (!/^\{\w+\}$/.test(segment)) return;
    for (const [label, value] of pathEncodings) {
      const broken = [...real];
      broken[i] = value;
      out.push(probe(`${segment}: ${label}`, { path: broken.join('/') }));
    }
  });
  if (op.auth) {
    out.push(probe('without a token', { auth: 'none', expect: 401 }));
    out.push(probe('with a garbage token', { auth: 'garbage', expect: 401 }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sending, and what every answer must look like

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
/** Failed-auth requests come from another loopback address, so its limiter throttles nobody else. */
const outsider = new http.Agent({ keepAlive: true, maxSockets: 2 });

async function send(p: Probe): Promise<Answer> {
  const url = new URL(embedded.baseUrl);
  const body = p.body === undefined ? undefined : Buffer.from(p.body, 'utf8');
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (body !== undefined) headers['content-length'] = String(body.length);
  if (body !== undefined && p.contentType !== null)
    headers['content-type'] = p.contentType ?? 'application/json';
  if (p.auth === 'admin') {
    if (p.path.startsWith('/api/v1/platform/')) headers.authorization = `Bearer ${operatorToken}`;
    else if (p.path.startsWith('/api/v1/invitation')) headers['x-invitation-token'] = UNKNOWN_INVITATION;
    else headers.authorization = `Bearer ${token}`;
  }
  if (p.auth === 'garbage') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.';
  const answer = await rawRequest({
    port: Number(url.port),
    method: p.method,
    path: p.path,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(p.auth === 'admin' ? { agent } : { agent: outsider, localAddress: '127.0.0.2' }),
  });
  return {
    status: answer.status,
    contentType: String(answer.headers['content-type'] ?? ''),
    text: answer.text,
  };
}

/** What is wrong with an answer (undefined: nothing). */
function verdict(p: Probe, a: Answer): string | undefined {
  if (a.status >= 500) return `${a.status}: ${a.text.slice(0, 300)}`;
  if (a.status === 429) return '429: the rate limiter answered instead of the route';
  if (p.expect !== undefined && a.status !== p.expect)
    return `expected ${p.expect}, got ${a.status}: ${a.text.slice(0, 200)}`;
  if (a.status >= 400) {
    if (!/^application\/problem\+json/.test(a.contentType)) return `${a.status} as ${a.contentType}`;
    let problem: Json;
    try {
      problem = JSON.parse(a.text) as Json;
    } catch {
      return `${a.status}: a problem that is not JSON`;
    }
    for (const key of ['type', 'title', 'code'])
      if (typeof problem[key] !== 'string' || problem[key] === '')
        return `${a.status}: problem without ${key}`;
    if (problem.status !== a.status) return `${a.status}: problem.status ${String(problem.status)}`;
    if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(a.text))
      return `${a.status}: a stack trace in the answer`;
  } else if (!p.readOnly) {
    return `${a.status}: a hostile write was accepted: ${a.text.slice(0, 200)}`;
  }
  return undefined;
}

async function runAll(probes: Probe[], concurrency = 8): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const p = probes[next++]!;
      try {
        const problem = verdict(p, await send(p));
        if (problem) failures.push(`${p.label}: ${problem}`);
      } catch (error) {
        failures.push(`${p.label}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

// ---------------------------------------------------------------------------------------------
// What is stored: every item of the table, every object version of the buckets

/**
 * Items that requests without effect may still write, by ElectroDB entity name. The stream poller
 * keeps its checkpoints in the data folder, the per-process rate limiters live in memory, and no
 * read records a "last seen". Anything listed here must say why:
 * - `tenantQuota`: the agency's request counter of the minute counts every signed-in request,
 *   refused ones included (a flood of bad requests is what the quota is for); it holds no data.
 */
const MAY_CHANGE: ReadonlySet<string> = new Set<string>(['tenantQuota']);

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Json).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

async function tableItems(): Promise<Map<string, { entity: string; digest: string }>> {
  const port = Number(new URL(embedded.baseUrl).port);
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port + 1}`,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const items = new Map<string, { entity: string; digest: string }>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: 'karguzar',
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      items.set(`${String(item.pk)}\u0000${String(item.sk)}`, {
        entity: String(item.__edb_e__ ?? 'untyped'),
        digest: stable(item),
      });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items;
}

async function storedObjects(): Promise<string[]> {
  const port = Number(new URL(embedded.baseUrl).port);
  const s3 = new S3Client({
    endpoint: `http://127.0.0.1:${port + 2}`,
    region: 'eu-central-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const out: string[] = [];
  const buckets = (await s3.send(new ListBucketsCommand({}))).Buckets ?? [];
  expect(buckets.length).toBeGreaterThan(0);
  for (const { Name } of buckets) {
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: Name,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(versionMarker ? { VersionIdMarker: versionMarker } : {}),
        }),
      );
      for (const v of page.Versions ?? []) {
        // The search indexer's texts of content files (derived from files stored before the run,
        // written by the stream consumer whenever it gets to them): no request's write.
        if (v.Key?.includes('/search-text/')) continue;
        out.push(`${Name}/${v.Key}@${v.VersionId}:${v.ETag}:${v.Size}`);
      }
      for (const m of page.DeleteMarkers ?? []) out.push(`${Name}/${m.Key}@${m.VersionId}:delete-marker`);
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
  }
  s3.destroy();
  return out.sort();
}

function tableChanges(
  before: Map<string, { entity: string; digest: string }>,
  after: Map<string, { entity: string; digest: string }>,
): string[] {
  const changes: string[] = [];
  for (const [key, item] of after) {
    const was = before.get(key);
    if (MAY_CHANGE.has(item.entity)) continue;
    if (!was) changes.push(`added ${item.entity}: ${item.digest.slice(0, 300)}`);
    else if (was.digest !== item.digest) changes.push(`changed ${item.entity}: ${item.digest.slice(0, 300)}`);
  }
  for (const [key, item] of before)
    if (!after.has(key) && !MAY_CHANGE.has(item.entity)) changes.push(`removed ${item.entity}: ${key}`);
  return changes;
}

// ---------------------------------------------------------------------------------------------

type Item = { id: string; version: number } & Json;

async function all(client: Api, path: string): Promise<Item[]> {
  const res = await client.get<{ items: Item[] }>(`${path}${path.includes('?') ? '&' : '?'}limit=100`);
  expect(res.status, `GET ${path}`).toBe(200);
  return res.body.items;
}

async function created(client: Api, path: string, body: unknown): Promise<Item> {
  const res = await client.post<Item>(path, body);
  expect(res.status, `POST ${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

async function objectsOf(client: Api, into: Record<string, string>): Promise<void> {
  const first = async (path: string, where: (i: Item) => boolean = () => true) =>
    (await all(client, path)).find(where)!.id;
  into.department = await first('/api/v1/departments');
  into.position = await first('/api/v1/positions');
  into.classification = await first('/api/v1/reference/classifications');
  into.docType = await first('/api/v1/reference/document-types');
  into.deliveryForm = await first('/api/v1/reference/delivery-forms');
  into.physicalForm = await first('/api/v1/reference/physical-forms');
  into.nomenclature = await first('/api/v1/reference/nomenclature');
  into.journal = await first('/api/v1/reference/journals');
  into.counterpart = await first('/api/v1/reference/counterparts');
}

beforeAll(async () => {
  const base = embedded.baseUrl;
  token = await tokenFor(base, 'admin2');
  operatorToken = await tokenFor(base, 'operator');
  api = apiClient(base, token);
  const theirApi = apiClient(base, await tokenFor(base, 'admin'));

  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Schema> };
  };
  components = doc.components.schemas;
  for (const [template, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content;
      const parameters = (op.parameters ?? []) as Array<{
        name: string;
        in: string;
        required?: boolean;
        schema: Schema;
      }>;
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(op.operationId),
        // An empty requirement among them (the public API's optional integrator key) needs none.
        auth:
          Array.isArray(op.security) &&
          op.security.length > 0 &&
          !op.security.some((r: object) => Object.keys(r).length === 0),
        ...(content?.['application/json'] ? { body: content['application/json'].schema } : {}),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
      });
    }

  // Tenant demo1: the other tenant.
  await objectsOf(theirApi, theirs);
  theirs.employee = (await all(theirApi, '/api/v1/employees'))[0]!.id;
  theirs.template = (
    await theirApi.get<{ items: Item[] }>('/api/v1/approval-route-templates')
  ).body.items[0]!.id;
  theirs.internal = (
    await created(theirApi, '/api/v1/documents/internal', { summary: 'Başqa qurumun sənədi' })
  ).id;
  theirs.incoming = theirs.internal;
  theirs.outgoing = theirs.internal;
  theirs.execution = theirs.internal;
  theirs.cursor = (
    await theirApi.get<{ nextCursor: string }>('/api/v1/reference/regions?limit=1')
  ).body.nextCursor;

  // Tenant demo2: real objects for every path parameter, made before the "before" snapshot.
  await objectsOf(api, mine);
  const employees = await all(api, '/api/v1/employees');
  const user = (name: string) => employees.find((e) => e.username === name)!.id;
  mine.employee = user('executor21');
  mine.employee2 = user('head2');
  const admin2 = user('admin2');
  mine.substitution = (
    await created(api, '/api/v1/substitutions', {
      employeeId: mine.employee,
      substituteId: mine.employee2,
      from: futureDate(300),
      to: futureDate(310),
    })
  ).id;
  mine.absence = (
    await created(api, '/api/v1/absences', {
      employeeId: mine.employee,
      kind: 'leave',
      from: futureDate(400),
      to: futureDate(405),
      substituteId: mine.employee2,
    })
  ).id;
  // An agency nobody registered: the operator's routes answer 404 and write nothing (resending an
  // existing agency's invitation would write one).
  mine.tenantKey = 'no-such-agency';
  // The transfer routes are the archive role's (this agency's admin gets 403 before any lookup).
  mine.transfer = randomUUID();
  mine.reportExport = randomUUID();
  // A received item of the exchange arrives only from another agency's delivery: none is here,
  // so the queue's item routes answer 404 and write nothing.
  mine.received = randomUUID();
  mine.webhookSubscription = (
    (await created(api, '/api/v1/webhooks/subscriptions', {
      url: 'http://127.0.0.1:9/hostile-hook',
      events: ['document.registered'],
      // Off: nothing is delivered to it while other files register documents.
      active: false,
    })) as unknown as { subscription: Item }
  ).subscription.id;
  mine.integratorKey = (
    (await created(api, '/api/v1/integrator-keys', {
      name: `Hostil inteqrator ${rand()}`,
      requestsPerMinute: 600,
    })) as unknown as { integratorKey: Item }
  ).integratorKey.id;
  mine.template = (
    await created(api, '/api/v1/approval-route-templates', {
      name: `Hostil marşrut ${rand()}`,
      kinds: ['incoming', 'outgoing', 'internal', 'order'],
      classificationIds: [],
      stages: [{ kind: 'signing', mode: 'sequential', participants: [{ employeeId: mine.employee2 }] }],
    })
  ).id;
  const incoming = await created(api, '/api/v1/documents/incoming', {
    sender: { kind: 'citizen', name: 'Hostil Vətəndaş' },
    summary: 'Hostil sınaq ərizəsi',
    addresseeId: admin2,
  });
  mine.incoming = incoming.id;
  mine.outgoing = (
    await created(api, '/api/v1/documents/outgoing', {
      summary: 'Hostil sınaq məktubu',
      signatoryId: mine.employee2,
      recipients: [{ name: 'Alıcı' }],
    })
  ).id;
  mine.internal = (await created(api, '/api/v1/documents/internal', { summary: 'Hostil sınaq qeydi' })).id;
  mine.order = (
    await created(api, '/api/v1/documents/order', { summary: 'Hostil əmr', category: 'order' })
  ).id;
  await created(api, `/api/v1/documents/${incoming.id}/resolutions`, {
    version: incoming.version,
    text: 'İcraya',
    executors: [{ employeeId: admin2 }],
  });
  const tree = await api.get<{ assignments: Item[] }>(`/api/v1/documents/${incoming.id}/execution`);
  mine.execution = tree.body.assignments.find((a) => a.kind === 'execution')!.id;
  // One file uploaded and stored (the object store is not empty), one declared and never uploaded.
  const bytes = Buffer.from('%PDF-1.4 hostile input test\n');
  const stored = await created(api, `/api/v1/documents/${mine.internal}/contents`, {
    fileName: 'sınaq.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  const upload = stored.upload as { url: string; signedHeaders: Record<string, string> };
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.signedHeaders, body: bytes });
  expect(put.status, await put.text()).toBe(200);
  mine.storedContent = (stored.content as Item).id;
  const done = await api.post(
    `/api/v1/documents/${mine.internal}/contents/${mine.storedContent}/complete`,
    {},
  );
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  const pending = await created(api, `/api/v1/documents/${mine.internal}/contents`, {
    fileName: 'gözlənilən.pdf',
    contentType: 'application/pdf',
    size: 10,
    sha256: 'a'.repeat(64),
  });
  mine.pendingContent = (pending.content as Item).id;
  // A disposal act awaiting its route (drawing one up needs years to pass: it is written directly).
  const internal = (await api.get<Item>(`/api/v1/documents/${mine.internal}`)).body;
  const now = new Date().toISOString();
  const act = {
    id: randomUUID(),
    tenantId: String(internal.tenantId),
    version: 1,
    createdAt: now,
    updatedAt: now,
    status: 'approval',
    drawnUpBy: 'archivist',
    cutoff: now,
    cases: [],
    documentIds: [mine.incoming!],
    more: false,
    listing: 'Hostil sınaq aktı',
    documentId: mine.internal!,
  };
  await new DynamoAggregateStore(tableClientOf(embedded.baseUrl), TABLE_NAME).create(
    'archive-disposal',
    act,
    {
      actorId: 'test',
      sortKey: `${now}#${act.id}`,
    },
  );
  mine.disposalAct = act.id;
});

afterAll(() => {
  agent.destroy();
  outsider.destroy();
});

describe('hostile input', () => {
  it('answers every hostile request of every operation below 500 with problem+json, and writes nothing', async () => {
    const writes = operations.filter((o) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(o.method));
    expect(writes.length).toBeGreaterThan(30);
    for (const op of writes.filter((o) => o.body))
      expect(bodyProbes(op).length, `${op.operationId}: hostile bodies`).toBeGreaterThanOrEqual(30);
    const probes = operations.flatMap(probesOf);
    const tableBefore = await tableItems();
    const objectsBefore = await storedObjects();
    // The scans see the tenant's data (the right table and buckets, not an empty stand-in).
    expect([...tableBefore.values()].filter((i) => i.entity === 'document').length).toBeGreaterThanOrEqual(4);
    expect(objectsBefore.length).toBeGreaterThan(0);

    const failures = await runAll(probes);

    // All three are reported together: a wrong answer and a write often come from one defect.
    expect
      .soft(failures.slice(0, 60), `${failures.length} of ${probes.length} answers were wrong`)
      .toEqual([]);
    expect.soft(tableChanges(tableBefore, await tableItems()), 'items written to the table').toEqual([]);
    expect.soft(await storedObjects(), 'objects written to the buckets').toEqual(objectsBefore);
  }, 600_000);

  it('keeps injection strings, control characters and odd Unicode as data', async () => {
    for (const [label, value] of injections) {
      if (typeof value !== 'string') continue;
      const summary = `Sınaq ${value} son`;
      const res = await api.post<Item>('/api/v1/documents/internal', { summary, note: value });
      expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (res.status !== 201) {
        expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
        continue;
      }
      const back = await api.get<Item>(`/api/v1/documents/${res.body.id}`);
      expect(back.body.summary, label).toBe(summary);
      let query: string;
      try {
        query = encodeURIComponent(value.trim() || 'Sınaq');
      } catch {
        continue; // not representable in a URL (a lone surrogate): nothing to search for
      }
      const found = await api.get<{ items: Item[] }>(
        `/api/v1/documents?kind=internal&summary=${query}&limit=100`,
      );
      expect(found.status, label).toBeLessThan(500);
      // A filter is a filter: only documents that contain the (folded) text, never "everything".
      for (const item of found.body.items)
        expect(foldText(String(item.summary)), label).toContain(foldText(value));
      expect(
        found.body.items.map((i) => i.id),
        label,
      ).toContain(res.body.id);
    }
  });
});
