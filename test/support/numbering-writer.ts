import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDocumentStore } from '../../functions/modules/documents/dynamodb/document-store.adapter';
import type { DocumentRecord } from '../../functions/modules/documents/domain/document';
import { TABLE_NAME } from '../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../infra/local/services/common';

/**
 * One writer of registration numbers in a process of its own, the way a Lambda container is one:
 * its own DynamoDB client and document store on the embedded default's DynamoDB Local, `clients`
 * registrations in flight into one journal, until `count` are acknowledged or `seconds` are over.
 * It prints `ready` and starts on a line from its stdin; then each acknowledged registration is
 * printed at once as a JSON line (`{"id","seq","ms"}`), so a parent that kills the process knows
 * what was acknowledged before.
 *
 *   node --import tsx test/support/numbering-writer.ts <endpoint> <tenantId> <journalId> <clients> <count> <seconds>
 */
export interface Acknowledged {
  id: string;
  seq: number;
  ms: number;
}

async function main() {
  const [endpoint, tenantId, journalId, clientsArg, countArg, secondsArg] = process.argv.slice(2);
  if (!endpoint || !tenantId || !journalId)
    throw new Error('usage: endpoint tenantId journalId clients count seconds');
  const clients = Number(clientsArg ?? 8);
  const count = Number(countArg ?? Infinity);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: { ...LOCAL_AWS_CREDENTIALS } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const store = new DynamoDocumentStore(client, TABLE_NAME);
  const year = 2026;
  // Ready (modules loaded, client made): wait for the parent's go, so that all writers start together.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  const end = performance.now() + Number(secondsArg ?? 3600) * 1000;
  let started = 0;
  let failures = 0;
  const register = async () => {
    const now = new Date().toISOString();
    const document: DocumentRecord = {
      id: randomUUID(),
      tenantId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      kind: 'incoming',
      status: 'registered',
      summary: `Ayrı prosesdən qeydiyyat ${process.pid}`,
      controlled: false,
      authorId: 'clerk',
      participants: ['clerk'],
      contents: [],
    };
    const t0 = performance.now();
    const result = await store.commit({
      document,
      numbering: {
        journalId,
        year,
        apply: (seq) => ({
          ...document,
          registration: { journalId, year, seq, number: `B-${seq}`, at: now },
        }),
      },
      operation: { actorId: 'clerk', action: 'register', changes: [] },
      idempotency: { key: randomUUID(), requestHash: 'bench' },
    });
    const ack: Acknowledged = {
      id: result.document.id,
      seq: result.document.registration!.seq,
      ms: performance.now() - t0,
    };
    process.stdout.write(`${JSON.stringify(ack)}\n`);
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (started < count && performance.now() < end) {
        started++;
        try {
          await register();
        } catch (error) {
          failures++;
          process.stderr.write(`refused: ${String((error as Error).message ?? error)}\n`);
        }
      }
    }),
  );
  client.destroy();
  process.exitCode = failures > 0 ? 2 : 0;
}

await main();
