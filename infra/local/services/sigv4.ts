/**
 * AWS Signature Version 4 verification for the local endpoints (header and presigned-query forms).
 * The expected signature is computed by the AWS SDK's own signer (`@smithy/signature-v4`, the one
 * every SDK client signs with) from the received request's parts, so the canonical request — path
 * escaping, query and header canonicalization, signing key — agrees with the SDK by construction;
 * this module only picks the parts out of the request and applies the service's rules (which
 * headers are required, expiry, clock skew). Verifying here is what makes a presigned PUT's signed
 * Content-Length and x-amz-checksum-sha256 binding locally, the same as on S3. The other local
 * endpoints verify through `service-auth.ts`; `signRequest` signs with the same signer for code
 * that calls them without an SDK client.
 */
import { createHash, createHmac, timingSafeEqual, type BinaryLike, type Hash, type Hmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getPayloadHash, SignatureV4 } from '@smithy/signature-v4';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from './common';

export interface SigV4Request {
  method: string;
  /** Raw request target as received, e.g. `/bucket/a%20b?X-Amz-Date=...` */
  url: string;
  /** Lower-case header names; repeated headers already joined with ',' */
  headers: Record<string, string | undefined>;
  /**
   * The body, for services other than S3 when the request carries no x-amz-content-sha256 (the
   * payload hash is then the body's SHA-256, as on AWS). Absent: an empty body.
   */
  body?: Uint8Array;
}

export type SigV4Result =
  | {
      ok: true;
      accessKeyId: string;
      presigned: boolean;
      payloadHash: string;
      /** The credential scope's service and region, as signed. */
      service: string;
      region: string;
    }
  | { ok: false; status: number; code: string; message: string };

/** Request headers as lower-case name → single string (repeats joined with ','). */
export function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headersDistinct)) if (v) out[k] = v.join(',');
  return out;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SHA256_HEADER = 'x-amz-content-sha256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const MAX_SKEW_MS = 15 * 60 * 1000;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `a=1&b=%20&c` → [['a','1'],['b',' '],['c','']] (percent-decoded; `+` stays a plus, as in SigV4). */
export function parseQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1
      ? [safeDecode(pair), '']
      : [safeDecode(pair.slice(0, eq)), safeDecode(pair.slice(eq + 1))];
  });
}

/** `20261123T131603Z` → Date */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function deny(code: string, message: string, status = 403): SigV4Result {
  return { ok: false, status, code, message };
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** SHA-256 / HMAC-SHA256 on node:crypto in the shape the signer takes (as `@smithy/hash-node`). */
class NodeSha256 {
  private hash!: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.reset();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
}

type SignableRequest = Parameters<SignatureV4['presign']>[0];

/** The received query as the SDK holds it: one string per key, an array for a repeated key. */
function queryBag(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const bag: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of pairs) {
    const seen = bag[k];
    bag[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  return bag;
}

const sameHex = (provided: string, expected: string | undefined) => {
  if (expected === undefined || !/^[0-9a-f]{64}$/.test(provided)) return false;
  return timingSafeEqual(Buffer.from(provided, 'hex'), Buffer.from(expected, 'hex'));
};

/**
 * Verifies a SigV4-signed request to a local endpoint. `secrets` maps access key ids to secret
 * keys. S3 (credential scope service `s3`) is verified as the S3 client signs: the path as sent
 * (not escaped again) and x-amz-content-sha256 required on header-signed requests; other
 * services escape the path once more, as their clients do. Returns the payload hash the signature
 * covers (a hex digest, UNSIGNED-PAYLOAD or a STREAMING-* marker) so the caller can check the body
 * against it.
 */
export async function verifySigV4(
  req: SigV4Request,
  secrets: ReadonlyMap<string, string>,
  now: Date = new Date(),
): Promise<SigV4Result> {
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  const query = parseQuery(q === -1 ? '' : req.url.slice(q + 1));
  const qp = new Map(query);

  let credential: string;
  let signedHeaders: string[];
  let signature: string;
  let amzDate: string;
  let signedAt: Date | undefined;
  let payloadHash: string | undefined;
  let presigned: boolean;
  let expires = 0;

  const auth = req.headers['authorization'];
  if (qp.has('X-Amz-Algorithm')) {
    if (auth) return deny('InvalidArgument', 'Only one auth mechanism allowed', 400);
    if (qp.get('X-Amz-Algorithm') !== ALGORITHM) return deny('InvalidArgument', 'Unsupported algorithm', 400);
    presigned = true;
    credential = qp.get('X-Amz-Credential') ?? '';
    signedHeaders = (qp.get('X-Amz-SignedHeaders') ?? '').split(';');
    signature = qp.get('X-Amz-Signature') ?? '';
    amzDate = qp.get('X-Amz-Date') ?? '';
    payloadHash = qp.get('X-Amz-Content-Sha256') ?? req.headers[SHA256_HEADER];
    expires = Number(qp.get('X-Amz-Expires'));
    signedAt = parseAmzDate(amzDate);
    if (!signedAt || !Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) {
      return deny('AuthorizationQueryParametersError', 'X-Amz-Date or X-Amz-Expires is invalid', 400);
    }
    if (now.getTime() > signedAt.getTime() + expires * 1000)
      return deny('AccessDenied', 'Request has expired');
  } else if (auth) {
    const m =
      /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/.exec(
        auth,
      );
    if (!m) return deny('InvalidArgument', 'Unsupported or malformed Authorization header', 400);
    presigned = false;
    credential = m[1]!;
    signedHeaders = m[2]!.split(';');
    signature = m[3]!;
    amzDate = req.headers['x-amz-date'] ?? '';
    payloadHash = req.headers[SHA256_HEADER];
    signedAt = parseAmzDate(amzDate);
  } else {
    return deny('AccessDenied', 'Access Denied');
  }

  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request')
    return deny('AuthorizationHeaderMalformed', 'Malformed credential scope', 400);
  const [accessKeyId, date, region, service] = scope as [string, string, string, string, string];
  const s3 = service === 's3';

  if (!presigned) {
    if (s3 && payloadHash === undefined)
      return deny('InvalidRequest', `Missing required header for this request: ${SHA256_HEADER}`, 400);
    if (!signedAt)
      return deny('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
    if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) {
      return deny(
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      );
    }
  }
  const secret = secrets.get(accessKeyId);
  if (secret === undefined)
    return deny('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (!signedHeaders.includes('host')) return deny('AccessDenied', 'host must be a signed header');
  if (!amzDate.startsWith(date))
    return deny('AuthorizationHeaderMalformed', 'Credential date does not match x-amz-date', 400);

  // The request as the client's signer saw it: the signed headers with their received values
  // (x-amz-date and authorization are set again by the signer itself), the path as sent, the query.
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of signedHeaders) headers[name] = req.headers[name] ?? '';
  if (presigned && payloadHash === undefined && s3) payloadHash = UNSIGNED_PAYLOAD;
  if (payloadHash !== undefined) headers[SHA256_HEADER] = payloadHash;
  const request: SignableRequest = {
    method: req.method,
    protocol: 'http:',
    hostname: (req.headers.host ?? '').replace(/:\d+$/, ''),
    path,
    query: queryBag(query),
    headers,
    body: req.body,
  };
  payloadHash ??= await getPayloadHash(request, NodeSha256);

  const signer = new SignatureV4({
    service,
    region,
    credentials: { accessKeyId, secretAccessKey: secret },
    sha256: NodeSha256,
    // The S3 client signs the path as it sends it; every other client escapes it once more.
    uriEscapePath: !s3,
    // x-amz-content-sha256 is taken as received, never added.
    applyChecksum: false,
  });
  const signable = new Set(signedHeaders);
  const notSigned = signable.has(SHA256_HEADER) ? undefined : new Set([SHA256_HEADER]);
  let expected: string | undefined;
  if (presigned) {
    const out = await signer.presign(request, {
      signingDate: signedAt,
      expiresIn: expires,
      signingRegion: region,
      signingService: service,
      signableHeaders: signable,
      unsignableHeaders: notSigned,
      // What was sent as a header stays one; the query is taken as received.
      unhoistableHeaders: new Set(Object.keys(headers)),
    });
    const value = out.query?.['X-Amz-Signature'];
    expected = typeof value === 'string' ? value : undefined;
  } else {
    const out = await signer.sign(request, {
      signingDate: signedAt,
      signingRegion: region,
      signingService: service,
      signableHeaders: signable,
      unsignableHeaders: notSigned,
    });
    expected = /Signature=([0-9a-f]{64})$/.exec(String(out.headers.authorization))?.[1];
  }
  if (!sameHex(signature, expected)) {
    return deny(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  return { ok: true, accessKeyId, presigned, payloadHash, service, region };
}

export interface SignRequestInput {
  /** Absolute URL of the local endpoint, path and query included. */
  url: string;
  /** Default POST. */
  method?: string;
  /** Headers to sign and send (e.g. content-type, x-amz-target); host is taken from the URL. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Signing name of the service: kms, ses, sns, states, cognito-idp… */
  service: string;
  /** Default LOCAL_AWS_REGION. */
  region?: string;
  /** Default LOCAL_AWS_CREDENTIALS. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Default now. */
  signingDate?: Date;
}

/**
 * Signs a request to a local endpoint the way an SDK client signs it (the SDK's own signer, the
 * path escaped once more, x-amz-content-sha256 added), for callers that send with plain fetch or
 * node:http. Returns the headers to send: the given ones plus authorization, x-amz-date and
 * x-amz-content-sha256. `host` is signed but not returned (the HTTP client sets the same value
 * from the URL).
 */
export async function signRequest(input: SignRequestInput): Promise<Record<string, string>> {
  const url = new URL(input.url);
  const credentials = input.credentials ?? LOCAL_AWS_CREDENTIALS;
  const signer = new SignatureV4({
    service: input.service,
    region: input.region ?? LOCAL_AWS_REGION,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    sha256: NodeSha256,
  });
  const headers: Record<string, string> = { ...input.headers, host: url.host };
  const signed = await signer.sign(
    {
      method: input.method ?? 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: queryBag(parseQuery(url.search.slice(1))),
      headers,
      ...(input.body !== undefined ? { body: input.body } : {}),
    },
    input.signingDate ? { signingDate: input.signingDate } : {},
  );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) if (k.toLowerCase() !== 'host') out[k] = String(v);
  return out;
}
