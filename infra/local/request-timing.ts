import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Where an API request's time went in the embedded default, told to the client in a
 * `Server-Timing` header (the list bench reads it): the handler (`app`), the DynamoDB calls made
 * while it ran (`db`, their count as the description) and the answer's compression (`br`/`gzip`).
 * Browsers show the header in their developer tools; AWS adds no such header, nor does this
 * change the answer's body.
 */
interface Timing {
  dbMs: number;
  dbCalls: number;
}

const current = new AsyncLocalStorage<Timing>();

/** Runs `work` (one API request's handler) with its DynamoDB calls counted. */
export async function timed<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; dbMs: number; dbCalls: number }> {
  const timing: Timing = { dbMs: 0, dbCalls: 0 };
  const started = performance.now();
  const result = await current.run(timing, work);
  return { result, ms: performance.now() - started, dbMs: timing.dbMs, dbCalls: timing.dbCalls };
}

/** The header's value: durations in milliseconds, one decimal. */
export function serverTiming(
  parts: ReadonlyArray<{ name: string; ms: number; description?: string }>,
): string {
  return parts
    .map((p) => `${p.name};${p.description ? `desc="${p.description}";` : ''}dur=${p.ms.toFixed(1)}`)
    .join(', ');
}

/** Adds each call's time (retries included) to the request it is made for, if any. */
export function timeDynamoCalls(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const timing = current.getStore();
      if (!timing) return next(args);
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        timing.dbMs += performance.now() - started;
        timing.dbCalls += 1;
      }
    },
    { step: 'initialize', name: 'karguzarRequestTiming' },
  );
}

/** The parts of a `Server-Timing` value, by name (what the bench reads back). */
export function parseServerTiming(value: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (value ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith('dur='));
    if (name && dur) out[name] = Number(dur.slice(4));
  }
  return out;
}
