import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';

/** Entries this close to the last one are checked at start; older commits were long on disk. */
const REPLAY_WINDOW_MS = 60_000;
/** A segment is closed after a minute and deleted ten minutes after its last entry. */
const SEGMENT_MS = 60_000;
const RETAIN_MS = 10 * 60_000;

type Item = Record<string, AttributeValue>;
interface Entry {
  t: number;
  puts: Array<{ table: string; item: Item }>;
}

/**
 * A write-ahead journal for DynamoDB Local. On a hard kill, DynamoDB Local can lose a transaction it
 * had already acknowledged (observed: the last one or two before the kill). The embedded default
 * therefore records, before the caller sees the answer, the full item images of every successful
 * TransactWriteItems (all our writes put whole items) in an fsynced file, and on the next start puts
 * back any image that is missing or older (by `version`, or `seq` for journal counters).
 * Deletes are not replayed: the only ones release unique claims, and a stale claim fails safe.
 */
export class DynamoWriteJournal {
  private handle: FileHandle | undefined;
  private segmentStart = 0;
  private queue: Array<{ line: string; done: (error?: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Journals each transaction after DynamoDB accepted it and before the caller resumes. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'TransactWriteItemsCommand') {
          const input = args.input as { TransactItems?: TransactWriteItem[] };
          const puts = (input.TransactItems ?? [])
            .filter((t) => t.Put?.Item && t.Put.TableName)
            .map((t) => ({ table: t.Put!.TableName!, item: t.Put!.Item! }));
          if (puts.length > 0) await this.append({ t: Date.now(), puts });
        }
        return result;
      },
      { step: 'build', name: 'karguzarWriteJournal' },
    );
  }

  private append(entry: Entry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(entry)}\n`, done: (e) => (e ? reject(e) : resolve()) });
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

  private entries(): Entry[] {
    const entries: Entry[] = [];
    for (const name of this.segments()) {
      for (const line of readFileSync(join(this.dir, name), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          entries.push(JSON.parse(line) as Entry);
        } catch {
          // A line cut short by the crash was never acknowledged: nothing to restore.
        }
      }
    }
    return entries;
  }

  /** Puts back the journaled images DynamoDB Local lost. Run before anything else writes. */
  async replay(client: DynamoDBClient): Promise<{ checked: number; restored: number }> {
    const entries = this.entries();
    const last = entries.reduce((m, e) => Math.max(m, e.t), 0);
    let checked = 0;
    let restored = 0;
    for (const entry of entries.filter((e) => e.t >= last - REPLAY_WINDOW_MS)) {
      for (const { table, item } of entry.puts) {
        checked++;
        const key = { pk: item.pk!, sk: item.sk! };
        const current = (
          await client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))
        ).Item;
        if (!current || older(current, item)) {
          await client.send(new PutItemCommand({ TableName: table, Item: item }));
          restored++;
        }
      }
    }
    return { checked, restored };
  }

  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    await this.handle?.close();
    this.handle = undefined;
  }
}

function older(current: Item, image: Item): boolean {
  for (const field of ['version', 'seq']) {
    const a = current[field]?.N;
    const b = image[field]?.N;
    if (a !== undefined && b !== undefined) return Number(a) < Number(b);
  }
  return false;
}
