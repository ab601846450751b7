import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../functions/platform/ports/clock.port';
import { writeFileAtomicSync as writeFileAtomic } from '../fs-durable';

/** A clock the runner can subscribe to, so that timers are re-evaluated when time jumps. */
export interface RunnerClock extends Clock {
  /** Called whenever the clock jumps (advance). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** The system clock; what the runner uses unless told otherwise. Never jumps. */
export class SystemClock implements RunnerClock {
  now(): Date {
    return new Date();
  }
  onChange(): () => void {
    return () => undefined;
  }
}

/**
 * Local-only controllable clock: system time plus an offset that can only grow. The offset is kept
 * in `<dataDir>/clock.json` (atomically written) so that a restarted runner keeps the same notion
 * of "now" as before. A new data folder may start at a chosen instant (`startAt`, from
 * KARGUZAR_CLOCK_START): tests and demos that need given dates set it instead of pinning dates
 * the calendar will pass. Never used in AWS.
 */
export class ControllableClock implements RunnerClock {
  private offsetMs: number;
  private readonly listeners = new Set<() => void>();
  private readonly file: string;

  constructor(dataDir: string, options: { startAt?: Date } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'clock.json');
    const saved = readOffset(this.file);
    if (saved === undefined && options.startAt) {
      // Only a new data folder takes the start: a restart keeps the time it had.
      this.offsetMs = options.startAt.getTime() - Date.now();
      writeFileAtomic(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
    } else this.offsetMs = saved ?? 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves time forward by `ms` (>= 0), persists the offset and wakes every listener. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('advance(ms) needs a finite, non-negative number');
    this.offsetMs += Math.round(ms);
    writeFileAtomic(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
    for (const listener of this.listeners) listener();
    return this.now();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function readOffset(file: string): number | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof parsed.offsetMs === 'number' && Number.isFinite(parsed.offsetMs) ? parsed.offsetMs : 0;
  } catch {
    return undefined;
  }
}

/**
 * KARGUZAR_CLOCK_START: an ISO 8601 instant with a zone (`2030-02-28T20:00:00Z`), or undefined.
 * Anything else fails the start with a clear message.
 */
export function clockStartFromEnv(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.KARGUZAR_CLOCK_START?.trim();
  if (!raw) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
  const at = new Date(raw);
  if (!ok || Number.isNaN(at.getTime()))
    throw new Error(
      `KARGUZAR_CLOCK_START must be an ISO 8601 instant such as 2030-02-28T20:00:00Z, got "${raw}"`,
    );
  return at;
}
