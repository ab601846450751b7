/**
 * Local SNS for SMS: the query protocol the installed @aws-sdk/client-sns speaks (POST form
 * `Action=Publish&Version=2010-03-31&PhoneNumber=...`, XML responses), Publish with PhoneNumber
 * only. Each SMS is appended to `<dataDir>/sms/outbox.jsonl` and fsync'd before the reply, so an
 * acknowledged message survives `kill -9`; `listOutbox` pages through it for the UI and tests.
 * Every request must be SigV4-signed for `sns` with the local credentials; others get the query
 * protocol's ErrorResponse (MissingAuthenticationToken, InvalidClientTokenId or
 * SignatureDoesNotMatch, HTTP 403; IncompleteSignature, 400) and the outbox is not touched.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  appendLineDurable,
  closeServer,
  KeyedMutex,
  listenLoopback,
  LOCAL_HOST,
  readBody,
  requirePort,
  type LocalService,
} from './common';
import { authenticate, queryAuthError, secretsOf } from './service-auth';

export interface SnsStartOptions {
  /** Folder of this service's state; the outbox is `<dataDir>/sms/outbox.jsonl`. */
  dataDir: string;
  /** Port on 127.0.0.1 (0 = any free port). */
  port: number;
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
}

export interface OutboxSms {
  /** SNS MessageId */
  id: string;
  /** 1, 2, 3… in arrival order */
  seq: number;
  phone: string;
  text: string;
  smsType?: string;
  senderId?: string;
  /** ISO 8601 */
  at: string;
}

export interface SnsService extends LocalService {
  /** Oldest first; `after` is the id of the last message already seen. */
  listOutbox(options?: { limit?: number; after?: string }): Promise<OutboxSms[]>;
}

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function xmlEscape(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** awsQuery `MessageAttributes.entry.N.Name / .Value.StringValue` → name → string value. */
export function parseMessageAttributes(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) {
    const m = /^MessageAttributes\.entry\.(\d+)\.Name$/.exec(k);
    if (!m) continue;
    const value = form.get(`MessageAttributes.entry.${m[1]}.Value.StringValue`);
    if (value !== null) out[v] = value;
  }
  return out;
}

export function isE164(phone: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(phone);
}

export function parseOutbox(text: string): OutboxSms[] {
  const out: OutboxSms[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as OutboxSms);
    } catch {
      /* a torn last line from a crash was never acknowledged */
    }
  }
  return out;
}

export function pageOutbox(all: OutboxSms[], options: { limit?: number; after?: string } = {}): OutboxSms[] {
  const limit = Math.max(1, Math.min(options.limit ?? 100, 1000));
  let startAt = 0;
  if (options.after !== undefined) {
    const i = all.findIndex((m) => m.id === options.after);
    startAt = i === -1 ? all.length : i + 1;
  }
  return all.slice(startAt, startAt + limit);
}

class SnsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function start(opts: SnsStartOptions): Promise<SnsService> {
  const port = requirePort(opts.port, 'sns.port');
  const secrets = secretsOf(opts.credentials);
  const dir = join(opts.dataDir, 'sms');
  const outbox = join(dir, 'outbox.jsonl');
  await mkdir(dir, { recursive: true });

  // Drop a torn tail left by a crash mid-append, so the next line starts clean.
  let existing = '';
  try {
    existing = await readFile(outbox, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (existing !== '' && !existing.endsWith('\n')) {
    const keep = Buffer.byteLength(existing.slice(0, existing.lastIndexOf('\n') + 1));
    await truncate(outbox, keep);
    const handle = await open(outbox, 'r+');
    await handle.sync();
    await handle.close();
    existing = existing.slice(0, existing.lastIndexOf('\n') + 1);
  }
  let seq = parseOutbox(existing).reduce((max, m) => Math.max(max, m.seq), 0);
  const mutex = new KeyedMutex();

  async function publish(form: URLSearchParams): Promise<string> {
    const phone = form.get('PhoneNumber');
    if (form.get('TopicArn') || form.get('TargetArn') || phone === null) {
      throw new SnsError(
        400,
        'InvalidParameter',
        'Invalid parameter: the local SNS supports only Publish with PhoneNumber',
      );
    }
    if (!isE164(phone))
      throw new SnsError(
        400,
        'InvalidParameter',
        'Invalid parameter: PhoneNumber Reason: input incorrectly formatted',
      );
    const text = form.get('Message');
    if (text === null || text === '')
      throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Empty message');
    if (Buffer.byteLength(text) > 1600)
      throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Message too long');
    const attrs = parseMessageAttributes(form);
    return mutex.run('outbox', async () => {
      const record: OutboxSms = {
        id: randomUUID(),
        seq: seq + 1,
        phone,
        text,
        ...(attrs['AWS.SNS.SMS.SMSType'] ? { smsType: attrs['AWS.SNS.SMS.SMSType'] } : {}),
        ...(attrs['AWS.SNS.SMS.SenderID'] ? { senderId: attrs['AWS.SNS.SMS.SenderID'] } : {}),
        at: new Date().toISOString(),
      };
      await appendLineDurable(outbox, JSON.stringify(record));
      seq = record.seq;
      return record.id;
    });
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const reply = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(`<?xml version="1.0"?>\n${xml}`);
    };
    try {
      const raw = await readBody(req, 256 * 1024);
      const auth = await authenticate(req, raw, 'sns', secrets);
      if (!auth.ok) {
        const { status, code } = queryAuthError(auth.failure);
        throw new SnsError(status, code, auth.message);
      }
      if (req.method !== 'POST') throw new SnsError(400, 'InvalidAction', 'Use POST');
      const form = new URLSearchParams(raw.toString('utf8'));
      const action = form.get('Action');
      if (action !== 'Publish')
        throw new SnsError(
          400,
          'InvalidAction',
          `The action ${action ?? ''} is not valid for this endpoint.`,
        );
      const messageId = await publish(form);
      reply(
        200,
        `<PublishResponse xmlns="${NS}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
      );
    } catch (err) {
      const e = err instanceof SnsError ? err : new SnsError(500, 'InternalError', 'Internal error');
      reply(
        e.status,
        `<ErrorResponse xmlns="${NS}"><Error><Type>${e.status < 500 ? 'Sender' : 'Receiver'}</Type><Code>${e.code}</Code>` +
          `<Message>${xmlEscape(e.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    }
  };

  const { server, port: bound } = await listenLoopback((req, res) => void handler(req, res), port);
  return {
    port: bound,
    endpoint: `http://${LOCAL_HOST}:${bound}`,
    async listOutbox(options) {
      let text = '';
      try {
        text = await readFile(outbox, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      return pageOutbox(parseOutbox(text), options);
    },
    async health() {
      return { ok: server.listening, ...(server.listening ? {} : { detail: 'not listening' }) };
    },
    async close() {
      await closeServer(server);
    },
  };
}
