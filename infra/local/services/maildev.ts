/**
 * maildev (SMTP sink + web UI + REST API under /api) bound to 127.0.0.1 only — its defaults bind
 * `::` and 0.0.0.0 — with mail persisted in `<dataDir>/maildev` so it survives restarts.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MailDev } from 'maildev';
import nodemailer from 'nodemailer';
import { LOCAL_HOST, requirePort, type ServiceHealth } from './common';

/** Where the local endpoints that send e-mail (SES, Cognito's invitations) hand it over: maildev's SMTP. */
export interface SmtpRelay {
  host?: string;
  port: number;
}

/** A plain SMTP client of the local relay (loopback by default, no TLS). */
export function smtpTransport(smtp: SmtpRelay) {
  return nodemailer.createTransport({
    host: smtp.host ?? LOCAL_HOST,
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
  });
}

export interface MaildevStartOptions {
  /** Folder of this service's state; mail goes to `<dataDir>/maildev`. */
  dataDir: string;
  /** SMTP port on 127.0.0.1 (0 = any free port). */
  smtpPort: number;
  /** Web UI / REST API port on 127.0.0.1 (0 = any free port). */
  webPort: number;
  /** Keep at most this many mails (0 = all, the default). */
  maxEmails?: number;
}

export interface MaildevService {
  smtpPort: number;
  webPort: number;
  /** Base URL of the web UI; the REST API is under `${webUrl}/api`. */
  webUrl: string;
  close(): Promise<void>;
  health(): Promise<ServiceHealth>;
}

export async function start(opts: MaildevStartOptions): Promise<MaildevService> {
  const mailDirectory = join(opts.dataDir, 'maildev');
  await mkdir(mailDirectory, { recursive: true });
  const maildev = new MailDev({
    smtp: requirePort(opts.smtpPort, 'maildev.smtpPort'),
    ip: LOCAL_HOST,
    web: requirePort(opts.webPort, 'maildev.webPort'),
    webIp: LOCAL_HOST,
    mailDirectory,
    maxEmails: opts.maxEmails ?? 0,
    silent: true,
  });
  const servers = await maildev.start();
  const smtpPort = servers.smtp.getAddress().port;
  const webPort = servers.api?.getAddress()?.port ?? opts.webPort;
  const webUrl = `http://${LOCAL_HOST}:${webPort}`;
  return {
    smtpPort,
    webPort,
    webUrl,
    async health() {
      try {
        const res = await fetch(`${webUrl}/api/healthz`);
        return res.ok ? { ok: true } : { ok: false, detail: `maildev healthz returned ${res.status}` };
      } catch (err) {
        return { ok: false, detail: (err as Error).message };
      }
    },
    async close() {
      await maildev.stop();
    },
  };
}
