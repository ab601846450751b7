/**
 * The Step Functions JSON 1.0 API (`X-Amz-Target: AWSStepFunctions.<Action>`) over the durable
 * runner, on 127.0.0.1, so that the unchanged @aws-sdk/client-sfn works against it. Loopback is not
 * a trust boundary: every request, the local control actions included, must be SigV4-signed for
 * `states` with the local credentials; others get Step Functions' JSON error
 * (MissingAuthenticationTokenException, UnrecognizedClientException, InvalidSignatureException,
 * IncompleteSignatureException; HTTP 400) before the runner is asked anything.
 *
 * Local-only control actions (never in AWS): `X-Amz-Target: KarguzarLocal.AdvanceClock`
 * with `{"ms": number}` and `KarguzarLocal.GetClock`; both answer `{"now": ISO-8601}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_HOST } from '../port-plan';
import { sendAwsJson } from '../services/common';
import { authenticate, jsonAuthError, secretsOf } from '../services/service-auth';
import { Runner, SfnError, type ExecState, type RunnerOptions } from './runner';

export interface StepFunctionsServerOptions extends RunnerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
}

export interface StepFunctionsServer {
  url: string;
  port: number;
  runner: Runner;
  /** What `/api/health` may report. */
  health(): { status: 'ok'; executionsRunning: number; stateMachines: number };
  close(): Promise<void>;
}

type Body = Record<string, unknown>;
type Handler = (runner: Runner, body: Body) => unknown;

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** What DescribeExecution and ListExecutions both tell of an execution. */
const executionSummary = (e: ExecState, stateMachineArn: string | undefined) => ({
  executionArn: e.arn,
  stateMachineArn,
  name: e.name,
  status: e.status,
  startDate: seconds(e.startDate),
  stopDate: seconds(e.stopDate),
});
const MAX_BODY = 1024 * 1024;

const actions: Record<string, Handler> = {
  ListStateMachines: (r) => ({
    stateMachines: r.listStateMachines().map((m) => ({
      stateMachineArn: m.arn,
      name: `karguzar-${m.name}`,
      type: 'STANDARD',
      creationDate: seconds(m.createdAt.getTime()),
    })),
  }),
  DescribeStateMachine: (r, b) => {
    const m = r.machineByArn(str(b, 'stateMachineArn'));
    return {
      stateMachineArn: m.arn,
      name: `karguzar-${m.name}`,
      status: 'ACTIVE',
      definition: m.definitionText,
      roleArn: 'arn:aws:iam::000000000000:role/karguzar-local',
      type: 'STANDARD',
      creationDate: seconds(m.createdAt.getTime()),
    };
  },
  StartExecution: (r, b) => {
    const out = r.startExecution({
      stateMachineArn: str(b, 'stateMachineArn'),
      name: optStr(b, 'name'),
      input: optStr(b, 'input'),
    });
    return { executionArn: out.executionArn, startDate: seconds(out.startDate) };
  },
  DescribeExecution: (r, b) => {
    const e = r.describeExecution(str(b, 'executionArn'));
    const machineArn = r.listStateMachines().find((m) => m.name === e.machine)?.arn;
    return {
      ...executionSummary(e, machineArn),
      input: e.input,
      inputDetails: { included: true },
      ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
      ...(e.error !== undefined ? { error: e.error } : {}),
      ...(e.cause !== undefined ? { cause: e.cause } : {}),
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
  },
  ListExecutions: (r, b) => {
    const machineArn = str(b, 'stateMachineArn');
    const all = r.listExecutions(machineArn, optStr(b, 'statusFilter'));
    const max = typeof b.maxResults === 'number' && b.maxResults > 0 ? Math.min(b.maxResults, 1000) : 100;
    const start = decodeToken(optStr(b, 'nextToken'));
    const page = all.slice(start, start + max);
    return {
      executions: page.map((e) => executionSummary(e, machineArn)),
      ...(start + max < all.length
        ? { nextToken: Buffer.from(String(start + max)).toString('base64url') }
        : {}),
    };
  },
  StopExecution: (r, b) => ({
    stopDate: seconds(
      r.stopExecution(str(b, 'executionArn'), optStr(b, 'error'), optStr(b, 'cause')).stopDate,
    ),
  }),
  SendTaskSuccess: (r, b) => {
    r.sendTaskSuccess(str(b, 'taskToken'), str(b, 'output'));
    return {};
  },
  SendTaskFailure: (r, b) => {
    r.sendTaskFailure(str(b, 'taskToken'), optStr(b, 'error'), optStr(b, 'cause'));
    return {};
  },
  SendTaskHeartbeat: (r, b) => {
    // Heartbeats are accepted for a pending token and otherwise ignored (HeartbeatSeconds is not enforced).
    r.describeTaskToken(str(b, 'taskToken'));
    return {};
  },
  GetExecutionHistory: (r, b) => {
    let events = r.history(str(b, 'executionArn')).map((h, i, list) => ({
      id: h.id,
      previousEventId: i === 0 ? 0 : list[i - 1]!.id,
      timestamp: seconds(h.timestamp),
      type: h.type,
      ...(h.details ? { [detailsKey(h.type)]: h.details } : {}),
    }));
    if (b.reverseOrder === true) events = events.reverse();
    const max = typeof b.maxResults === 'number' && b.maxResults > 0 ? Math.min(b.maxResults, 1000) : 100;
    const start = decodeToken(optStr(b, 'nextToken'));
    return {
      events: events.slice(start, start + max),
      ...(start + max < events.length
        ? { nextToken: Buffer.from(String(start + max)).toString('base64url') }
        : {}),
    };
  },
};

const localActions: Record<string, Handler> = {
  AdvanceClock: (r, b) => {
    if (typeof b.ms !== 'number') throw new SfnError('ValidationException', 'ms must be a number');
    return { now: r.advanceClock(b.ms).toISOString() };
  },
  GetClock: (r) => ({ now: r.clock.now().toISOString() }),
};

/** `TaskStateEntered` → `stateEnteredEventDetails`, `ExecutionFailed` → `executionFailedEventDetails`. */
function detailsKey(type: string): string {
  const m = /StateEntered$|StateExited$/.exec(type);
  const base = m ? m[0] : type;
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}EventDetails`;
}

function str(b: Body, key: string): string {
  const v = b[key];
  if (typeof v !== 'string' || v === '') throw new SfnError('ValidationException', `${key} is required`);
  return v;
}

function optStr(b: Body, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new SfnError('ValidationException', `${key} must be a string`);
  return v;
}

function decodeToken(token: string | undefined): number {
  if (!token) return 0;
  const n = Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isInteger(n) || n < 0) throw new SfnError('InvalidToken', 'Invalid nextToken');
  return n;
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  sendAwsJson(res, 'application/x-amz-json-1.0', status, body, errorType);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SfnError('ValidationException', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function start(options: StepFunctionsServerOptions): Promise<StepFunctionsServer> {
  const secrets = secretsOf(options.credentials);
  const runner = new Runner(options);
  await runner.start();
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const raw = await readBody(req);
        const auth = await authenticate(req, raw, 'states', secrets);
        if (!auth.ok) {
          const { status, type } = jsonAuthError(auth.failure);
          return send(res, status, { __type: type, message: auth.message }, type);
        }
        if (req.method !== 'POST') throw new SfnError('UnknownOperationException', 'POST only');
        const target = String(req.headers['x-amz-target'] ?? '');
        const [service, action = ''] = target.split('.');
        const handler =
          service === 'AWSStepFunctions'
            ? actions[action]
            : service === 'KarguzarLocal'
              ? localActions[action]
              : undefined;
        if (!handler) throw new SfnError('UnknownOperationException', `Unknown operation ${target}`);
        const text = raw.toString('utf8');
        let body: Body;
        try {
          body = text === '' ? {} : (JSON.parse(text) as Body);
        } catch {
          throw new SfnError('SerializationException', 'Body is not JSON');
        }
        const answer = handler(runner, body ?? {});
        // Nothing is answered that a crash could take back (the runner's group commit).
        await runner.durable();
        send(res, 200, answer);
      } catch (err) {
        if (err instanceof SfnError) {
          send(res, 400, { __type: err.name, message: err.message }, err.name);
        } else {
          runnerLog(options, err);
          send(res, 500, { __type: 'InternalFailure', message: 'Internal failure' }, 'InternalFailure');
        }
      }
    })();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, LOCAL_HOST, () => resolve());
    });
  } catch (err) {
    await runner.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOCAL_HOST}:${port}`,
    port,
    runner,
    health: () => ({
      status: 'ok',
      executionsRunning: runner
        .listStateMachines()
        .reduce((n, m) => n + runner.listExecutions(m.arn, 'RUNNING').length, 0),
      stateMachines: runner.listStateMachines().length,
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.close();
    },
  };
}

function runnerLog(options: StepFunctionsServerOptions, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (options.log) options.log('error', 'request failed', { error: message });
  else
    process.stderr.write(
      `${JSON.stringify({ level: 'error', service: 'sfn', message: 'request failed', error: message })}\n`,
    );
}
