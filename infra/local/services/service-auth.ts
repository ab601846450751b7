/**
 * SigV4 authentication of the local KMS, SES, SNS, Cognito and Step Functions endpoints (S3 has
 * its own, with S3's rules and error codes). A request is accepted only when it is signed with a
 * known access key for this service's signing name and the signature covers the body as
 * received: the payload hash is either the signed x-amz-content-sha256 (the SDK clients send it),
 * which must then be the body's SHA-256, or the body's hash itself. The caller reads the body
 * once, authenticates with it and hands the same bytes to its operation; nothing is done before.
 * Failures are classified here and rendered in each protocol's error shape by the endpoint, with
 * the codes AWS answers.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LOCAL_AWS_CREDENTIALS } from './common';
import { flatHeaders, parseQuery, verifySigV4 } from './sigv4';

export type AuthFailure = 'missing' | 'unknown-key' | 'signature' | 'incomplete';

export type ServiceAuth =
  { ok: true; accessKeyId: string } | { ok: false; failure: AuthFailure; message: string };

const SIGNATURE_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** access key id → secret key; default the local credentials. */
export function secretsOf(
  credentials: ReadonlyArray<{ accessKeyId: string; secretAccessKey: string }> = [LOCAL_AWS_CREDENTIALS],
): ReadonlyMap<string, string> {
  return new Map(credentials.map((c) => [c.accessKeyId, c.secretAccessKey]));
}

const fail = (failure: AuthFailure, message: string): ServiceAuth => ({ ok: false, failure, message });

/**
 * Verifies the request's SigV4 signature (header or presigned query) against `secrets`, for the
 * signing name `service` (kms, ses, sns, states, cognito-idp), over `body` as read.
 */
export async function authenticate(
  req: IncomingMessage,
  body: Buffer,
  service: string,
  secrets: ReadonlyMap<string, string>,
  now: Date = new Date(),
): Promise<ServiceAuth> {
  const url = req.url ?? '/';
  const headers = flatHeaders(req);
  const q = url.indexOf('?');
  const presigned = q !== -1 && parseQuery(url.slice(q + 1)).some(([k]) => k === 'X-Amz-Algorithm');
  if (!headers.authorization && !presigned) return fail('missing', 'Missing Authentication Token');

  const result = await verifySigV4({ method: req.method ?? 'GET', url, headers, body }, secrets, now);
  if (!result.ok) {
    switch (result.code) {
      case 'InvalidAccessKeyId':
        return fail('unknown-key', 'The security token included in the request is invalid.');
      case 'SignatureDoesNotMatch':
        return fail('signature', SIGNATURE_MESSAGE);
      case 'RequestTimeTooSkewed':
        return fail('signature', `Signature expired: ${result.message}`);
      case 'AccessDenied':
        return result.message === 'Request has expired'
          ? fail('signature', 'Signature expired: the presigned request has expired.')
          : fail('incomplete', result.message);
      default:
        return fail('incomplete', result.message);
    }
  }
  if (result.service !== service)
    return fail('signature', `Credential should be scoped to correct service: '${service}'.`);
  // The signature covers this hash; it must be the hash of what arrived (and not UNSIGNED-PAYLOAD).
  if (result.payloadHash !== createHash('sha256').update(body).digest('hex'))
    return fail('signature', SIGNATURE_MESSAGE);
  return { ok: true, accessKeyId: result.accessKeyId };
}

/** The error of an AWS JSON 1.0/1.1 service (KMS, Step Functions, Cognito): `__type`, HTTP 400. */
export function jsonAuthError(failure: AuthFailure): { status: number; type: string } {
  const type = {
    missing: 'MissingAuthenticationTokenException',
    'unknown-key': 'UnrecognizedClientException',
    signature: 'InvalidSignatureException',
    incomplete: 'IncompleteSignatureException',
  }[failure];
  return { status: 400, type };
}

/** The error of a REST JSON service (SES v2): the type in x-amzn-ErrorType, HTTP 403. */
export function restJsonAuthError(failure: AuthFailure): { status: number; type: string } {
  return { status: failure === 'incomplete' ? 400 : 403, type: jsonAuthError(failure).type };
}

/** The error of an AWS query service (SNS): `<Error><Code>`, HTTP 403 (400 for a malformed signature). */
export function queryAuthError(failure: AuthFailure): { status: number; code: string } {
  const code = {
    missing: 'MissingAuthenticationToken',
    'unknown-key': 'InvalidClientTokenId',
    signature: 'SignatureDoesNotMatch',
    incomplete: 'IncompleteSignature',
  }[failure];
  return { status: failure === 'incomplete' ? 400 : 403, code };
}
