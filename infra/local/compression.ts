import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * What the local gateway compresses, the way CloudFront does with `Compress: true` and a cache
 * policy that enables gzip and brotli: the content types of CloudFront's list, bodies of 1,000 to
 * 10,000,000 bytes, status 200, 403 or 404, nothing that already has a Content-Encoding, brotli
 * when the client takes both, nothing for HTTP/1.0 clients.
 */
export const COMPRESSIBLE_TYPES: ReadonlySet<string> = new Set([
  'application/dash+xml',
  'application/eot',
  'application/font',
  'application/font-sfnt',
  'application/javascript',
  'application/json',
  'application/opentype',
  'application/otf',
  'application/pkcs7-mime',
  'application/protobuf',
  'application/rss+xml',
  'application/truetype',
  'application/ttf',
  'application/vnd.apple.mpegurl',
  'application/vnd.ms-fontobject',
  'application/xhtml+xml',
  'application/xml',
  'application/x-font-opentype',
  'application/x-font-truetype',
  'application/x-font-ttf',
  'application/x-httpd-cgi',
  'application/x-javascript',
  'application/x-mpegurl',
  'application/x-opentype',
  'application/x-otf',
  'application/x-perl',
  'application/x-ttf',
  'font/eot',
  'font/opentype',
  'font/otf',
  'font/ttf',
  'image/svg+xml',
  'text/css',
  'text/csv',
  'text/html',
  'text/javascript',
  'text/js',
  'text/plain',
  'text/richtext',
  'text/tab-separated-values',
  'text/xml',
  'text/x-component',
  'text/x-java-source',
  'text/x-script',
  'vnd.apple.mpegurl',
]);

export const MIN_COMPRESSED_BYTES = 1000;
export const MAX_COMPRESSED_BYTES = 10_000_000;
const COMPRESSED_STATUSES: ReadonlySet<number> = new Set([200, 403, 404]);

export type Coding = 'br' | 'gzip';

/**
 * The coding to answer with for an Accept-Encoding header: brotli when it is acceptable, else
 * gzip, else none (identity). A coding with q=0 is refused; `*` stands for any coding not named.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || accepts('x-gzip')) return 'gzip';
  return undefined;
}

/** The media type of a Content-Type header, without parameters, lower-cased. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export interface ResponseShape {
  status: number;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  /** Length of the identity body in bytes. */
  length: number;
}

/**
 * Whether this response has compressed representations at all (then it carries
 * `Vary: Accept-Encoding`, whatever the request asked for).
 */
export function isCompressible(response: ResponseShape): boolean {
  return (
    COMPRESSED_STATUSES.has(response.status) &&
    !response.contentEncoding &&
    COMPRESSIBLE_TYPES.has(mediaType(response.contentType)) &&
    response.length >= MIN_COMPRESSED_BYTES &&
    response.length <= MAX_COMPRESSED_BYTES
  );
}

/** The coding for this request and response, or undefined for identity. */
export function codingFor(
  request: { httpVersion: string; headers: { 'accept-encoding'?: string | undefined } },
  response: ResponseShape,
): Coding | undefined {
  if (request.httpVersion === '1.0' || !isCompressible(response)) return undefined;
  return chooseCoding(request.headers['accept-encoding']);
}

/**
 * Brotli quality 5 and gzip level 6: about a millisecond for a list page's JSON, within a few per
 * cent of the best ratio for the chunks of the web export (quality 11 takes seconds per megabyte,
 * too slow to compress on the fly). Synchronous on purpose: the libuv pool is shared with file
 * and crypto work, and an answer must not wait behind it; static files are compressed once.
 */
export function compress(body: Buffer, coding: Coding): Promise<Buffer> {
  return Promise.resolve(
    coding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : gzipSync(body, { level: 6 }),
  );
}

/** CloudFront's ETag conversion: a strong ETag of a compressed answer becomes weak; an invalid one is dropped. */
export function etagOfCompressed(etag: string | undefined): string | undefined {
  if (!etag) return undefined;
  if (etag.startsWith('W/')) return etag;
  if (etag.startsWith('"')) return `W/${etag}`;
  return undefined;
}

/** Adds Accept-Encoding to a Vary header value (kept once). */
export function varyWithAcceptEncoding(vary: string | undefined): string {
  const names = (vary ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (names.some((n) => n === '*' || n.toLowerCase() === 'accept-encoding')) return names.join(', ');
  return [...names, 'Accept-Encoding'].join(', ');
}

/** A header of a plain header record, whatever the case of its name. */
function headerOf(headers: Record<string, string>, name: string): [string, string] | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : [key, headers[key]!];
}

/**
 * The headers of an answer as this request gets it: Vary: Accept-Encoding on every answer that
 * has compressed forms, and when it is sent compressed, Content-Encoding and a strong ETag made
 * weak. Content-Length is left to the sender.
 */
export function negotiate(
  req: Pick<IncomingMessage, 'httpVersion' | 'headers'>,
  status: number,
  headers: Record<string, string>,
  length: number,
): { headers: Record<string, string>; coding: Coding | undefined } {
  const out: Record<string, string> = { ...headers };
  const shape: ResponseShape = {
    status,
    contentType: headerOf(headers, 'content-type')?.[1],
    contentEncoding: headerOf(headers, 'content-encoding')?.[1],
    length,
  };
  if (!isCompressible(shape)) return { headers: out, coding: undefined };
  const vary = headerOf(out, 'vary');
  if (vary) delete out[vary[0]];
  out.vary = varyWithAcceptEncoding(vary?.[1]);
  const coding = codingFor(req, shape);
  if (coding) {
    out['content-encoding'] = coding;
    const etag = headerOf(out, 'etag');
    if (etag) {
      delete out[etag[0]];
      const weak = etagOfCompressed(etag[1]);
      if (weak) out.etag = weak;
    }
  }
  return { headers: out, coding };
}

/**
 * Sends a whole body, compressed when CloudFront would compress it for this request (see
 * `negotiate`), with the Content-Length of what is sent; HEAD gets the headers only.
 * `compressed` may hand out cached compressed forms of the same body.
 */
export async function sendCompressible(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  compressed: (coding: Coding) => Promise<Buffer> = (coding) => compress(body, coding),
): Promise<void> {
  const { headers: out, coding } = negotiate(req, status, headers, body.length);
  const sent = coding ? await compressed(coding) : body;
  const length = headerOf(out, 'content-length');
  if (length) delete out[length[0]];
  // No Content-Length on answers that have no body by definition.
  if (status !== 204 && status !== 304) out['content-length'] = String(sent.length);
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : sent);
}
