/**
 * Local S3: s3rver (its own files under `<dataDir>/s3`, listening on a private loopback port)
 * behind a thin endpoint on the configured port. The thin endpoint is what clients talk to; it
 * does what s3rver cannot:
 * - verifies SigV4 (header and presigned), so a presigned PUT's signed Content-Length, Content-Type
 *   and x-amz-checksum-sha256 bind the body exactly as on S3, and expired URLs fail;
 * - verifies declared checksums (Content-MD5, x-amz-checksum-sha256/-sha1/-crc32, also as
 *   aws-chunked trailers) → BadDigest, and returns them on HEAD/GET with x-amz-checksum-mode;
 * - enforces the archive bucket's Object Lock (WORM) from a durable sidecar under
 *   `<dataDir>/s3-meta` (s3rver drops the headers): no overwrite, no delete before retain-until;
 * - conditional write-once PUT (`If-None-Match: *` → 412) on every bucket;
 * - CORS for the local web origin (http://127.0.0.1 or http://localhost, any port).
 */
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  closeServer,
  HttpError,
  KeyedMutex,
  listenLoopback,
  LOCAL_AWS_CREDENTIALS,
  LOCAL_HOST,
  readBody,
  requirePort,
  writeFileAtomic,
  type LocalService,
} from './common';
import {
  decodeAwsChunked,
  deleteBlockedByLock,
  deleteObjectsResultXml,
  isAllowedOrigin,
  parseDeleteObjectsBody,
  parsePathStyle,
  resolveLock,
  s3ErrorXml,
  verifyDeclaredChecksums,
  type LockMode,
  type ObjectLock,
} from './s3-protocol';
import { parseQuery, verifySigV4 } from './sigv4';

export const DEFAULT_BUCKETS = { attachments: 'karguzar-attachments', archive: 'karguzar-archive' } as const;

export interface S3StartOptions {
  /** Folder of this service's state: s3rver files in `<dataDir>/s3`, lock/checksum sidecars in `<dataDir>/s3-meta`. */
  dataDir: string;
  /** Port of the thin endpoint on 127.0.0.1 (0 = any free port). */
  port: number;
  /** Buckets created on start if missing. Defaults: karguzar-attachments, karguzar-archive. */
  buckets?: { attachments: string; archive: string };
  /** Default retention of the archive bucket (Object Lock default retention). */
  archiveRetention?: { mode?: LockMode; days?: number };
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
  /** Extra browser origins allowed by CORS besides http://127.0.0.1:* and http://localhost:* */
  corsOrigins?: string[];
  /** Largest accepted request body (default 1 GiB). */
  maxObjectBytes?: number;
  /** Clock for retention checks only (tests); signatures always use the real time. */
  now?: () => Date;
}

export interface S3Service extends LocalService {
  buckets: { attachments: string; archive: string };
}

interface Sidecar {
  bucket: string;
  key: string;
  lock?: ObjectLock;
  checksums?: Partial<Record<'sha256' | 'sha1' | 'crc32', string>>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance;

const require = createRequire(import.meta.url);

/** Headers only this endpoint interprets; never forwarded to s3rver. */
const STRIPPED_HEADERS = new Set([
  'authorization',
  'host',
  'origin',
  'content-length',
  'content-encoding',
  'content-md5',
  'transfer-encoding',
  'expect',
  'x-amz-content-sha256',
  'x-amz-decoded-content-length',
  'x-amz-trailer',
  'x-amz-sdk-checksum-algorithm',
  'x-amz-checksum-algorithm',
  'x-amz-checksum-mode',
  'x-amz-checksum-sha256',
  'x-amz-checksum-sha1',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-type',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
  'x-amz-object-lock-legal-hold',
  'x-amz-bypass-governance-retention',
  'if-none-match',
]);

const EXPOSED_HEADERS =
  'ETag, x-amz-request-id, x-amz-version-id, x-amz-checksum-sha256, x-amz-checksum-crc32, x-amz-object-lock-mode, x-amz-object-lock-retain-until-date, Content-Disposition, Content-Length, Content-Type';

interface ForwardResult {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export async function start(opts: S3StartOptions): Promise<S3Service> {
  const port = requirePort(opts.port, 's3.port');
  const buckets = opts.buckets ?? { ...DEFAULT_BUCKETS };
  const retention = {
    mode: opts.archiveRetention?.mode ?? 'COMPLIANCE',
    days: opts.archiveRetention?.days ?? 3653,
  };
  const now = opts.now ?? (() => new Date());
  const secrets = new Map(
    (opts.credentials ?? [LOCAL_AWS_CREDENTIALS]).map((c) => [c.accessKeyId, c.secretAccessKey]),
  );
  const maxBytes = opts.maxObjectBytes ?? 1024 ** 3;
  const s3Dir = join(opts.dataDir, 's3');
  const metaDir = join(opts.dataDir, 's3-meta');
  await mkdir(s3Dir, { recursive: true });
  await mkdir(metaDir, { recursive: true });

  const S3rver = require('s3rver') as S3rverCtor;
  const inner = new S3rver({
    address: LOCAL_HOST,
    port: 0,
    directory: s3Dir,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: buckets.attachments }, { name: buckets.archive }],
  });
  const innerPort = (await inner.run()).port;
  const mutex = new KeyedMutex();

  const sidecarPath = (bucket: string, key: string) =>
    join(metaDir, encodeURIComponent(bucket), `${createHash('sha256').update(key).digest('hex')}.json`);

  async function readSidecar(bucket: string, key: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(sidecarPath(bucket, key), 'utf8')) as Sidecar;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  function forward(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<ForwardResult> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: LOCAL_HOST,
          port: innerPort,
          method,
          path,
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  function forwardStream(
    method: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: LOCAL_HOST, port: innerPort, method, path, headers }, resolve);
      req.on('error', reject);
      req.end();
    });
  }

  async function objectExists(bucket: string, key: string): Promise<boolean> {
    const r = await forward('HEAD', `/${encodeURIComponent(bucket)}/${encodeKey(key)}`, {});
    return r.status === 200;
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = parseQuery(q === -1 ? '' : rawUrl.slice(q + 1));
    const qmap = new Map(query);
    const subresources = query.filter(([k]) => !isAuthParam(k));
    const origin = req.headers.origin;
    const corsOk = typeof origin === 'string' && isAllowedOrigin(origin, opts.corsOrigins);
    const resource = decodeURIComponent(path);

    const send = (
      status: number,
      headers: Record<string, string | string[] | number | undefined>,
      body?: Buffer | string,
    ) => {
      const h: Record<string, string | string[] | number> = { 'x-amz-request-id': requestId };
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) h[k] = v;
      if (corsOk) {
        h['access-control-allow-origin'] = origin;
        h['access-control-expose-headers'] = EXPOSED_HEADERS;
        h['vary'] = 'Origin';
      }
      res.writeHead(status, h);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
      send(
        status,
        { 'content-type': 'application/xml' },
        s3ErrorXml(code, message, resource, requestId, extra),
      );

    try {
      // CORS preflight for presigned PUT/GET from the web app: answered here, never by s3rver.
      if (req.method === 'OPTIONS') {
        if (!corsOk) return fail(403, 'CORSResponse', 'CORS is not enabled for this origin.');
        const requested = req.headers['access-control-request-method'] ?? '';
        if (!['GET', 'HEAD', 'PUT'].includes(requested))
          return fail(403, 'CORSResponse', 'This CORS request is not allowed.');
        return send(200, {
          'access-control-allow-methods': 'GET, HEAD, PUT',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
          'access-control-max-age': '3000',
        });
      }

      const auth = verifySigV4(
        { method: req.method ?? 'GET', url: rawUrl, headers: flatHeaders(req) },
        secrets,
        new Date(),
      );
      if (!auth.ok) {
        req.resume();
        return fail(auth.status, auth.code, auth.message);
      }

      // x-amz-* query parameters of presigned URLs count as headers (as on S3).
      const amz: Record<string, string | undefined> = flatHeaders(req);
      for (const [k, v] of query)
        if (k.toLowerCase().startsWith('x-amz-') && !k.startsWith('X-Amz-')) amz[k.toLowerCase()] = v;

      let body: Buffer | undefined;
      if (req.method === 'PUT' || req.method === 'POST') {
        body = await readBody(req, maxBytes);
        if (
          auth.payloadHash.startsWith('STREAMING-') ||
          (amz['content-encoding'] ?? '').includes('aws-chunked')
        ) {
          const decoded = decodeAwsChunked(body);
          body = decoded.data;
          Object.assign(amz, decoded.trailers);
        } else if (/^[0-9a-f]{64}$/.test(auth.payloadHash)) {
          if (createHash('sha256').update(body).digest('hex') !== auth.payloadHash) {
            return fail(
              400,
              'XAmzContentSHA256Mismatch',
              "The provided 'x-amz-content-sha256' header does not match what was computed.",
            );
          }
        }
      } else {
        req.resume();
      }

      const { bucket, key } = parsePathStyle(path);
      const isArchive = bucket === buckets.archive;
      const innerQuery = query
        .filter(([k]) => !isAuthParam(k))
        .map(([k, v]) =>
          v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
        )
        .join('&');
      const innerPath = path + (innerQuery ? `?${innerQuery}` : '');
      const innerHeaders: Record<string, string> = {};
      for (const [k, v] of Object.entries(flatHeaders(req)))
        if (v !== undefined && !STRIPPED_HEADERS.has(k)) innerHeaders[k] = v;

      const relay = (r: ForwardResult, extra: Record<string, string | undefined> = {}) => {
        const h: Record<string, string | string[] | number | undefined> = {};
        for (const [k, v] of Object.entries(r.headers)) {
          if (
            k === 'connection' ||
            k === 'keep-alive' ||
            k === 'transfer-encoding' ||
            k.startsWith('access-control-')
          )
            continue;
          h[k] = v;
        }
        h['content-length'] = req.method === 'HEAD' ? r.headers['content-length'] : String(r.body.length);
        Object.assign(h, extra);
        send(r.status, h, r.body);
      };

      // --- object-level operations with local rules ---
      if (bucket && key !== undefined && subresources.length === 0) {
        if (req.method === 'PUT') {
          return await mutex.run(`${bucket}/${key}`, async () => {
            let data = body ?? Buffer.alloc(0);
            let checksums: Sidecar['checksums'] = {};
            const copySource = amz['x-amz-copy-source'];
            if (copySource === undefined) {
              const verified = verifyDeclaredChecksums(amz, data);
              if (!verified.ok) return fail(400, verified.problem.code, verified.problem.message);
              checksums = verified.checksums;
            } else {
              const src = parsePathStyle(`/${copySource.replace(/^\//, '').split('?')[0]!}`);
              if (src.bucket && src.key)
                checksums = (await readSidecar(src.bucket, src.key))?.checksums ?? {};
              data = Buffer.alloc(0);
            }
            const exists = await objectExists(bucket, key);
            if (exists && req.headers['if-none-match'] === '*') {
              return fail(
                412,
                'PreconditionFailed',
                'At least one of the pre-conditions you specified did not hold',
                { Condition: 'If-None-Match' },
              );
            }
            if (exists && isArchive) {
              return fail(403, 'AccessDenied', 'Access Denied because object protected by object lock.');
            }
            const lock = resolveLock(
              {
                mode: amz['x-amz-object-lock-mode'],
                retainUntil: amz['x-amz-object-lock-retain-until-date'],
              },
              isArchive ? retention : undefined,
              now(),
            );
            if (!lock.ok) return fail(400, lock.code, lock.message);
            const sidecar: Sidecar = { bucket, key, ...(lock.lock ? { lock: lock.lock } : {}), checksums };
            // Lock first, then content: a crash in between leaves a lock without an object, which a
            // later PUT may replace (the object does not exist); never an unlocked archive object.
            await writeFileAtomic(sidecarPath(bucket, key), JSON.stringify(sidecar));
            const r = await forward(
              'PUT',
              innerPath,
              innerHeaders,
              copySource === undefined ? data : Buffer.alloc(0),
            );
            if (r.status >= 300) {
              if (!exists) await rm(sidecarPath(bucket, key), { force: true });
              return relay(r);
            }
            return relay(r, {
              ...(checksums.sha256 ? { 'x-amz-checksum-sha256': checksums.sha256 } : {}),
              ...(checksums.crc32 ? { 'x-amz-checksum-crc32': checksums.crc32 } : {}),
            });
          });
        }
        if (req.method === 'DELETE') {
          return await mutex.run(`${bucket}/${key}`, async () => {
            const sidecar = await readSidecar(bucket, key);
            const bypass = (amz['x-amz-bypass-governance-retention'] ?? '').toLowerCase() === 'true';
            if (deleteBlockedByLock(sidecar?.lock, now(), bypass) && (await objectExists(bucket, key))) {
              return fail(403, 'AccessDenied', 'Access Denied because object protected by object lock.');
            }
            const r = await forward('DELETE', innerPath, innerHeaders);
            if (r.status < 300) await rm(sidecarPath(bucket, key), { force: true });
            return relay(r);
          });
        }
        if (req.method === 'GET' || req.method === 'HEAD') {
          // Sidecar first, then the object streamed through (no buffering of large downloads).
          const sidecar = await readSidecar(bucket, key);
          const upstream = await forwardStream(req.method, innerPath, innerHeaders);
          const status = upstream.statusCode ?? 500;
          const h: Record<string, string | string[] | number | undefined> = {};
          for (const [k, v] of Object.entries(upstream.headers)) {
            if (k === 'connection' || k === 'keep-alive' || k.startsWith('access-control-')) continue;
            h[k] = v;
          }
          if (status < 300 || status === 304) {
            if (sidecar?.lock) {
              h['x-amz-object-lock-mode'] = sidecar.lock.mode;
              h['x-amz-object-lock-retain-until-date'] = sidecar.lock.retainUntil;
            }
            if (
              (amz['x-amz-checksum-mode'] ?? '').toUpperCase() === 'ENABLED' &&
              status === 200 &&
              sidecar?.checksums
            ) {
              if (sidecar.checksums.sha256) h['x-amz-checksum-sha256'] = sidecar.checksums.sha256;
              if (sidecar.checksums.crc32) h['x-amz-checksum-crc32'] = sidecar.checksums.crc32;
              if (sidecar.checksums.sha256 || sidecar.checksums.crc32)
                h['x-amz-checksum-type'] = 'FULL_OBJECT';
            }
            for (const [k, v] of query) {
              if (k.startsWith('response-') && v !== '') h[k.slice('response-'.length)] = v;
            }
          }
          h['x-amz-request-id'] = requestId;
          if (corsOk) {
            h['access-control-allow-origin'] = origin;
            h['access-control-expose-headers'] = EXPOSED_HEADERS;
            h['vary'] = 'Origin';
          }
          const clean: Record<string, string | string[] | number> = {};
          for (const [k, v] of Object.entries(h)) if (v !== undefined) clean[k] = v;
          res.writeHead(status, clean);
          upstream.pipe(res);
          return;
        }
        if (req.method === 'POST' && isArchive) {
          return fail(
            501,
            'NotImplemented',
            'Multipart uploads to the archive bucket are not supported by the local endpoint',
          );
        }
      }

      if (bucket && key !== undefined && isArchive && req.method === 'PUT' && qmap.has('retention')) {
        return fail(501, 'NotImplemented', 'PutObjectRetention is not supported by the local endpoint');
      }
      if (bucket && key !== undefined && req.method === 'GET' && qmap.has('retention')) {
        const sidecar = await readSidecar(bucket, key);
        if (!sidecar?.lock)
          return fail(
            404,
            'NoSuchObjectLockConfiguration',
            'The specified object does not have a ObjectLock configuration',
          );
        return send(
          200,
          { 'content-type': 'application/xml' },
          `<?xml version="1.0" encoding="UTF-8"?>\n<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>${sidecar.lock.mode}</Mode><RetainUntilDate>${sidecar.lock.retainUntil}</RetainUntilDate></Retention>`,
        );
      }

      // DeleteObjects: applied key by key so each locked key gets its own AccessDenied entry.
      if (bucket && key === undefined && req.method === 'POST' && qmap.has('delete')) {
        const verified = verifyDeclaredChecksums(amz, body ?? Buffer.alloc(0));
        if (!verified.ok) return fail(400, verified.problem.code, verified.problem.message);
        const { keys, quiet } = parseDeleteObjectsBody((body ?? Buffer.alloc(0)).toString('utf8'));
        const bypass = (amz['x-amz-bypass-governance-retention'] ?? '').toLowerCase() === 'true';
        const deleted: string[] = [];
        const errors: Array<{ key: string; code: string; message: string }> = [];
        for (const k of keys) {
          await mutex.run(`${bucket}/${k}`, async () => {
            const sidecar = await readSidecar(bucket, k);
            if (deleteBlockedByLock(sidecar?.lock, now(), bypass) && (await objectExists(bucket, k))) {
              errors.push({
                key: k,
                code: 'AccessDenied',
                message: 'Access Denied because object protected by object lock.',
              });
              return;
            }
            const r = await forward('DELETE', `/${encodeURIComponent(bucket)}/${encodeKey(k)}`, {});
            if (r.status < 300) {
              await rm(sidecarPath(bucket, k), { force: true });
              deleted.push(k);
            } else {
              errors.push({ key: k, code: 'InternalError', message: `delete failed with ${r.status}` });
            }
          });
        }
        return send(
          200,
          { 'content-type': 'application/xml' },
          deleteObjectsResultXml(deleted, errors, quiet),
        );
      }

      if (isArchive && req.method === 'POST') {
        return fail(
          501,
          'NotImplemented',
          'This operation on the archive bucket is not supported by the local endpoint',
        );
      }
      if (
        bucket &&
        key === undefined &&
        req.method === 'DELETE' &&
        (bucket === buckets.archive || bucket === buckets.attachments) &&
        subresources.length === 0
      ) {
        return fail(403, 'AccessDenied', 'The local endpoint keeps its configured buckets');
      }

      // Everything else (list, bucket ops, multipart on attachments) goes to s3rver as is.
      if (body && (amz['content-md5'] !== undefined || amz['x-amz-checksum-sha256'] !== undefined)) {
        const verified = verifyDeclaredChecksums(amz, body);
        if (!verified.ok) return fail(400, verified.problem.code, verified.problem.message);
      }
      return relay(await forward(req.method ?? 'GET', innerPath, innerHeaders, body));
    } catch (err) {
      if (err instanceof HttpError) return fail(err.status, err.code, err.message);
      if (!res.headersSent)
        return fail(500, 'InternalError', 'We encountered an internal error. Please try again.');
      res.destroy();
    }
  };

  const { server, port: bound } = await listenLoopback((req, res) => void handler(req, res), port);

  return {
    port: bound,
    endpoint: `http://${LOCAL_HOST}:${bound}`,
    buckets,
    async health() {
      try {
        const r = await forward('HEAD', `/${encodeURIComponent(buckets.archive)}`, {});
        return r.status === 200
          ? { ok: true }
          : { ok: false, detail: `archive bucket HEAD returned ${r.status}` };
      } catch (err) {
        return { ok: false, detail: (err as Error).message };
      }
    },
    async close() {
      await closeServer(server);
      await inner.close();
    },
  };
}

/** Request headers as lower-case name → single string (repeats joined with ','). */
function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headersDistinct)) if (v) out[k] = v.join(',');
  return out;
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** SigV4/presign, x-amz-* header-as-query and response-override parameters: not S3 sub-resources. */
function isAuthParam(k: string): boolean {
  return k.toLowerCase().startsWith('x-amz-') || k.startsWith('response-') || k === 'x-id';
}
