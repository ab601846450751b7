/**
 * AWS Signature Version 4 verification for the local S3 endpoint (header and presigned-query
 * forms). Pure functions: the endpoint passes the request line and headers in. Verifying here is
 * what makes a presigned PUT's signed Content-Length and x-amz-checksum-sha256 binding locally,
 * the same as on S3.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SigV4Request {
  method: string;
  /** Raw request target as received, e.g. `/bucket/a%20b?X-Amz-Date=...` */
  url: string;
  /** Lower-case header names; repeated headers already joined with ',' */
  headers: Record<string, string | undefined>;
}

export type SigV4Result =
  | { ok: true; accessKeyId: string; presigned: boolean; payloadHash: string }
  | { ok: false; status: number; code: string; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** RFC 3986 encoding, as SigV4 requires (encodeURIComponent leaves !'()* alone). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1
      ? [safeDecode(pair), '']
      : [safeDecode(pair.slice(0, eq)), safeDecode(pair.slice(eq + 1))];
  });
}

export function canonicalQuery(params: Array<[string, string]>): string {
  return params
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

export function canonicalRequest(
  method: string,
  path: string,
  query: Array<[string, string]>,
  headers: Record<string, string | undefined>,
  signedHeaders: string[],
  payloadHash: string,
): string {
  const headerLines = signedHeaders.map((h) => `${h}:${canonicalHeaderValue(headers[h] ?? '')}\n`).join('');
  return [method, path, canonicalQuery(query), headerLines, signedHeaders.join(';'), payloadHash].join('\n');
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

/**
 * Verifies a SigV4-signed S3 request. `secrets` maps access key ids to secret keys.
 * Returns the payload hash the signature covers (a hex digest, UNSIGNED-PAYLOAD or a STREAMING-*
 * marker) so the caller can check the body against it.
 */
export function verifySigV4(
  req: SigV4Request,
  secrets: ReadonlyMap<string, string>,
  now: Date = new Date(),
): SigV4Result {
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  const query = parseQuery(q === -1 ? '' : req.url.slice(q + 1));
  const qp = new Map(query);

  let credential: string;
  let signedHeaders: string[];
  let signature: string;
  let amzDate: string;
  let payloadHash: string;
  let presigned: boolean;

  const auth = req.headers['authorization'];
  if (qp.has('X-Amz-Algorithm')) {
    if (auth) return deny('InvalidArgument', 'Only one auth mechanism allowed', 400);
    if (qp.get('X-Amz-Algorithm') !== ALGORITHM) return deny('InvalidArgument', 'Unsupported algorithm', 400);
    presigned = true;
    credential = qp.get('X-Amz-Credential') ?? '';
    signedHeaders = (qp.get('X-Amz-SignedHeaders') ?? '').split(';');
    signature = qp.get('X-Amz-Signature') ?? '';
    amzDate = qp.get('X-Amz-Date') ?? '';
    payloadHash = qp.get('X-Amz-Content-Sha256') ?? req.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD';
    const expires = Number(qp.get('X-Amz-Expires'));
    const signedAt = parseAmzDate(amzDate);
    if (!signedAt || !Number.isInteger(expires) || expires < 1 || expires > 604800) {
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
    payloadHash = req.headers['x-amz-content-sha256'] ?? '';
    if (payloadHash === '')
      return deny('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400);
    const signedAt = parseAmzDate(amzDate);
    if (!signedAt)
      return deny('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
    if (Math.abs(now.getTime() - signedAt.getTime()) > 15 * 60 * 1000) {
      return deny(
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      );
    }
  } else {
    return deny('AccessDenied', 'Access Denied');
  }

  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request')
    return deny('AuthorizationHeaderMalformed', 'Malformed credential scope', 400);
  const [accessKeyId, date, region, service] = scope as [string, string, string, string, string];
  const secret = secrets.get(accessKeyId);
  if (secret === undefined)
    return deny('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (!signedHeaders.includes('host')) return deny('AccessDenied', 'host must be a signed header');
  if (!amzDate.startsWith(date))
    return deny('AuthorizationHeaderMalformed', 'Credential date does not match x-amz-date', 400);

  const creq = canonicalRequest(req.method, path, query, req.headers, signedHeaders, payloadHash);
  const stringToSign = [
    ALGORITHM,
    amzDate,
    `${date}/${region}/${service}/aws4_request`,
    createHash('sha256').update(creq).digest('hex'),
  ].join('\n');
  const expected = createHmac('sha256', signingKey(secret, date, region, service))
    .update(stringToSign)
    .digest();
  const provided = Buffer.from(signature, 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
    return deny(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  return { ok: true, accessKeyId, presigned, payloadHash };
}
