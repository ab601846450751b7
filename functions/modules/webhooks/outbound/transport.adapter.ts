import { lookup } from 'node:dns/promises';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookPostResult, WebhookTransport } from '../ports';
import { classifyAddress } from './address';

export interface TransportOptions {
  /** The embedded default only: http and loopback or private targets allowed. */
  allowPrivate: boolean;
  /** The whole request, connection included (default 10 s). */
  timeoutMs?: number;
  /** DNS look-up (tests give their own); default the system resolver, every address. */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
}

const systemResolve = (host: string) => lookup(host, { all: true, verbatim: true });

/** Reads at most this much of a receiver's answer (its body is not kept). */
const MAX_ANSWER_BYTES = 64 * 1024;

function errorCode(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET') return 'connection_reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL')) return 'tls';
  return 'connection';
}

/**
 * The webhook transport on node:http(s). The connection goes to the one address that was checked:
 * the request's `lookup` answers with it, while the Host header and TLS (SNI, certificate) keep
 * the host name.
 */
export function createWebhookTransport(options: TransportOptions): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const resolve = options.resolve ?? systemResolve;
  return {
    allowPrivate: options.allowPrivate,
    async post({ url: raw, headers, body }): Promise<WebhookPostResult> {
      const started = Date.now();
      const done = (r: Omit<WebhookPostResult, 'durationMs'>): WebhookPostResult => ({
        ...r,
        durationMs: Date.now() - started,
      });
      const url = new URL(raw);
      if (url.username || url.password) return done({ error: 'refused_url' });
      if (url.protocol !== 'https:' && !(options.allowPrivate && url.protocol === 'http:'))
        return done({ error: 'refused_url' });
      const host = url.hostname.replace(/^\[|\]$/g, '');
      let addresses: Array<{ address: string; family: number }>;
      if (classifyAddress(host) !== 'invalid')
        addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
      else {
        try {
          addresses = await resolve(host);
        } catch (error) {
          return done({ error: errorCode(error) });
        }
      }
      if (addresses.length === 0) return done({ error: 'dns' });
      // Every address the name has must be public, not only the one we would use.
      if (!options.allowPrivate && addresses.some((a) => classifyAddress(a.address) !== 'public'))
        return done({ error: 'refused_address' });
      const target = addresses[0]!;
      const pinned: LookupFunction = (_host, opts, callback) => {
        if ((opts as { all?: boolean }).all)
          (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
        else callback(null, target.address, target.family);
      };
      const requestOptions: RequestOptions = {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Karguzar-Webhooks/1',
        },
        lookup: pinned,
        agent: false,
      };
      return new Promise<WebhookPostResult>((settle) => {
        let finished = false;
        const finish = (r: Omit<WebhookPostResult, 'durationMs'>) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          settle(done(r));
        };
        const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(requestOptions, (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) res.destroy();
          });
          res.on('close', () => finish({ status: res.statusCode ?? 0 }));
          res.on('error', () => finish({ status: res.statusCode ?? 0 }));
        });
        const timer = setTimeout(() => {
          finish({ error: 'timeout' });
          req.destroy();
        }, timeoutMs);
        req.on('error', (error) => finish({ error: errorCode(error) }));
        req.end(body);
      });
    },
  };
}
