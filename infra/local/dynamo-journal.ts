import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicSync } from './fs-durable';
import {
  BatchGetItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/**
 * The hidden attribute that orders the writes of one item: a number stamped by the journal on every
 * item it puts or updates. It never leaves the server: the journal strips it from every answer of the
 * client it is attached to, and the stream poller from every stream image.
 */
export const WRITE_STAMP = '__kg_ws';

/** Entries this close to the last one are checked at start; older writes were long on disk. */
const REPLAY_WINDOW_MS = 60_000;
/** A segment is closed after a minute and deleted ten minutes after its last entry. */
const SEGMENT_MS = 60_000;
const RETAIN_MS = 10 * 60_000;
/** Stamps are reserved on disk a minute (of microseconds) ahead, so a restart never reuses one. */
const STAMP_RESERVE = 60_000_000;
const STAMP_NAME = '#kgWriteStamp';
const STAMP_VALUE = ':kgWriteStamp';

const WRITES = new Set([
  'PutItemCommand',
  'DeleteItemCommand',
  'UpdateItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);
const PARTIQL = new Set([
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
]);

/** An attribute value as DynamoDB's JSON protocol carries it (binary as base64). */
type Wire = Record<string, unknown>;
type WireItem = Record<string, Wire>;
interface Target {
  tb: string;
  k: WireItem;
}
/** The effect of a write on one item: its new full image, or (no `i`) its deletion. */
interface Effect extends Target {
  i?: WireItem;
}
/** A journaled write (`w`), a write with deletes about to be sent (`intent`), or one refused (`abort`). */
type Line =
  | { t: number; s: number; w: Effect[] }
  | { t: number; s: number; intent: { d: Target[]; sib: Target[]; atomic: boolean } }
  | { t: number; s: number; abort: true };
type Intent = { s: number; d: Target[]; sib: Target[]; atomic: boolean };

interface Plan {
  /** Every item the request touches (condition checks too): the locks to hold. */
  targets: Target[];
  puts: Array<Target & { item: WireItem }>;
  updates: Array<Target & { request: Wire }>;
  deletes: Target[];
  atomic: boolean;
}

const keyId = (t: Target) =>
  `${t.tb}\u0000${JSON.stringify(
    Object.keys(t.k)
      .sort()
      .map((n) => [n, t.k[n]]),
  )}`;

/**
 * A write-ahead journal for DynamoDB Local in the embedded default. On a hard kill, DynamoDB Local
 * can lose writes it had already acknowledged (observed: the last one or two transactions before the
 * kill). Attached to the handlers' DynamoDB client, the journal:
 *
 * - serializes the writes of each item in this process (the items' locks are taken in sorted order),
 *   and stamps every item a write puts or updates with a monotonic `WRITE_STAMP`, so that for each
 *   item the stamps follow the order in which DynamoDB applied the writes;
 * - records each acknowledged write's effect per item (the new full image, or a tombstone for a
 *   delete) with its stamp while still holding the locks, and lets the caller see success only once
 *   that record is fsynced (group commit: what queued up during one fsync goes out in the next);
 * - for a write that deletes, first fsyncs an intent (what it deletes, and what else it writes), so
 *   that a delete DynamoDB applied and kept before the process died can be told from one it lost.
 *
 * On the next start, `replay` takes each recent item's last record and applies it only if the table
 * holds an older state of that item: an image goes back when the item is missing or has an older
 * stamp, a tombstone when the item is still there with an older stamp. An item that is newer than
 * its last record was written by a request that DynamoDB applied but the journal never recorded (the
 * process died in between): it stays, so no transaction is partly undone. Items written before the
 * stamp existed count as oldest. Only the last minute of the journal is replayed (DynamoDB Local
 * was only ever seen to lose its last transaction or two before the kill); restored states are
 * journaled again, and segments are deleted ten minutes after their last write.
 *
 * PartiQL writes cannot be journaled this way and are refused; writes through other clients (the
 * bench's raw PutItem, test fixtures) are not journaled. AWS does not need any of this.
 */
export class DynamoWriteJournal {
  private handle: FileHandle | undefined;
  private segmentStart = 0;
  private queue: Array<{ line: string; done: (error?: unknown) => void }> = [];
  private flushing = false;
  private readonly locks = new Map<string, Promise<void>>();
  private readonly keySchemas = new Map<string, Promise<string[]>>();
  private readonly stampFile: string;
  private lastStamp: number;
  private reservedStamp: number;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.stampFile = join(dir, 'stamp.json');
    const saved = existsSync(this.stampFile)
      ? Number((JSON.parse(readFileSync(this.stampFile, 'utf8')) as { reserved?: unknown }).reserved)
      : 0;
    this.reservedStamp = Number.isSafeInteger(saved) ? saved : 0;
    this.lastStamp = this.reservedStamp;
  }

  /** Journals every write of `client` (and of document clients built on it); see the class comment. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        if (PARTIQL.has(command)) refusePartiqlWrites(command, readBody(args.request));
        if (!WRITES.has(command)) {
          try {
            const result = await next(args);
            stripOutput(result.output);
            return result;
          } catch (error) {
            stripOutput(error);
            throw error;
          }
        }
        const body = readBody(args.request);
        const plan = await this.plan(client, command, body);
        const release = await this.lock(plan.targets);
        let durable: Promise<void>;
        let result: Awaited<ReturnType<typeof next>>;
        try {
          const stamp = this.nextStamp();
          const stampValue = { N: String(stamp) };
          for (const p of plan.puts) p.item[WRITE_STAMP] = stampValue;
          for (const u of plan.updates) stampUpdate(u.request, stampValue);
          writeBody(args.request, body);
          if (plan.deletes.length > 0) {
            const sib = plan.atomic ? [...plan.puts, ...plan.updates].map(({ tb, k }) => ({ tb, k })) : [];
            await this.append({
              t: Date.now(),
              s: stamp,
              intent: { d: plan.deletes, sib, atomic: plan.atomic },
            });
          }
          try {
            result = await next(args);
          } catch (error) {
            // A refusal (4xx) changed nothing; anything else stays in doubt until the next start.
            if (plan.deletes.length > 0 && isRefusal(error))
              this.append({ t: Date.now(), s: stamp, abort: true }).catch(() => undefined);
            stripOutput(error);
            throw error;
          }
          const effects = await this.effects(client, plan, stamp, result.output);
          durable = this.append({ t: Date.now(), s: stamp, w: effects });
        } finally {
          release();
        }
        await durable;
        stripOutput(result.output);
        return result;
      },
      { step: 'build', name: 'karguzarWriteJournal' },
    );
  }

  /** The items a write request touches, read from its wire body (the same for document clients). */
  private async plan(client: DynamoDBClient, command: string, body: Wire): Promise<Plan> {
    const plan: Plan = { targets: [], puts: [], updates: [], deletes: [], atomic: false };
    const tables = new Set<string>();
    const requests: Array<{ kind: 'put' | 'delete' | 'update' | 'check'; tb: string; request: Wire }> = [];
    if (command === 'PutItemCommand') requests.push({ kind: 'put', tb: str(body.TableName), request: body });
    if (command === 'DeleteItemCommand')
      requests.push({ kind: 'delete', tb: str(body.TableName), request: body });
    if (command === 'UpdateItemCommand')
      requests.push({ kind: 'update', tb: str(body.TableName), request: body });
    if (command === 'BatchWriteItemCommand') {
      for (const [tb, list] of Object.entries((body.RequestItems ?? {}) as Record<string, Wire[]>)) {
        for (const r of list) {
          if (r.PutRequest) requests.push({ kind: 'put', tb, request: r.PutRequest as Wire });
          if (r.DeleteRequest) requests.push({ kind: 'delete', tb, request: r.DeleteRequest as Wire });
        }
      }
    }
    if (command === 'TransactWriteItemsCommand') {
      plan.atomic = true;
      for (const t of (body.TransactItems ?? []) as Wire[]) {
        const [kind, request] = t.Put
          ? (['put', t.Put] as const)
          : t.Delete
            ? (['delete', t.Delete] as const)
            : t.Update
              ? (['update', t.Update] as const)
              : (['check', t.ConditionCheck] as const);
        const r = request as Wire;
        requests.push({ kind, tb: str(r.TableName), request: r });
      }
    }
    for (const r of requests) tables.add(r.tb);
    const schemas = new Map<string, string[]>();
    for (const tb of tables) schemas.set(tb, await this.keySchema(client, tb));
    for (const { kind, tb, request } of requests) {
      const names = schemas.get(tb)!;
      if (kind === 'put') {
        const item = request.Item as WireItem;
        const target = { tb, k: pick(item, names) };
        plan.puts.push({ ...target, item });
        plan.targets.push(target);
      } else {
        const target = { tb, k: pick(request.Key as WireItem, names) };
        plan.targets.push(target);
        if (kind === 'delete') plan.deletes.push(target);
        if (kind === 'update') plan.updates.push({ ...target, request });
      }
    }
    return plan;
  }

  /** What an acknowledged write did to each item; updated items are read back under their locks. */
  private async effects(
    client: DynamoDBClient,
    plan: Plan,
    stamp: number,
    output: unknown,
  ): Promise<Effect[]> {
    const unprocessed = new Set<string>();
    const pending = (output as { UnprocessedItems?: Record<string, Wire[]> } | undefined)?.UnprocessedItems;
    for (const [tb, list] of Object.entries(pending ?? {})) {
      const names = await this.keySchema(client, tb);
      for (const r of list) {
        const put = r.PutRequest as { Item?: Record<string, unknown> } | undefined;
        const del = r.DeleteRequest as { Key?: Record<string, unknown> } | undefined;
        const source = put?.Item ?? del?.Key;
        if (source) unprocessed.add(keyId({ tb, k: wireKey(source, names) }));
      }
    }
    const effects: Effect[] = [];
    for (const p of plan.puts) if (!unprocessed.has(keyId(p))) effects.push({ tb: p.tb, k: p.k, i: p.item });
    for (const d of plan.deletes) if (!unprocessed.has(keyId(d))) effects.push({ tb: d.tb, k: d.k });
    if (plan.updates.length > 0) {
      const read = await readItems(client, plan.updates, (tb) => this.keySchema(client, tb));
      for (const u of plan.updates) {
        const image = read.get(keyId(u));
        // Under the item's lock nothing else wrote it since: this is the image the update made.
        effects.push(
          image
            ? { tb: u.tb, k: u.k, i: { ...image, [WRITE_STAMP]: { N: String(stamp) } } }
            : { tb: u.tb, k: u.k },
        );
      }
    }
    return effects;
  }

  private keySchema(client: DynamoDBClient, table: string): Promise<string[]> {
    let names = this.keySchemas.get(table);
    if (!names) {
      names = client
        .send(new DescribeTableCommand({ TableName: table }))
        .then((res) => (res.Table?.KeySchema ?? []).map((k) => k.AttributeName!));
      names.catch(() => this.keySchemas.delete(table));
      this.keySchemas.set(table, names);
    }
    return names;
  }

  /** Takes the items' locks in sorted order (no deadlock); returns the release of all of them. */
  private async lock(targets: Target[]): Promise<() => void> {
    const ids = [...new Set(targets.map(keyId))].sort();
    const releases: Array<() => void> = [];
    for (const id of ids) {
      const previous = this.locks.get(id) ?? Promise.resolve();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => held);
      this.locks.set(id, tail);
      await previous;
      releases.push(() => {
        release();
        if (this.locks.get(id) === tail) this.locks.delete(id);
      });
    }
    return () => {
      for (const r of releases) r();
    };
  }

  /** A stamp above every one handed out before, in this run or an earlier one (reserved on disk). */
  private nextStamp(): number {
    const stamp = Math.max(this.lastStamp + 1, Date.now() * 1000);
    if (stamp > this.reservedStamp) {
      this.reservedStamp = stamp + STAMP_RESERVE;
      writeFileAtomicSync(this.stampFile, JSON.stringify({ reserved: this.reservedStamp }));
    }
    this.lastStamp = stamp;
    return stamp;
  }

  private append(line: Line): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(line)}\n`, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  /** Group commit: whatever queued while the last fsync ran goes out in one write and one fsync. */
  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          const handle = await this.segment();
          await handle.appendFile(batch.map((b) => b.line).join(''));
          await handle.sync();
          for (const b of batch) b.done();
        } catch (error) {
          for (const b of batch) b.done(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async segment(): Promise<FileHandle> {
    const now = Date.now();
    if (this.handle && now - this.segmentStart < SEGMENT_MS) return this.handle;
    await this.handle?.close();
    this.segmentStart = now;
    this.handle = await open(join(this.dir, `${String(now).padStart(15, '0')}.jsonl`), 'a');
    for (const name of this.segments()) {
      const path = join(this.dir, name);
      if (now - statSync(path).mtimeMs > RETAIN_MS) rmSync(path, { force: true });
    }
    return this.handle;
  }

  private segments(): string[] {
    return readdirSync(this.dir)
      .filter((n) => n.endsWith('.jsonl'))
      .sort();
  }

  /** The journal's lines, but for segments last written well before the replay window. */
  private lines(): Line[] {
    const lines: Line[] = [];
    const segments = this.segments().map((name) => ({ name, mtime: statSync(join(this.dir, name)).mtimeMs }));
    const newest = segments.reduce((m, s) => Math.max(m, s.mtime), 0);
    for (const { name, mtime } of segments) {
      // Every line of a segment is older than its last write; 10 s of slack for slow disks.
      if (mtime < newest - REPLAY_WINDOW_MS - 10_000) continue;
      for (const text of readFileSync(join(this.dir, name), 'utf8').split('\n')) {
        if (!text.trim()) continue;
        try {
          const line = JSON.parse(text) as Partial<Line>;
          // Lines of the journal before stamps (`puts`, no `s`) cannot be ordered: ignored.
          if (typeof line.s === 'number' && typeof line.t === 'number') lines.push(line as Line);
        } catch {
          // A line cut short by the crash was never acknowledged: nothing to restore.
        }
      }
    }
    return lines;
  }

  /**
   * Brings the table back to the last acknowledged state of every recently written item. Run before
   * anything else writes, with a client the journal is not attached to (it must see the stamps).
   */
  async replay(client: DynamoDBClient): Promise<{ checked: number; restored: number }> {
    const lines = this.lines();
    const last = lines.reduce((m, l) => Math.max(m, l.t), 0);
    const records = new Map<string, { s: number; e: Effect }>();
    const resolved = new Set<number>();
    const intents: Intent[] = [];
    for (const line of lines) {
      if (line.t < last - REPLAY_WINDOW_MS) continue;
      if ('w' in line) {
        resolved.add(line.s);
        for (const e of line.w) {
          const id = keyId(e);
          if ((records.get(id)?.s ?? -Infinity) <= line.s) records.set(id, { s: line.s, e });
        }
      } else if ('abort' in line) resolved.add(line.s);
      else intents.push({ s: line.s, ...line.intent });
    }
    const inDoubt = intents.filter((i) => !resolved.has(i.s));
    const targets = new Map<string, Target>();
    for (const { e } of records.values()) targets.set(keyId(e), e);
    for (const i of inDoubt) for (const t of [...i.d, ...i.sib]) targets.set(keyId(t), t);
    const current = await readItems(client, [...targets.values()], (tb) => this.keySchema(client, tb));
    /** The current item's stamp: undefined if it is missing, -1 if it has none (written before stamps). */
    const stampOf = (id: string) => {
      const item = current.get(id);
      if (!item) return undefined;
      const n = item[WRITE_STAMP]?.N;
      return n === undefined ? -1 : Number(n);
    };
    const applied = (intent: Intent, id: string) => {
      const kept = (t: Target) => {
        const s = stampOf(keyId(t));
        return s !== undefined && s >= intent.s;
      };
      const gone = (t: Target) => {
        const s = stampOf(keyId(t));
        return s === undefined || s >= intent.s;
      };
      // A transaction happened as a whole: its puts and updates tell whether DynamoDB kept it.
      if (intent.atomic && intent.sib.length > 0) return intent.sib.some(kept);
      if (intent.atomic) return intent.d.every(gone);
      return stampOf(id) === undefined;
    };

    const restored: Array<{ s: number; e: Effect }> = [];
    for (const [id, record] of records) {
      const { s, e } = record;
      const now = stampOf(id);
      if (e.i) {
        if (now !== undefined && now >= s) continue;
        // Missing: lost by DynamoDB, unless a later delete (in doubt at the crash) was kept.
        if (
          now === undefined &&
          inDoubt.some((i) => i.s > s && i.d.some((t) => keyId(t) === id) && applied(i, id))
        )
          continue;
        await client.send(new PutItemCommand({ TableName: e.tb, Item: fromWire(e.i) }));
      } else {
        if (now === undefined || now >= s) continue;
        await client.send(new DeleteItemCommand({ TableName: e.tb, Key: fromWire(e.k) }));
      }
      restored.push(record);
    }
    // Restored states are journaled again, so they survive another crash after old segments go.
    await Promise.all(restored.map(({ s, e }) => this.append({ t: Date.now(), s, w: [e] })));
    return { checked: records.size, restored: restored.length };
  }

  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** Removes the write stamp from a stream record's or an answer's item image (in place). */
export function withoutWriteStamp<T>(image: T): T {
  if (image && typeof image === 'object') delete (image as Record<string, unknown>)[WRITE_STAMP];
  return image;
}

/** Every place an answer (or an error) of DynamoDB carries items. */
function stripOutput(output: unknown): void {
  if (!output || typeof output !== 'object') return;
  const o = output as Record<string, unknown>;
  withoutWriteStamp(o.Item);
  withoutWriteStamp(o.Attributes);
  if (Array.isArray(o.Items)) o.Items.forEach(withoutWriteStamp);
  if (Array.isArray(o.Responses))
    for (const r of o.Responses) withoutWriteStamp((r as Wire | undefined)?.Item);
  else if (o.Responses && typeof o.Responses === 'object')
    for (const list of Object.values(o.Responses)) if (Array.isArray(list)) list.forEach(withoutWriteStamp);
  if (Array.isArray(o.CancellationReasons))
    for (const r of o.CancellationReasons) withoutWriteStamp((r as Wire | undefined)?.Item);
}

function refusePartiqlWrites(command: string, body: Wire): void {
  const statements =
    command === 'ExecuteStatementCommand'
      ? [body.Statement]
      : (
          ((command === 'ExecuteTransactionCommand' ? body.TransactStatements : body.Statements) ??
            []) as Wire[]
        ).map((s) => s.Statement);
  if (statements.some((s) => !/^\s*SELECT\s/i.test(String(s)))) {
    throw new Error(
      'The embedded default journals every write to DynamoDB Local and cannot journal PartiQL writes: ' +
        'use PutItem, UpdateItem, DeleteItem, BatchWriteItem or TransactWriteItems',
    );
  }
}

/** Adds `SET <stamp> = :stamp` to an update (its SET clause, or a new one). */
function stampUpdate(request: Wire, value: Wire): void {
  const expression = request.UpdateExpression as string | undefined;
  if (expression === undefined && request.AttributeUpdates) {
    (request.AttributeUpdates as Wire)[WRITE_STAMP] = { Action: 'PUT', Value: value };
    return;
  }
  const set = /(^|[^\w#:.[\]])SET(\s)/i;
  request.UpdateExpression =
    expression === undefined || expression.trim() === ''
      ? `SET ${STAMP_NAME} = ${STAMP_VALUE}`
      : set.test(expression)
        ? expression.replace(set, `$1SET ${STAMP_NAME} = ${STAMP_VALUE},$2`)
        : `SET ${STAMP_NAME} = ${STAMP_VALUE} ${expression}`;
  request.ExpressionAttributeNames = {
    ...(request.ExpressionAttributeNames as Wire),
    [STAMP_NAME]: WRITE_STAMP,
  };
  request.ExpressionAttributeValues = {
    ...(request.ExpressionAttributeValues as Wire),
    [STAMP_VALUE]: value,
  };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function readBody(request: unknown): Wire {
  const body = (request as { body?: unknown }).body;
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? decoder.decode(body) : '{}';
  return JSON.parse(text || '{}') as Wire;
}

function writeBody(request: unknown, body: Wire): void {
  const r = request as { body: unknown; headers: Record<string, string> };
  const bytes = encoder.encode(JSON.stringify(body));
  r.body = bytes;
  for (const name of Object.keys(r.headers))
    if (name.toLowerCase() === 'content-length') delete r.headers[name];
  r.headers['content-length'] = String(bytes.byteLength);
}

function isRefusal(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}

const str = (value: unknown) => String(value ?? '');

function pick(item: WireItem | undefined, names: string[]): WireItem {
  const key: WireItem = {};
  for (const n of names) if (item?.[n]) key[n] = item[n];
  return key;
}

/** An item's key in wire form, from an answer of the plain client or of a document client. */
function wireKey(item: Record<string, unknown>, names: string[]): WireItem {
  const key: WireItem = {};
  for (const n of names) {
    const v = item[n];
    if (typeof v === 'string') key[n] = { S: v };
    else if (typeof v === 'number' || typeof v === 'bigint') key[n] = { N: String(v) };
    else if (v instanceof Uint8Array) key[n] = { B: Buffer.from(v).toString('base64') };
    else if (v && typeof v === 'object' && ('S' in v || 'N' in v || 'B' in v))
      key[n] = toWire(v as AttributeValue);
    else if (v && typeof v === 'object' && 'value' in v)
      key[n] = { N: String((v as { value: unknown }).value) };
  }
  return key;
}

function toWire(value: AttributeValue): Wire {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined)
    return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, toWire(v)])) };
  if (value.L !== undefined) return { L: value.L.map(toWire) };
  return { ...value } as Wire;
}

function fromWire(item: WireItem): Record<string, AttributeValue> {
  const one = (value: Wire): AttributeValue => {
    if (typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') };
    if (Array.isArray(value.BS)) return { BS: (value.BS as string[]).map((b) => Buffer.from(b, 'base64')) };
    if (value.M && typeof value.M === 'object')
      return { M: Object.fromEntries(Object.entries(value.M as WireItem).map(([k, v]) => [k, one(v)])) };
    if (Array.isArray(value.L)) return { L: (value.L as Wire[]).map(one) };
    return value as unknown as AttributeValue;
  };
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, one(v)]));
}

/** Current items by key id (consistent reads, 100 keys a request), in wire form. */
async function readItems(
  client: DynamoDBClient,
  targets: Target[],
  keySchema: (table: string) => Promise<string[]>,
): Promise<Map<string, WireItem>> {
  const found = new Map<string, WireItem>();
  for (let i = 0; i < targets.length; i += 100) {
    let request: Record<string, { Keys: Array<Record<string, AttributeValue>>; ConsistentRead: true }> = {};
    for (const t of targets.slice(i, i + 100)) {
      (request[t.tb] ??= { Keys: [], ConsistentRead: true }).Keys.push(fromWire(t.k));
    }
    while (Object.keys(request).length > 0) {
      const res = await client.send(new BatchGetItemCommand({ RequestItems: request }));
      for (const [tb, items] of Object.entries(res.Responses ?? {})) {
        const names = await keySchema(tb);
        for (const item of items) {
          const wire = Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toWire(v)]));
          found.set(keyId({ tb, k: pick(wire, names) }), wire);
        }
      }
      request = {};
      for (const [tb, rest] of Object.entries(res.UnprocessedKeys ?? {}))
        if (rest.Keys?.length) request[tb] = { Keys: rest.Keys, ConsistentRead: true };
    }
  }
  return found;
}
