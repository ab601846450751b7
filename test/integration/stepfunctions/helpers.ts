import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { signRequest } from '../../../infra/local/services/sigv4';
import type { TaskHandler } from '../../../infra/local/stepfunctions/runner';
import { start, type StepFunctionsServer } from '../../../infra/local/stepfunctions/server';

export const machineArn = (name: string) =>
  `arn:aws:states:us-east-1:000000000000:stateMachine:karguzar-${name}`;

export function sfnClient(url: string): SFNClient {
  return new SFNClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** A JSON 1.0 call over plain fetch (e.g. a `KarguzarLocal.*` control action), signed as the SFN client signs. */
export async function signedFetch(url: string, target: string, input: unknown): Promise<Response> {
  const body = JSON.stringify(input);
  const headers = await signRequest({
    url,
    service: 'states',
    region: 'us-east-1',
    headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' },
    body,
  });
  return fetch(url, { method: 'POST', headers, body });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'karguzar-sfn-'));
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitForStatus(
  client: SFNClient,
  executionArn: string,
  status: string,
  timeoutMs = 5000,
) {
  return eventually(
    async () => {
      const d = await client.send(new DescribeExecutionCommand({ executionArn }));
      return d.status === status ? d : undefined;
    },
    timeoutMs,
    `${executionArn} to be ${status}`,
  );
}

export async function historyTypes(client: SFNClient, executionArn: string) {
  const h = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
  return h.events ?? [];
}

/**
 * Whether the execution still rests, unfired, on its Wait or on its task token's deadline. A clock
 * move fires whatever is due before it returns (`advanceClock` → one pass over the executions), so
 * this read right after it tells what the move did, with no wait.
 */
export function stillParked(server: StepFunctionsServer, executionArn: string): boolean {
  const e = server.runner.describeExecution(executionArn);
  if (e.status !== 'RUNNING' || !e.park) return false;
  return e.park.kind === 'wait' ? !e.park.fired : e.outcome === null;
}

const runners: Array<{ server: StepFunctionsServer; dataDir: string }> = [];

/** A runner of the real `statemachines/` on a fresh data folder, with these task Lambdas; `closeRunners` ends it. */
export async function runnerWith(
  functions: Record<string, TaskHandler>,
): Promise<{ server: StepFunctionsServer; client: SFNClient }> {
  const dataDir = tempDataDir();
  const server = await start({ dataDir, port: 0, log: () => undefined, functions });
  runners.push({ server, dataDir });
  return { server, client: sfnClient(server.url) };
}

/** Closes the runners `runnerWith` started and removes their data (an `afterEach`). */
export async function closeRunners(): Promise<void> {
  for (const r of runners.splice(0)) {
    await r.server.close();
    rmSync(r.dataDir, { recursive: true, force: true });
  }
}
