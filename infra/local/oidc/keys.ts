/**
 * Signing keys and cookie keys of the local identity provider, created on first start and kept in
 * `<dataDir>/oidc/` (mode 0600) so that tokens and sessions survive restarts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** Only RS256: Cognito signs with RS256 too, so the API's algorithm allow-list is the same in both. */
export const SIGNING_ALG = 'RS256';

export interface PrivateJwks {
  keys: (JWK & { kid: string; alg: string; use: 'sig' })[];
}

async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writePrivateFile(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Loads `<oidcDir>/jwks.json`, or generates an RSA key and persists it on first start. */
export async function loadOrCreateJwks(oidcDir: string): Promise<PrivateJwks> {
  await ensureDir(oidcDir);
  const path = join(oidcDir, 'jwks.json');
  const existing = await readJson<PrivateJwks>(path);
  if (existing) {
    if (
      !Array.isArray(existing.keys) ||
      existing.keys.length === 0 ||
      !existing.keys.every((k) => k.d && k.kid)
    ) {
      throw new Error(`${path} holds no private signing key; delete it to create a new one`);
    }
    await chmod(path, 0o600);
    return existing;
  }
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const jwks: PrivateJwks = {
    keys: [
      {
        ...jwk,
        kid: `local-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`,
        alg: SIGNING_ALG,
        use: 'sig',
      },
    ],
  };
  await writePrivateFile(path, `${JSON.stringify(jwks, null, 2)}\n`);
  return jwks;
}

/** Keys that sign the provider's cookies (Koa keygrip); persisted so sessions survive restarts. */
export async function loadOrCreateCookieKeys(oidcDir: string): Promise<string[]> {
  await ensureDir(oidcDir);
  const path = join(oidcDir, 'cookie-keys.json');
  const existing = await readJson<{ keys: string[] }>(path);
  if (existing && Array.isArray(existing.keys) && existing.keys.length > 0) return existing.keys;
  const keys = [randomBytes(32).toString('base64url')];
  await writePrivateFile(path, `${JSON.stringify({ keys }, null, 2)}\n`);
  return keys;
}
