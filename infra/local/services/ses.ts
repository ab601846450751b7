/**
 * Local SES v2: the REST JSON `SendEmail` operation (POST /v2/email/outbound-emails) with Simple
 * content (subject, text/html, custom headers, attachments) and Raw MIME content, relayed over SMTP
 * to maildev. Stateless: maildev keeps the mail. Every request must be SigV4-signed for `ses`
 * with the local credentials; others get SES v2's REST error (x-amzn-ErrorType
 * MissingAuthenticationTokenException, UnrecognizedClientException or InvalidSignatureException,
 * HTTP 403; IncompleteSignatureException, 400) and nothing is relayed.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { smtpTransport, type SmtpRelay } from './maildev';
import type { Attachment } from 'nodemailer/lib/mailer';
import {
  closeServer,
  listenLoopback,
  LOCAL_HOST,
  readBody,
  requirePort,
  sendAwsJson,
  type LocalService,
} from './common';
import { authenticate, restJsonAuthError, secretsOf } from './service-auth';

export interface SesStartOptions {
  /** Port on 127.0.0.1 (0 = any free port). */
  port: number;
  /** SMTP server to relay to (maildev). Host defaults to 127.0.0.1. */
  smtp: SmtpRelay;
  /** Largest accepted request (default 40 MB, SES v2's message limit). */
  maxRequestBytes?: number;
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
}

class SesError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

interface SesContentPart {
  Data?: string;
  Charset?: string;
}

interface SendEmailInput {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  ReplyToAddresses?: string[];
  Content?: {
    Simple?: {
      Subject?: SesContentPart;
      Body?: { Text?: SesContentPart; Html?: SesContentPart };
      Headers?: Array<{ Name: string; Value: string }>;
      Attachments?: Array<{
        RawContent?: string;
        FileName?: string;
        ContentType?: string;
        ContentDisposition?: 'ATTACHMENT' | 'INLINE';
        ContentId?: string;
        ContentDescription?: string;
      }>;
    };
    Raw?: { Data?: string };
    Template?: unknown;
  };
}

/** Addresses named in the To/Cc/Bcc headers of a raw MIME message (envelope of a Raw send). */
export function recipientsFromRawHeaders(raw: string): { from?: string; to: string[] } {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const head = (headerEnd === -1 ? raw : raw.slice(0, headerEnd)).replace(/\r?\n[ \t]+/g, ' ');
  const to: string[] = [];
  let from: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    const m = /^(to|cc|bcc|from):(.*)$/i.exec(line);
    if (!m) continue;
    const addresses = [...m[2]!.matchAll(/<([^<>\s]+@[^<>\s]+)>|([^\s<>,;:"]+@[^\s<>,;:"]+)/g)].map(
      (a) => a[1] ?? a[2]!,
    );
    if (m[1]!.toLowerCase() === 'from') from = addresses[0];
    else to.push(...addresses);
  }
  return { ...(from ? { from } : {}), to };
}

export async function start(opts: SesStartOptions): Promise<LocalService> {
  const port = requirePort(opts.port, 'ses.port');
  const maxBytes = opts.maxRequestBytes ?? 40 * 1024 * 1024;
  const secrets = secretsOf(opts.credentials);
  const transport = smtpTransport(opts.smtp);

  async function sendEmail(input: SendEmailInput): Promise<string> {
    const id = `${Date.now().toString(16)}-${randomUUID()}-000000`;
    const messageId = `<${id}@email.amazonses.com>`;
    const dest = input.Destination ?? {};
    const envelopeTo = [
      ...(dest.ToAddresses ?? []),
      ...(dest.CcAddresses ?? []),
      ...(dest.BccAddresses ?? []),
    ];
    const content = input.Content ?? {};
    if (content.Template)
      throw new SesError(400, 'BadRequestException', 'Template content is not supported by the local SES');
    if (content.Raw) {
      if (typeof content.Raw.Data !== 'string')
        throw new SesError(400, 'BadRequestException', 'Raw.Data is required');
      const raw = Buffer.from(content.Raw.Data, 'base64');
      const parsed = recipientsFromRawHeaders(raw.toString('utf8'));
      const from = input.FromEmailAddress ?? parsed.from;
      const to = envelopeTo.length > 0 ? envelopeTo : parsed.to;
      if (!from) throw new SesError(400, 'BadRequestException', 'Missing FromEmailAddress and From header');
      if (to.length === 0) throw new SesError(400, 'BadRequestException', 'No recipients');
      await transport.sendMail({ envelope: { from, to }, raw });
      return id;
    }
    const simple = content.Simple;
    if (!simple)
      throw new SesError(400, 'BadRequestException', 'Content must contain Simple, Raw or Template');
    if (!input.FromEmailAddress)
      throw new SesError(400, 'BadRequestException', 'FromEmailAddress is required');
    if (envelopeTo.length === 0)
      throw new SesError(400, 'BadRequestException', 'Destination must have at least one address');
    if (simple.Subject?.Data === undefined)
      throw new SesError(400, 'BadRequestException', 'Subject is required');
    const attachments: Attachment[] = (simple.Attachments ?? []).map((a) => {
      if (typeof a.RawContent !== 'string' || !a.FileName)
        throw new SesError(400, 'BadRequestException', 'Attachment needs RawContent and FileName');
      return {
        filename: a.FileName,
        content: Buffer.from(a.RawContent, 'base64'),
        ...(a.ContentType ? { contentType: a.ContentType } : {}),
        contentDisposition: a.ContentDisposition === 'INLINE' ? 'inline' : 'attachment',
        ...(a.ContentId ? { cid: a.ContentId.replace(/^<|>$/g, '') } : {}),
      };
    });
    await transport.sendMail({
      messageId,
      from: input.FromEmailAddress,
      ...(dest.ToAddresses?.length ? { to: dest.ToAddresses } : {}),
      ...(dest.CcAddresses?.length ? { cc: dest.CcAddresses } : {}),
      ...(dest.BccAddresses?.length ? { bcc: dest.BccAddresses } : {}),
      ...(input.ReplyToAddresses?.length ? { replyTo: input.ReplyToAddresses } : {}),
      subject: simple.Subject.Data,
      ...(simple.Body?.Text?.Data !== undefined ? { text: simple.Body.Text.Data } : {}),
      ...(simple.Body?.Html?.Data !== undefined ? { html: simple.Body.Html.Data } : {}),
      ...(simple.Headers?.length
        ? { headers: simple.Headers.map((h) => ({ key: h.Name, value: h.Value })) }
        : {}),
      attachments,
    });
    return id;
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, body: unknown, errorType?: string) =>
      sendAwsJson(res, 'application/json', status, body, errorType);
    try {
      const path = (req.url ?? '/').split('?')[0];
      const raw = await readBody(req, maxBytes);
      const auth = await authenticate(req, raw, 'ses', secrets);
      if (!auth.ok) {
        const { status, type } = restJsonAuthError(auth.failure);
        return reply(status, { message: auth.message }, type);
      }
      if (req.method !== 'POST' || path !== '/v2/email/outbound-emails') {
        throw new SesError(
          404,
          'NotFoundException',
          `The local SES supports only POST /v2/email/outbound-emails`,
        );
      }
      const input = JSON.parse(raw.toString('utf8')) as SendEmailInput;
      reply(200, { MessageId: await sendEmail(input) });
    } catch (err) {
      if (err instanceof SesError) return reply(err.status, { message: err.message }, err.type);
      if (err instanceof SyntaxError) return reply(400, { message: 'Malformed JSON' }, 'BadRequestException');
      const code = (err as { code?: string }).code;
      // SMTP relay down (maildev not running): a retryable service error, as SES would give.
      if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ECONNREFUSED') {
        return reply(503, { message: 'Mail relay unavailable' }, 'ServiceUnavailableException');
      }
      reply(500, { message: 'Internal error' }, 'InternalFailure');
    }
  };

  const { server, port: bound } = await listenLoopback((req, res) => void handler(req, res), port);
  return {
    port: bound,
    endpoint: `http://${LOCAL_HOST}:${bound}`,
    async health() {
      try {
        await transport.verify();
        return { ok: true };
      } catch (err) {
        return { ok: false, detail: `SMTP relay: ${(err as Error).message}` };
      }
    },
    async close() {
      await closeServer(server);
      transport.close();
    },
  };
}
