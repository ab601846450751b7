/**
 * Shared plumbing of the local AWS endpoints: loopback-only listeners, bounded body reads and
 * durable file writes (atomic replace, fsync'd appends) so state survives `kill -9`.
 */
import { mkdir, open } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

export const LOCAL_HOST = '127.0.0.1';

/**
 * Dummy credentials every local client uses (the same pair the DynamoDB Local clients use); the
 * local S3, KMS, SES, SNS, Cognito and Step Functions endpoints verify SigV4 against them.
 * Not frozen: the AWS SDK tags the credentials object it is given (a frozen one makes it throw).
 */
export const LOCAL_AWS_CREDENTIALS: { accessKeyId: string; secretAccessKey: string } = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};

export const LOCAL_AWS_REGION = 'eu-central-1';

export interface ServiceHealth {
  ok: boolean;
  detail?: string;
}

export interface LocalService {
  /** Port actually bound (useful when 0 was requested). */
  port: number;
  /** Base URL for an AWS SDK client's `endpoint`. */
  endpoint: string;
  close(): Promise<void>;
  health(): Promise<ServiceHealth>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts an HTTP server on 127.0.0.1 only. Port 0 picks a free port. */
export async function listenLoopback(
  handler: RequestListener,
  port: number,
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  // Local clients keep connections alive; short timeouts keep close() quick.
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOCAL_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Answers in an AWS JSON protocol (`application/x-amz-json-1.0` / `-1.1`, or plain JSON for SES
 * v2): a request id on every answer, and the error type of a failure in `x-amzn-errortype`.
 */
export function sendAwsJson(
  res: ServerResponse,
  contentType: string,
  status: number,
  body: unknown,
  errorType?: string,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) {
      req.resume();
      throw new HttpError(413, 'EntityTooLarge', `Request body exceeds ${limitBytes} bytes`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export { writeFileAtomic } from '../fs-durable';

/** Appends one line and fsyncs before returning. */
export async function appendLineDurable(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a', 0o644);
  try {
    await handle.appendFile(line.endsWith('\n') ? line : `${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Serializes async work per key (one writer per object key / file). */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

export function requirePort(port: number | undefined, name: string): number {
  const value = port ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name}: invalid port ${String(port)}`);
  return value;
}
