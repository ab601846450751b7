import { mkdtemp, rm } from 'node:fs/promises';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from '../../../infra/local/services/common';
import { signRequest } from '../../../infra/local/services/sigv4';
import { LocalUserStore } from '../../../infra/local/oidc/user-store';
import * as cognitoService from '../../../infra/local/services/cognito';
import type { LocalService } from '../../../infra/local/services/common';
import * as maildevService from '../../../infra/local/services/maildev';
import { rawRequest, type RawAnswer } from '../../support/http';

export const credentials = { ...LOCAL_AWS_CREDENTIALS };
export const region = LOCAL_AWS_REGION;

export async function tempDataDir(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `karguzar-${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A local service of the tests on a data folder of their own: the folder is made and `launch`
 * starts the service there (and connects the tests' clients) before the tests; after them the
 * service last started is closed and the folder removed. `restart` starts it again on the same
 * folder — by `launch` or another start (a later clock) — once a test has closed it.
 */
export function serviceOnTempDir<S extends { close(): Promise<void> }>(
  name: string,
  launch: (dataDir: string) => Promise<S>,
) {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  let running: S | undefined;
  const dir = () => {
    if (!data) throw new Error(`the data folder of ${name} is made before the tests`);
    return data.dir;
  };
  beforeAll(async () => {
    data = await tempDataDir(name);
    running = await launch(data.dir);
  });
  afterAll(async () => {
    await running?.close();
    await data?.remove();
  });
  return {
    get dir() {
      return dir();
    },
    async restart(start: (dataDir: string) => Promise<S> = launch): Promise<S> {
      running = await start(dir());
      return running;
    },
  };
}

/** The S3 error a call ends with (fails the test when it succeeds). */
export async function s3Error(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof S3ServiceException) return err;
    throw err;
  }
  throw new Error('expected an S3 error');
}

/** One call to a local endpoint as a plain HTTP client would make it. */
export interface PlainCall {
  /** Signing name: kms, ses, sns, states, cognito-idp. */
  service: string;
  method?: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How a call reaches the endpoint: the ways it must be refused, and correctly signed. */
export const REFUSED = ['unsigned', 'unknown key', 'wrong secret', 'changed path', 'changed body'] as const;
export type Variant = (typeof REFUSED)[number] | 'signed';

/** The same string with one character changed (the last letter or digit; '/' gets one added). */
export function oneByteOff(value: string): string {
  if (value === '/') return '/x';
  const i = value.search(/[0-9A-Za-z](?=[^0-9A-Za-z]*$)/);
  const c = value.charAt(i);
  const changed = c === '9' ? '8' : /\d/.test(c) ? String(Number(c) + 1) : c === 'a' ? 'b' : 'a';
  return value.slice(0, i) + changed + value.slice(i + 1);
}

/**
 * Sends `call` to the endpoint on `port` unsigned, signed with an unknown access key, signed with
 * the local key id and a wrong secret, signed and then sent with one byte of the path or body
 * changed, or correctly signed with the local credentials (by the SDK's signer).
 */
export async function sendAs(port: number, call: PlainCall, variant: Variant): Promise<RawAnswer> {
  const url = `http://127.0.0.1:${port}${call.path}`;
  const method = call.method ?? 'POST';
  const signWith = async (creds: { accessKeyId: string; secretAccessKey: string }) =>
    signRequest({
      url,
      method,
      service: call.service,
      headers: call.headers,
      body: call.body,
      credentials: creds,
    });
  const headers =
    variant === 'unsigned'
      ? call.headers
      : variant === 'unknown key'
        ? await signWith({ accessKeyId: 'stranger', secretAccessKey: credentials.secretAccessKey })
        : variant === 'wrong secret'
          ? await signWith({ accessKeyId: credentials.accessKeyId, secretAccessKey: 'not-the-local-secret' })
          : await signWith(credentials);
  return rawRequest({
    port,
    method,
    path: variant === 'changed path' ? oneByteOff(call.path) : call.path,
    headers,
    body: variant === 'changed body' ? oneByteOff(call.body) : call.body,
  });
}

/**
 * The local Cognito endpoint of the tests, with the mail catcher it sends through and the user
 * store it keeps, on a data folder of their own: started before the tests, closed after them.
 */
export function localCognitoOnTempDir(name: string) {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  let maildev: maildevService.MaildevService | undefined;
  let users: LocalUserStore | undefined;
  let cognito: LocalService | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('local Cognito is started before the tests');
    return value;
  };
  beforeAll(async () => {
    data = await tempDataDir(name);
    maildev = await maildevService.start({ dataDir: data.dir, smtpPort: 0, webPort: 0 });
    users = await LocalUserStore.open(data.dir);
    cognito = await cognitoService.start({
      port: 0,
      users,
      smtp: { port: maildev.smtpPort },
      from: 'Kargüzar <no-reply@karguzar.local>',
      signInUrl: 'http://127.0.0.1/',
    });
  });
  afterAll(async () => {
    await cognito?.close();
    await maildev?.close();
    await data?.remove();
  });
  return {
    get cognito() {
      return started(cognito);
    },
    get users() {
      return started(users);
    },
    /** The mails the catcher holds, oldest first. */
    async inbox<Mail>(): Promise<Mail[]> {
      return (await (await fetch(`${started(maildev).webUrl}/api/email`)).json()) as Mail[];
    },
  };
}
