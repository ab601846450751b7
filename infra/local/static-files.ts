import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { compress, negotiate, sendCompressible, type Coding } from './compression';

interface CachedFile {
  /** size and mtime: a rebuilt export is read again. */
  version: string;
  body: Buffer;
  /** Strong, of the identity bytes (as S3 gives one). */
  etag: string;
  compressed: Map<Coding, Promise<Buffer>>;
}

/** Weak comparison (RFC 9110 §8.8.3.2) of an If-None-Match list against an ETag. */
function noneMatch(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/** One `bytes=` range (the first/last byte positions, inclusive); several ranges or bad syntax: ignored. */
export function parseRange(header: string, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * The web export as CloudFront serves it from S3 with compression on: a strong ETag and 304 for
 * If-None-Match, byte ranges of the identity file (206/416; If-Range honoured), HEAD, and gzip or
 * brotli per Accept-Encoding. Files are read and compressed once per version and kept in memory
 * (the export is a few megabytes).
 */
export class StaticFiles {
  private readonly cache = new Map<string, CachedFile>();

  private async load(file: string): Promise<CachedFile> {
    const info = await stat(file);
    const version = `${info.size}:${info.mtimeMs}`;
    const cached = this.cache.get(file);
    if (cached?.version === version) return cached;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const entry: CachedFile = { version, body, etag, compressed: new Map() };
    this.cache.set(file, entry);
    return entry;
  }

  async send(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    status: number,
    headers: Record<string, string>,
  ): Promise<void> {
    const entry = await this.load(file);
    const method = (req.method ?? 'GET').toUpperCase();
    const cacheable = status === 200 && (method === 'GET' || method === 'HEAD');
    const base: Record<string, string> = { ...headers, etag: entry.etag };
    if (cacheable) base['accept-ranges'] = 'bytes';

    const ifNoneMatch = req.headers['if-none-match'];
    if (cacheable && ifNoneMatch && noneMatch(ifNoneMatch, entry.etag)) {
      // The validators of the form a 200 would have had (the ETag weak when it would be compressed).
      const { headers: full } = negotiate(req, 200, base, entry.body.length);
      const kept = ['etag', 'vary', 'cache-control'].filter((name) => full[name] !== undefined);
      res.writeHead(304, Object.fromEntries(kept.map((name) => [name, full[name]!])));
      res.end();
      return;
    }

    const rangeHeader = req.headers.range;
    const ifRange = req.headers['if-range'];
    if (cacheable && rangeHeader && (ifRange === undefined || ifRange === entry.etag)) {
      const range = parseRange(rangeHeader, entry.body.length);
      // Ranges are of the identity bytes whatever Accept-Encoding says: no Content-Encoding, the
      // strong ETag, and the Vary of the full answer.
      const { vary } = negotiate(req, 200, base, entry.body.length).headers;
      const identity = { ...base, ...(vary ? { vary } : {}) };
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...identity, 'content-range': `bytes */${entry.body.length}` });
        res.end();
        return;
      }
      if (range) {
        const part = entry.body.subarray(range.start, range.end + 1);
        res.writeHead(206, {
          ...identity,
          'content-range': `bytes ${range.start}-${range.end}/${entry.body.length}`,
          'content-length': String(part.length),
        });
        res.end(method === 'HEAD' ? undefined : part);
        return;
      }
    }

    await sendCompressible(req, res, status, base, entry.body, (coding) => {
      let pending = entry.compressed.get(coding);
      if (!pending) {
        pending = compress(entry.body, coding);
        entry.compressed.set(coding, pending);
        pending.catch(() => entry.compressed.delete(coding));
      }
      return pending;
    });
  }
}
