/**
 * The embedded default's e-mail in (issue 14): a real SMTP listener on 127.0.0.1 (smtp-server)
 * standing in for SES receiving. Mail to `<tenant key>@<intake domain>` is accepted (any other
 * domain is refused as relaying); each accepted message is written raw, once per recipient with a
 * `Delivered-To` line on top (as a delivering MTA adds one), into the local S3 intake bucket
 * through its S3 API, and only then acknowledged (250). The same handler that S3's event invokes
 * in AWS then takes it in, with an equivalent event.
 *
 * Nothing acknowledged is lost: a message's pending marker (its object key, in the data folder) is
 * written before its object and removed only once the handler took it in. On start, and every
 * `retryMs` while running, pending markers whose object exists are handed to the handler again
 * (it is idempotent: a replay makes no second item); markers without an object belong to a
 * message that was never acknowledged (the sender retries it) and are dropped.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION, LOCAL_HOST, requirePort, writeFileAtomic } from './common';
import type { LocalService } from './common';

export interface SmtpIntakeOptions {
  /** Folder of this service's state (`<dataDir>/smtp-intake/pending`). */
  dataDir: string;
  /** Port on 127.0.0.1 (0 = any free port). */
  port: number;
  /** Mail to this domain is taken in; others are refused (550, no relaying). */
  domain: string;
  /** The local S3 endpoint and its intake bucket. */
  s3: { endpoint: string; bucket: string };
  /** Largest message accepted over SMTP (default 40 MB, SES receiving's limit). */
  maxMessageBytes?: number;
  /** How often pending messages are handed to the handler again (default 30 s). */
  retryMs?: number;
  /** Takes in one stored message: the intake Lambda's handler with an S3 event. */
  deliver(stored: { bucket: string; key: string; versionId?: string }): Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface SmtpIntake extends LocalService {
  /** Hands every pending message to the handler (start, retries; tests after a restart). */
  drain(): Promise<{ delivered: number; dropped: number; failed: number }>;
}

interface Pending {
  key: string;
}

/** An SMTP reply with its code (smtp-server sends `responseCode` and the message). */
const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

export async function start(opts: SmtpIntakeOptions): Promise<SmtpIntake> {
  const port = requirePort(opts.port, 'smtpIntake.port');
  const maxBytes = opts.maxMessageBytes ?? 40 * 1024 * 1024;
  const log = opts.log ?? (() => undefined);
  const pendingDir = join(opts.dataDir, 'smtp-intake', 'pending');
  await mkdir(pendingDir, { recursive: true });
  const s3 = new S3Client({
    endpoint: opts.s3.endpoint,
    region: LOCAL_AWS_REGION,
    forcePathStyle: true,
    credentials: LOCAL_AWS_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const domain = opts.domain.toLowerCase();

  const markerOf = (id: string) => join(pendingDir, `${id}.json`);

  async function exists(key: string): Promise<boolean> {
    try {
      await s3.send(new HeadObjectCommand({ Bucket: opts.s3.bucket, Key: key }));
      return true;
    } catch (err) {
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) return false;
      throw err;
    }
  }

  /** Hands one pending message to the handler; its marker goes once the handler took it in. */
  async function process(id: string, pending: Pending): Promise<'delivered' | 'dropped' | 'failed'> {
    try {
      if (!(await exists(pending.key))) {
        await rm(markerOf(id), { force: true });
        return 'dropped';
      }
      await opts.deliver({ bucket: opts.s3.bucket, key: pending.key });
      await rm(markerOf(id), { force: true });
      return 'delivered';
    } catch (err) {
      log('error', 'smtp intake: message not taken in yet (kept, retried)', {
        key: pending.key,
        error: (err as Error).message,
      });
      return 'failed';
    }
  }

  const inFlight = new Set<string>();
  async function drain() {
    const counts = { delivered: 0, dropped: 0, failed: 0 };
    for (const file of (await readdir(pendingDir)).filter((f) => f.endsWith('.json')).sort()) {
      const id = file.slice(0, -'.json'.length);
      if (inFlight.has(id)) continue;
      let pending: Pending;
      try {
        pending = JSON.parse(await readFile(join(pendingDir, file), 'utf8')) as Pending;
      } catch {
        continue; // a marker being written (atomic rename: never torn)
      }
      inFlight.add(id);
      try {
        counts[await process(id, pending)]++;
      } finally {
        inFlight.delete(id);
      }
    }
    return counts;
  }

  /** Stores one copy per recipient (marker first, then the object); resolves once all are stored. */
  async function store(raw: Buffer, recipients: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const rcpt of recipients) {
      const id = `${Date.now().toString(36)}-${randomUUID()}`;
      const key = `inbound/${id}.eml`;
      const body = Buffer.concat([Buffer.from(`Delivered-To: ${rcpt}\r\n`, 'latin1'), raw]);
      // A drain meanwhile must not take the marker of an object not yet written for a lost one.
      inFlight.add(id);
      try {
        await writeFileAtomic(markerOf(id), JSON.stringify({ key } satisfies Pending));
        await s3.send(
          new PutObjectCommand({
            Bucket: opts.s3.bucket,
            Key: key,
            Body: body,
            ContentType: 'message/rfc822',
            ContentLength: body.byteLength,
            ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
            IfNoneMatch: '*',
          }),
        );
      } finally {
        inFlight.delete(id);
      }
      ids.push(id);
    }
    return ids;
  }

  const server = new SMTPServer({
    name: 'intake.karguzar.local',
    banner: 'Kargüzar intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: maxBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@');
      if (at < 1 || address.address.slice(at + 1).toLowerCase() !== domain)
        return callback(smtpError(550, 'Relaying denied: only the agencies\u2019 intake addresses'));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, 'Message exceeds the size limit'));
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        store(Buffer.concat(chunks), recipients).then(
          (ids) => {
            // Acknowledged only now: every copy is stored (and its marker kept until taken in).
            callback(null, `Queued as ${ids.join(', ')}`);
            void drain();
          },
          (err: unknown) => {
            log('error', 'smtp intake: not stored', { error: (err as Error).message });
            callback(smtpError(451, 'Temporary failure: try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => log('error', 'smtp intake server', { error: err.message }));

  const bound = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, LOCAL_HOST, () => {
      server.server.off('error', reject);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

  const first = await drain();
  if (first.delivered + first.failed > 0) log('info', 'smtp intake: pending messages taken in', first);
  const timer = setInterval(() => void drain(), opts.retryMs ?? 30_000);
  timer.unref();

  return {
    port: bound,
    endpoint: `smtp://${LOCAL_HOST}:${bound}`,
    drain,
    async health() {
      const pending = (await readdir(pendingDir)).filter((f) => f.endsWith('.json')).length;
      return pending < 100 ? { ok: true } : { ok: false, detail: `${pending} messages not taken in` };
    },
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      s3.destroy();
    },
  };
}
