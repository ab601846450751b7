/**
 * Local S3: one endpoint on 127.0.0.1 over its own filesystem store (`<dataDir>/s3-store`); no
 * other listener. Both buckets are versioned (always Enabled) with Object Lock and a default
 * retention, as the AWS stack configures them. Every request:
 * - must carry a valid SigV4 signature (header or presigned), reads and lists included;
 * - is classified into one S3 operation (s3-classify.ts) from its method, path shape and S3's
 *   sub-resource names; unknown query parameters change nothing, unimplemented operations get 501;
 * - goes through the store's rules: writes add immutable versions, deletes add delete markers,
 *   a version is removed only when neither retention nor legal hold protects it, and the buckets'
 *   versioning and Object Lock configuration cannot be changed.
 * Declared checksums (Content-MD5, x-amz-checksum-*, also as aws-chunked trailers) are verified
 * (BadDigest); reads are verified against the SHA-256 recorded at write time and a response with
 * altered bytes is destroyed, never finished. CORS for the local web origin (presigned PUT/GET).
 * Data folders of the earlier s3rver-based endpoint are imported once on start (s3-migrate.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { logger } from '../../../functions/platform/observability/logger';
import {
  closeServer,
  HttpError,
  listenLoopback,
  LOCAL_AWS_CREDENTIALS,
  LOCAL_AWS_REGION,
  readBody,
  requirePort,
  type LocalService,
} from './common';
import * as buckets_ from './s3-buckets';
import { classifyS3Request, REFUSES_VERSION_ID, type S3Operation } from './s3-classify';
import type { BucketConfig, OperationHandler, ResponseHeaders, S3Context } from './s3-context';
import { importS3rverData } from './s3-migrate';
import * as multipart from './s3-multipart';
import * as objects from './s3-objects';
import {
  decodeAwsChunked,
  isAllowedOrigin,
  parsePathStyle,
  S3Error,
  s3ErrorXml,
  verifyDeclaredChecksums,
  type LockMode,
} from './s3-protocol';
import { VersionedStore, type StoreLog } from './s3-store';
import { IntegrityError } from './s3-store-io';
import { UploadStore } from './s3-uploads';
import { listBucketsXml } from './s3-xml';
import { flatHeaders, parseQuery, verifySigV4 } from './sigv4';

export const DEFAULT_BUCKETS = {
  attachments: 'karguzar-attachments',
  archive: 'karguzar-archive',
  intake: 'karguzar-intake',
} as const;

/** The buckets of the endpoint: document files, the archive, and raw intake mail (SMTP listener). */
export interface LocalBuckets {
  attachments: string;
  archive: string;
  intake: string;
}

export interface S3StartOptions {
  /** Folder of this service's state: the store in `<dataDir>/s3-store` (s3rver's `s3`, `s3-meta` are imported). */
  dataDir: string;
  /** Port of the endpoint on 127.0.0.1 (0 = any free port). */
  port: number;
  /** The buckets (always present, versioned, Object Lock). Defaults: karguzar-attachments, karguzar-archive, karguzar-intake. */
  buckets?: { attachments: string; archive: string; intake?: string };
  /** Default retention of the archive bucket (Object Lock default retention; COMPLIANCE, 3653 days). */
  archiveRetention?: { mode?: LockMode; days?: number };
  /** Default retention of the intake bucket (COMPLIANCE, 3653 days, as the archive's). */
  intakeRetention?: { mode?: LockMode; days?: number };
  /** Default retention of the attachments bucket (COMPLIANCE, 3653 days). */
  attachmentsRetention?: { mode?: LockMode; days?: number };
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
  /** Extra browser origins allowed by CORS besides http://127.0.0.1:* and http://localhost:* */
  corsOrigins?: string[];
  /** Largest accepted request body (default 1 GiB). */
  maxObjectBytes?: number;
  /** Clock for retention checks only (tests); signatures and version timestamps use the real time. */
  now?: () => Date;
  /** Region answered by GetBucketLocation/HeadBucket (default eu-central-1). */
  region?: string;
  /** Where the endpoint logs (default: the structured logger). */
  log?: StoreLog;
}

export interface S3Service extends LocalService {
  buckets: LocalBuckets;
}

const EXPOSED_HEADERS =
  'ETag, x-amz-request-id, x-amz-version-id, x-amz-delete-marker, x-amz-checksum-sha256, x-amz-checksum-crc32, x-amz-object-lock-mode, x-amz-object-lock-retain-until-date, Content-Disposition, Content-Length, Content-Range, Content-Type';

const HANDLERS: Record<Exclude<S3Operation, 'ListBuckets' | 'NotImplemented'>, OperationHandler> = {
  HeadBucket: buckets_.headBucket,
  CreateBucket: buckets_.createBucket,
  DeleteBucket: buckets_.deleteBucket,
  ListObjects: buckets_.listObjects,
  ListObjectsV2: buckets_.listObjectsV2,
  ListObjectVersions: buckets_.listObjectVersions,
  ListMultipartUploads: buckets_.listMultipartUploads,
  GetBucketVersioning: buckets_.getBucketVersioning,
  PutBucketVersioning: buckets_.putBucketVersioning,
  GetObjectLockConfiguration: buckets_.getObjectLockConfiguration,
  PutObjectLockConfiguration: buckets_.putObjectLockConfiguration,
  GetBucketLocation: buckets_.getBucketLocation,
  RefusedBucketChange: buckets_.refusedBucketChange,
  DeleteObjects: objects.deleteObjects,
  GetObject: objects.getObject,
  HeadObject: objects.headObject,
  PutObject: objects.putObject,
  CopyObject: objects.copyObject,
  DeleteObject: objects.deleteObject,
  GetObjectRetention: objects.getObjectRetention,
  PutObjectRetention: objects.putObjectRetention,
  GetObjectLegalHold: objects.getObjectLegalHold,
  PutObjectLegalHold: objects.putObjectLegalHold,
  CreateMultipartUpload: multipart.createMultipartUpload,
  UploadPart: multipart.uploadPart,
  CompleteMultipartUpload: multipart.completeMultipartUpload,
  AbortMultipartUpload: multipart.abortMultipartUpload,
  ListParts: multipart.listParts,
};

const defaultLog: StoreLog = (level, message, fields) => logger[level](message, fields ?? {});

export async function start(opts: S3StartOptions): Promise<S3Service> {
  const port = requirePort(opts.port, 's3.port');
  const buckets: LocalBuckets = { ...DEFAULT_BUCKETS, ...opts.buckets };
  const log = opts.log ?? defaultLog;
  const retention = (r?: { mode?: LockMode; days?: number }) => ({
    mode: r?.mode ?? 'COMPLIANCE',
    days: r?.days ?? 3653,
  });
  const configs = new Map<string, BucketConfig>([
    [buckets.attachments, { name: buckets.attachments, retention: retention(opts.attachmentsRetention) }],
    [buckets.archive, { name: buckets.archive, retention: retention(opts.archiveRetention) }],
    [buckets.intake, { name: buckets.intake, retention: retention(opts.intakeRetention) }],
  ]);
  const now = opts.now ?? (() => new Date());
  const region = opts.region ?? LOCAL_AWS_REGION;
  const secrets = new Map(
    (opts.credentials ?? [LOCAL_AWS_CREDENTIALS]).map((c) => [c.accessKeyId, c.secretAccessKey]),
  );
  const maxBytes = opts.maxObjectBytes ?? 1024 ** 3;
  const root = join(opts.dataDir, 's3-store');
  const names = [...configs.keys()];
  const store = await VersionedStore.open(root, names, log);
  const uploads = await UploadStore.open(root, names, log);
  await importS3rverData({ dataDir: opts.dataDir, store, configs, log });
  let endpoint = '';

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = parseQuery(q === -1 ? '' : rawUrl.slice(q + 1));
    const origin = req.headers.origin;
    const corsOk = typeof origin === 'string' && isAllowedOrigin(origin, opts.corsOrigins);
    let resource = path;

    const finalHeaders = (headers: ResponseHeaders) => {
      const h: Record<string, string> = { 'x-amz-request-id': requestId, server: 'AmazonS3' };
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) h[k] = v;
      if (corsOk) {
        h['access-control-allow-origin'] = origin;
        h['access-control-expose-headers'] = EXPOSED_HEADERS;
        h['vary'] = 'Origin';
      }
      return h;
    };
    const reply = (status: number, headers: ResponseHeaders, body?: string) => {
      const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
      const h = finalHeaders(headers);
      if (payload && h['content-length'] === undefined) h['content-length'] = String(payload.length);
      if (!payload && h['content-length'] === undefined && status !== 204 && status !== 304)
        h['content-length'] = '0';
      res.writeHead(status, h);
      res.end(method === 'HEAD' ? undefined : payload);
    };
    const fail = (err: S3Error) =>
      reply(
        err.status,
        { ...err.headers, 'content-type': 'application/xml' },
        s3ErrorXml(err.code, err.message, resource, requestId, err.extra),
      );
    const stream = async (status: number, headers: ResponseHeaders, content: AsyncIterable<Buffer>) => {
      // The first (verified) block is read before the status goes out: altered bytes in a small
      // object are a clean 500; later on, the response is destroyed before its end.
      const blocks = content[Symbol.asyncIterator]();
      let first: IteratorResult<Buffer>;
      try {
        first = await blocks.next();
      } catch (err) {
        if (!(err instanceof IntegrityError)) throw err;
        log('error', 's3: stored bytes altered; not served', { resource, detail: err.detail });
        throw new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
      }
      res.writeHead(status, finalHeaders(headers));
      async function* rest() {
        try {
          if (first.done) return;
          yield first.value;
          for (let next = await blocks.next(); !next.done; next = await blocks.next()) yield next.value;
        } finally {
          await blocks.return?.(undefined); // closes the file when the client goes away early
        }
      }
      try {
        await pipeline(Readable.from(rest()), res);
      } catch (err) {
        if (err instanceof IntegrityError)
          log('error', 's3: stored bytes altered; response destroyed before its end', {
            resource,
            detail: err.detail,
          });
        res.destroy();
      }
    };

    try {
      try {
        resource = decodeURIComponent(path);
      } catch {
        throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
      }
      // CORS preflight for presigned PUT/GET from the web app.
      if (method === 'OPTIONS') {
        req.resume();
        if (!corsOk) throw new S3Error(403, 'CORSResponse', 'CORS is not enabled for this origin.');
        const requested = req.headers['access-control-request-method'] ?? '';
        if (!['GET', 'HEAD', 'PUT'].includes(requested))
          throw new S3Error(403, 'CORSResponse', 'This CORS request is not allowed.');
        return reply(200, {
          'access-control-allow-methods': 'GET, HEAD, PUT',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
          'access-control-max-age': '3000',
        });
      }

      const auth = await verifySigV4({ method, url: rawUrl, headers: flatHeaders(req) }, secrets, new Date());
      if (!auth.ok) {
        req.resume();
        throw new S3Error(auth.status, auth.code, auth.message);
      }

      // x-amz-* parameters of a presigned URL count as (signed) headers, as on S3.
      const headers: Record<string, string | undefined> = flatHeaders(req);
      if (auth.presigned)
        for (const [k, v] of query)
          if (k.toLowerCase().startsWith('x-amz-') && !k.startsWith('X-Amz-')) headers[k.toLowerCase()] = v;

      let body: Buffer = Buffer.alloc(0);
      if (method === 'PUT' || method === 'POST') {
        body = await readBody(req, maxBytes);
        if (
          auth.payloadHash.startsWith('STREAMING-') ||
          (headers['content-encoding'] ?? '').includes('aws-chunked')
        ) {
          try {
            const decoded = decodeAwsChunked(body);
            body = decoded.data;
            // Trailers carry checksums only; they never stand in for other (signed) headers.
            for (const [k, v] of Object.entries(decoded.trailers))
              if (k.startsWith('x-amz-checksum-')) headers[k] = v;
          } catch (err) {
            throw new S3Error(400, 'IncompleteBody', (err as Error).message);
          }
        } else if (/^[0-9a-f]{64}$/.test(auth.payloadHash)) {
          if (createHash('sha256').update(body).digest('hex') !== auth.payloadHash)
            throw new S3Error(
              400,
              'XAmzContentSHA256Mismatch',
              "The provided 'x-amz-content-sha256' header does not match what was computed.",
            );
        }
      } else {
        req.resume();
      }
      const verified =
        method === 'PUT' || method === 'POST'
          ? verifyDeclaredChecksums(headers, body)
          : ({ ok: true, checksums: {} } as const);
      if (!verified.ok) throw new S3Error(400, verified.problem.code, verified.problem.message);

      const { bucket, key } = parsePathStyle(path);
      const qmap = new Map(query);
      const op = classifyS3Request({
        method,
        ...(bucket !== undefined ? { bucket } : {}),
        ...(key !== undefined ? { key } : {}),
        query: qmap,
        hasCopySource: headers['x-amz-copy-source'] !== undefined,
      });
      if (op.op === 'NotImplemented')
        throw new S3Error(
          501,
          'NotImplemented',
          `A header or query you provided implies functionality that is not implemented (${op.name}).`,
        );
      if (op.op === 'ListBuckets')
        return reply(200, { 'content-type': 'application/xml' }, listBucketsXml(store.bucketList()));
      const config = configs.get(bucket!);
      if (!config) {
        if (op.op === 'CreateBucket')
          throw new S3Error(
            403,
            'AccessDenied',
            'Access Denied: the local endpoint serves only its configured buckets',
          );
        throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {
          BucketName: bucket!,
        });
      }
      if (REFUSES_VERSION_ID.has(op.op) && qmap.has('versionId'))
        throw new S3Error(400, 'InvalidArgument', 'This operation does not accept a version-id.', {
          ArgumentName: 'versionId',
          ArgumentValue: qmap.get('versionId')!,
        });

      const ctx: S3Context = {
        op,
        bucket: bucket!,
        ...(key !== undefined ? { key } : {}),
        query: qmap,
        headers,
        body,
        declared: verified.checksums,
        config,
        store,
        uploads,
        now,
        region,
        endpoint,
        log,
        reply,
        stream,
      };
      await HANDLERS[op.op](ctx);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof S3Error) return fail(err);
      if (err instanceof HttpError) return fail(new S3Error(err.status, err.code, err.message));
      log('error', 's3: request failed', {
        resource,
        error: err instanceof IntegrityError ? err.detail : (err as Error).message,
      });
      fail(new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.'));
    }
  };

  const { server, port: bound } = await listenLoopback((req, res) => void handler(req, res), port);
  endpoint = `http://127.0.0.1:${bound}`;

  return {
    port: bound,
    endpoint,
    buckets,
    async health() {
      try {
        await stat(root);
        const missing = names.filter((b) => !store.hasBucket(b));
        return missing.length === 0
          ? { ok: true }
          : { ok: false, detail: `missing buckets ${missing.join(', ')}` };
      } catch (err) {
        return { ok: false, detail: (err as Error).message };
      }
    },
    async close() {
      await closeServer(server);
    },
  };
}
