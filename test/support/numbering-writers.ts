import { spawn, type ChildProcess } from 'node:child_process';
import { DynamoDocumentStore } from '../../functions/modules/documents/dynamodb/document-store.adapter';
import { TABLE_NAME } from '../../infra/local/embedded';
import type { Acknowledged } from './numbering-writer';
import { tableClientOf } from './table';

export interface WriterProcess {
  child: ChildProcess;
  /** Registrations this process acknowledged (printed), in the order they came. */
  acknowledged: Acknowledged[];
  /** What it wrote to stderr (the refusals it met). */
  errors(): string;
  /** Resolves once the process has loaded and waits for `go`. */
  ready: Promise<void>;
  /** Starts its registrations. */
  go(): void;
  /** Resolves with the exit code (null when killed) once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Starts `processes` writers of registration numbers (test/support/numbering-writer.ts), each a
 * Node process of its own with its own store on the DynamoDB Local at `endpoint`, all numbering
 * into the same journal of `tenantId`. They start registering on `go()` (after `ready`).
 */
export function startWriters(options: {
  endpoint: string;
  tenantId: string;
  journalId: string;
  processes: number;
  clientsPerProcess: number;
  /** Registrations each process makes (at most). */
  countPerProcess?: number;
  seconds?: number;
}): WriterProcess[] {
  return Array.from({ length: options.processes }, () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/support/numbering-writer.ts',
        options.endpoint,
        options.tenantId,
        options.journalId,
        String(options.clientsPerProcess),
        String(options.countPerProcess ?? 1e9),
        String(options.seconds ?? 3600),
      ],
      { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const acknowledged: Acknowledged[] = [];
    let isReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (isReady = resolve));
    let rest = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines)
        if (line === 'ready') isReady();
        else if (line.trim()) acknowledged.push(JSON.parse(line) as Acknowledged);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20000);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        isReady(); // (one that ended before it was ready must not hold the others)
        resolve(code);
      }),
    );
    const go = () => child.stdin!.end('go\n');
    return { child, acknowledged, errors: () => stderr, ready, go, exited };
  });
}

/** The numbers of a journal's entries as stored (year 2026, the writers' year), in order. */
export async function journalNumbers(
  endpoint: string,
  tenantId: string,
  journalId: string,
): Promise<number[]> {
  const client = tableClientOf(`http://127.0.0.1:${Number(new URL(endpoint).port) - 1}`);
  try {
    const store = new DynamoDocumentStore(client, TABLE_NAME);
    const seqs: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.journalChain(tenantId, journalId, 2026, {
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      seqs.push(...page.items.map((e) => e.link.seq));
      cursor = page.nextCursor;
    } while (cursor);
    return seqs;
  } finally {
    client.destroy();
  }
}
