import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Finds a base port with `count` free ports after it on 127.0.0.1, below the kernel's ephemeral
 * range (32768+), so that client sockets of other tests cannot take a port before the service binds it.
 */
export async function freePortBase(count = 12): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 600) * 20;
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await isFree(base + i);
    if (ok) return base;
  }
  throw new Error('no free ports');
}

export interface RunningEmbedded {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Crash: SIGKILL to the whole process group (node and DynamoDB Local alike). */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** Starts again on the same data folder and ports. */
  restart(): Promise<void>;
  /** The last 20,000 characters of its output (the whole of it goes to `logFile` when given). */
  logs(): string;
}

/**
 * Starts `npm start`'s program as a child process group, the way an operator runs it. With
 * `logFile`, everything it prints (restarts included) is also appended to that file as it comes,
 * so that a failure seen by a test can be read afterwards even if the run was cut short.
 */
export async function startEmbeddedProcess(
  options: { dataDir?: string; port?: number; logFile?: string } = {},
): Promise<RunningEmbedded> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'karguzar-test-'));
  const port = options.port ?? (await freePortBase());
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  const { logFile } = options;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, '');
  }

  const launch = async () => {
    output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(port),
        KARGUZAR_DATA_DIR: dataDir,
        KARGUZAR_SKIP_WEB_BUILD: '1',
        LOG_LEVEL: 'warn',
        // Tests and benches send one agency's requests far faster than people do: its quota
        // (TENANT_RATE_PER_MINUTE, 6000 by default) is tested on its own (tenant-quota.test.ts).
        TENANT_RATE_PER_MINUTE: process.env.TENANT_RATE_PER_MINUTE ?? '100000000',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (logFile) appendFileSync(logFile, `--- started ${new Date().toISOString()} on ${baseUrl}\n`);
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20000);
      if (logFile) appendFileSync(logFile, chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`embedded default exited (${child.exitCode}):\n${output}`);
      try {
        const res = await fetch(`${baseUrl}/api/health`);
        if (res.ok && ((await res.json()) as { status: string }).status === 'ok') return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`embedded default did not become healthy:\n${output}`);
  };

  const waitExit = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) resolve();
      else c.once('exit', () => resolve());
    });

  await launch();
  return {
    baseUrl,
    port,
    dataDir,
    logs: () => output,
    kill9: async () => {
      if (!child?.pid) return;
      const c = child;
      process.kill(-c.pid!, 'SIGKILL');
      await waitExit(c);
      // DynamoDB Local is in the same group; give the kernel a moment to release its port.
      await new Promise((r) => setTimeout(r, 300));
    },
    stop: async () => {
      if (!child?.pid) return;
      const c = child;
      process.kill(-c.pid!, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-c.pid!, 'SIGKILL'), 15_000);
      await waitExit(c);
      clearTimeout(timer);
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // group already gone
      }
    },
    restart: launch,
  };
}
