/**
 * oidc-provider storage adapter that keeps each model (Session, Grant, Interaction,
 * AuthorizationCode, RefreshToken, ...) in memory and mirrors it to
 * `<dataDir>/oidc/store/<Model>.json` (mode 0600, written through a temporary file and a rename).
 * Sessions, grants and refresh tokens therefore survive a restart or a `kill -9` (at worst the last
 * write in flight is lost). Access tokens are JWTs and are not stored at all. Expired entries are
 * dropped on load and on every write. Meant for the embedded default's handful of users, not for
 * load: every write rewrites the model's file.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import { writePrivateFile } from './keys';

interface Entry {
  payload: AdapterPayload;
  /** epoch ms; absent: no expiry */
  expiresAt?: number;
}

class ModelStore {
  private readonly entries = new Map<string, Entry>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly file: string) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
      for (const [id, entry] of Object.entries(saved)) this.entries.set(id, entry);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`cannot read ${file}: ${(err as Error).message}`, { cause: err });
      }
    }
    this.purge();
  }

  private purge(): void {
    const now = Date.now();
    for (const [id, entry] of this.entries)
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.entries.delete(id);
  }

  get(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  values(): IterableIterator<[string, Entry]> {
    return this.entries.entries();
  }

  set(id: string, entry: Entry): Promise<void> {
    this.entries.set(id, entry);
    return this.persist();
  }

  delete(id: string): Promise<void> {
    return this.entries.delete(id) ? this.persist() : Promise.resolve();
  }

  /** Writes are chained and coalesced: at most one write in flight plus one pending. */
  persist(): Promise<void> {
    if (this.dirty) return this.writing;
    this.dirty = true;
    // A failed write rejects its callers but does not stop later writes.
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        this.dirty = false;
        this.purge();
        await writePrivateFile(this.file, JSON.stringify(Object.fromEntries(this.entries)));
      });
    return this.writing;
  }

  flush(): Promise<void> {
    return this.writing.catch(() => undefined);
  }
}

export interface FileAdapterSet {
  factory: AdapterFactory;
  /** Waits for pending writes. */
  flush(): Promise<void>;
}

export function createFileAdapter(storeDir: string): FileAdapterSet {
  mkdirSync(storeDir, { recursive: true, mode: 0o700 });
  const stores = new Map<string, ModelStore>();
  const storeFor = (name: string): ModelStore => {
    let store = stores.get(name);
    if (!store) {
      if (!/^[A-Za-z]+$/.test(name)) throw new Error(`unexpected oidc model name ${name}`);
      store = new ModelStore(join(storeDir, `${name}.json`));
      stores.set(name, store);
    }
    return store;
  };

  const factory: AdapterFactory = (name: string): Adapter => {
    const store = storeFor(name);
    return {
      async upsert(id, payload, expiresIn) {
        await store.set(id, {
          payload,
          ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}),
        });
      },
      async find(id) {
        return store.get(id)?.payload;
      },
      async findByUid(uid) {
        for (const [id, entry] of store.values())
          if (entry.payload.uid === uid) return store.get(id)?.payload;
        return undefined;
      },
      async findByUserCode(userCode) {
        for (const [id, entry] of store.values())
          if (entry.payload.userCode === userCode) return store.get(id)?.payload;
        return undefined;
      },
      async consume(id) {
        const entry = store.get(id);
        if (!entry) return;
        await store.set(id, {
          ...entry,
          payload: { ...entry.payload, consumed: Math.floor(Date.now() / 1000) },
        });
      },
      async destroy(id) {
        await store.delete(id);
      },
      async revokeByGrantId(grantId) {
        const writes: Promise<void>[] = [];
        for (const other of stores.values()) {
          for (const [id, entry] of [...other.values()])
            if (entry.payload.grantId === grantId) writes.push(other.delete(id));
        }
        await Promise.all(writes);
      },
    };
  };

  return {
    factory,
    async flush() {
      await Promise.all([...stores.values()].map((s) => s.flush()));
    },
  };
}
