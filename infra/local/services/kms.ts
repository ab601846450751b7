/**
 * Local KMS: the JSON 1.1 protocol (`X-Amz-Target: TrentService.<Op>`) for the signing subset the
 * system uses — CreateKey (ECC_NIST_P256 / SIGN_VERIFY), DescribeKey, ListKeys, CreateAlias,
 * ListAliases, Sign and Verify (ECDSA_SHA_256, RAW or DIGEST, DER signatures) and GetPublicKey
 * (DER SPKI). RAW messages are signed and verified with node:crypto. A DIGEST message is an
 * already computed SHA-256, which node:crypto cannot sign as is on Node 20/22 (it always hashes its
 * input; `crypto.signDigest` is only proposed upstream), so DIGEST goes through `@noble/curves`
 * (audited P-256) with `prehash: false`. Signatures are DER, either S half accepted, as in KMS.
 * Keys live in `<dataDir>/kms/keys/<id>.json` (PKCS#8 PEM of the P-256 key, mode 0600, written
 * atomically); aliases in `<dataDir>/kms/aliases.json`. Every request must be SigV4-signed for
 * `kms` with the local credentials (reads and lists included); others get KMS's JSON error
 * (MissingAuthenticationTokenException, UnrecognizedClientException, InvalidSignatureException,
 * IncompleteSignatureException; HTTP 400) before anything is looked at.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmod, mkdir, readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { p256 } from '@noble/curves/nist.js';
import {
  closeServer,
  listenLoopback,
  LOCAL_AWS_REGION,
  LOCAL_HOST,
  readBody,
  requirePort,
  sendAwsJson,
  writeFileAtomic,
  type LocalService,
} from './common';
import { authenticate, jsonAuthError, secretsOf } from './service-auth';

export const DEFAULT_SIGNING_ALIAS = 'alias/karguzar-signing';
const ACCOUNT = '000000000000';

export interface KmsStartOptions {
  /** Folder of this service's state; keys go to `<dataDir>/kms`. */
  dataDir: string;
  /** Port on 127.0.0.1 (0 = any free port). */
  port: number;
  /** Region used in ARNs (default eu-central-1). */
  region?: string;
  /** Aliases created with a new ECC_NIST_P256 signing key on start if missing. Default [alias/karguzar-signing]. */
  signingAliases?: string[];
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
}

export interface KmsService extends LocalService {
  /** ARN of the key behind the first signing alias. */
  signingKeyArn: string;
  /** ARN of the key behind each signing alias made on start (the same key across restarts). */
  signingKeyArns: Readonly<Record<string, string>>;
}

interface StoredKey {
  KeyId: string;
  Arn: string;
  CreationDate: number;
  Description: string;
  KeySpec: 'ECC_NIST_P256';
  KeyUsage: 'SIGN_VERIFY';
  privateKeyPem: string;
}

interface StoredAlias {
  AliasName: string;
  TargetKeyId: string;
  CreationDate: number;
}

interface LoadedKey {
  stored: StoredKey;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const P256_BYTES = 32;

/** A JWK coordinate or scalar as the fixed 32 bytes @noble/curves takes. */
function fixed(b64url: string): Buffer {
  const bytes = Buffer.from(b64url, 'base64url');
  if (bytes.length > P256_BYTES) throw new Error('not a P-256 value');
  return Buffer.concat([Buffer.alloc(P256_BYTES - bytes.length), bytes]);
}

function p256Jwk(key: KeyObject) {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('P-256 key required');
  return { d: jwk.d, point: Buffer.concat([Buffer.from([4]), fixed(jwk.x), fixed(jwk.y)]) };
}

/**
 * ECDSA P-256 over a given 32-byte SHA-256 digest (KMS `MessageType: DIGEST`). DER; k is RFC 6979
 * with fresh random bytes mixed in, S left as computed (KMS does not normalize it either).
 */
export function signDigest(privateKey: KeyObject, digest: Uint8Array): Buffer {
  if (digest.length !== P256_BYTES) throw new Error('digest must be 32 bytes');
  const { d } = p256Jwk(privateKey);
  if (!d) throw new Error('P-256 private key required');
  return Buffer.from(
    p256.sign(digest, fixed(d), { prehash: false, format: 'der', lowS: false, extraEntropy: true }),
  );
}

/** Verifies a DER ECDSA P-256 signature over a 32-byte digest; high and low S both accepted, as in KMS. */
export function verifyDigest(publicKey: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  if (digest.length !== P256_BYTES) return false;
  try {
    const { point } = p256Jwk(publicKey);
    return p256.verify(signature, digest, point, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const SIGNING_ALGORITHMS = ['ECDSA_SHA_256'];

export async function start(opts: KmsStartOptions): Promise<KmsService> {
  const port = requirePort(opts.port, 'kms.port');
  const region = opts.region ?? LOCAL_AWS_REGION;
  const secrets = secretsOf(opts.credentials);
  const root = join(opts.dataDir, 'kms');
  const keysDir = join(root, 'keys');
  const aliasesFile = join(root, 'aliases.json');
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  await chmod(root, 0o700);

  const keys = new Map<string, LoadedKey>();
  for (const name of await readdir(keysDir)) {
    if (!name.endsWith('.json')) continue;
    const stored = JSON.parse(await readFile(join(keysDir, name), 'utf8')) as StoredKey;
    const privateKey = createPrivateKey(stored.privateKeyPem);
    keys.set(stored.KeyId, { stored, privateKey, publicKey: createPublicKey(privateKey) });
  }
  let aliases: StoredAlias[] = [];
  try {
    aliases = JSON.parse(await readFile(aliasesFile, 'utf8')) as StoredAlias[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  const aliasArn = (name: string) => `arn:aws:kms:${region}:${ACCOUNT}:${name}`;
  const metadata = (k: StoredKey) => ({
    AWSAccountId: ACCOUNT,
    KeyId: k.KeyId,
    Arn: k.Arn,
    CreationDate: k.CreationDate,
    Enabled: true,
    Description: k.Description,
    KeyUsage: k.KeyUsage,
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: k.KeySpec,
    KeySpec: k.KeySpec,
    SigningAlgorithms: SIGNING_ALGORITHMS,
    MultiRegion: false,
  });

  async function createKey(description: string) {
    const id = randomUUID();
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const stored: StoredKey = {
      KeyId: id,
      Arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`,
      CreationDate: Math.floor(Date.now() / 1000),
      Description: description,
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    };
    await writeFileAtomic(join(keysDir, `${id}.json`), JSON.stringify(stored), 0o600);
    keys.set(id, { stored, privateKey, publicKey });
    return stored;
  }

  async function createAlias(name: string, target: string) {
    if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(name))
      throw new KmsError('ValidationException', 'Alias must match pattern alias/[a-zA-Z0-9/_-]+');
    if (name.startsWith('alias/aws/'))
      throw new KmsError('NotAuthorizedException', 'Alias names starting with alias/aws/ are reserved');
    if (aliases.some((a) => a.AliasName === name))
      throw new KmsError('AlreadyExistsException', `An alias with the name ${aliasArn(name)} already exists`);
    const key = resolve(target);
    aliases = [
      ...aliases,
      { AliasName: name, TargetKeyId: key.stored.KeyId, CreationDate: Math.floor(Date.now() / 1000) },
    ];
    await writeFileAtomic(aliasesFile, JSON.stringify(aliases, null, 2));
  }

  function resolve(keyRef: unknown) {
    if (typeof keyRef !== 'string' || keyRef === '')
      throw new KmsError('ValidationException', 'KeyId is required');
    let ref = keyRef;
    const arn = /^arn:aws:kms:[^:]*:[^:]*:(key\/.+|alias\/.+)$/.exec(ref);
    if (arn) ref = arn[1]!;
    if (ref.startsWith('key/')) ref = ref.slice(4);
    if (ref.startsWith('alias/')) {
      const alias = aliases.find((a) => a.AliasName === ref);
      if (!alias) throw new KmsError('NotFoundException', `Alias ${aliasArn(ref)} is not found.`);
      ref = alias.TargetKeyId;
    }
    const key = keys.get(ref);
    if (!key) throw new KmsError('NotFoundException', `Key '${keyRef}' does not exist`);
    return key;
  }

  function messageDigest(input: Record<string, unknown>): Buffer {
    if (input.SigningAlgorithm !== 'ECDSA_SHA_256') {
      throw new KmsError(
        'InvalidKeyUsageException',
        `SigningAlgorithm ${String(input.SigningAlgorithm)} is not supported for this key`,
      );
    }
    if (typeof input.Message !== 'string') throw new KmsError('ValidationException', 'Message is required');
    const message = Buffer.from(input.Message, 'base64');
    const type = input.MessageType ?? 'RAW';
    if (type === 'RAW') {
      if (message.length === 0 || message.length > 4096)
        throw new KmsError('ValidationException', 'Message must be 1 to 4096 bytes');
      return createHash('sha256').update(message).digest();
    }
    if (type === 'DIGEST') {
      if (message.length !== 32)
        throw new KmsError('ValidationException', 'Digest is invalid length for algorithm ECDSA_SHA_256.');
      return message;
    }
    throw new KmsError('ValidationException', `MessageType ${String(type)} is not supported`);
  }

  const operations: Record<string, (input: Record<string, unknown>) => Promise<unknown> | unknown> = {
    async CreateKey(input) {
      const spec = input.KeySpec ?? input.CustomerMasterKeySpec;
      if (spec !== 'ECC_NIST_P256' || input.KeyUsage !== 'SIGN_VERIFY') {
        throw new KmsError(
          'UnsupportedOperationException',
          'The local KMS supports only KeySpec ECC_NIST_P256 with KeyUsage SIGN_VERIFY',
        );
      }
      const stored = await createKey(typeof input.Description === 'string' ? input.Description : '');
      return { KeyMetadata: metadata(stored) };
    },
    DescribeKey(input) {
      return { KeyMetadata: metadata(resolve(input.KeyId).stored) };
    },
    ListKeys() {
      return {
        Keys: [...keys.values()].map((k) => ({ KeyId: k.stored.KeyId, KeyArn: k.stored.Arn })),
        Truncated: false,
      };
    },
    async CreateAlias(input) {
      await createAlias(String(input.AliasName ?? ''), String(input.TargetKeyId ?? ''));
      return {};
    },
    ListAliases(input) {
      const filter = input.KeyId === undefined ? undefined : resolve(input.KeyId).stored.KeyId;
      return {
        Aliases: aliases
          .filter((a) => filter === undefined || a.TargetKeyId === filter)
          .map((a) => ({
            AliasName: a.AliasName,
            AliasArn: aliasArn(a.AliasName),
            TargetKeyId: a.TargetKeyId,
            CreationDate: a.CreationDate,
          })),
        Truncated: false,
      };
    },
    GetPublicKey(input) {
      const key = resolve(input.KeyId);
      return {
        KeyId: key.stored.Arn,
        PublicKey: key.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        CustomerMasterKeySpec: key.stored.KeySpec,
        KeySpec: key.stored.KeySpec,
        KeyUsage: key.stored.KeyUsage,
        SigningAlgorithms: SIGNING_ALGORITHMS,
      };
    },
    Sign(input) {
      const key = resolve(input.KeyId);
      const digest = messageDigest(input);
      const signature =
        (input.MessageType ?? 'RAW') === 'RAW'
          ? sign('sha256', Buffer.from(String(input.Message), 'base64'), {
              key: key.privateKey,
              dsaEncoding: 'der',
            })
          : signDigest(key.privateKey, digest);
      return {
        KeyId: key.stored.Arn,
        Signature: signature.toString('base64'),
        SigningAlgorithm: 'ECDSA_SHA_256',
      };
    },
    Verify(input) {
      const key = resolve(input.KeyId);
      const digest = messageDigest(input);
      if (typeof input.Signature !== 'string')
        throw new KmsError('ValidationException', 'Signature is required');
      const signature = Buffer.from(input.Signature, 'base64');
      const valid =
        (input.MessageType ?? 'RAW') === 'RAW'
          ? verify(
              'sha256',
              Buffer.from(String(input.Message), 'base64'),
              { key: key.publicKey, dsaEncoding: 'der' },
              signature,
            )
          : verifyDigest(key.publicKey, digest, signature);
      // As KMS: an invalid signature is an error, not SignatureValid: false.
      if (!valid) throw new KmsError('KMSInvalidSignatureException', '');
      return { KeyId: key.stored.Arn, SignatureValid: true, SigningAlgorithm: 'ECDSA_SHA_256' };
    },
  };

  const signingAliases = opts.signingAliases ?? [DEFAULT_SIGNING_ALIAS];
  for (const alias of signingAliases) {
    if (!aliases.some((a) => a.AliasName === alias)) {
      const stored = await createKey(`Kargüzar signing key (${alias})`);
      await createAlias(alias, stored.KeyId);
    }
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, body: unknown, errorType?: string) =>
      sendAwsJson(res, 'application/x-amz-json-1.1', status, body, errorType);
    try {
      const target = req.headers['x-amz-target'];
      const raw = await readBody(req, 1024 * 1024);
      const auth = await authenticate(req, raw, 'kms', secrets);
      if (!auth.ok) {
        const { status, type } = jsonAuthError(auth.failure);
        return reply(status, { __type: type, message: auth.message }, type);
      }
      if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith('TrentService.')) {
        throw new KmsError(
          'UnknownOperationException',
          'Expected POST with X-Amz-Target TrentService.<Operation>',
        );
      }
      const op = operations[target.slice('TrentService.'.length)];
      if (!op)
        throw new KmsError(
          'UnknownOperationException',
          `Operation ${target} is not supported by the local KMS`,
        );
      const input = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      reply(200, await op(input));
    } catch (err) {
      if (err instanceof KmsError) return reply(400, { __type: err.type, message: err.message }, err.type);
      if (err instanceof SyntaxError)
        return reply(
          400,
          { __type: 'SerializationException', message: 'Malformed JSON' },
          'SerializationException',
        );
      reply(500, { __type: 'KMSInternalException', message: 'Internal error' }, 'KMSInternalException');
    }
  };

  const { server, port: bound } = await listenLoopback((req, res) => void handler(req, res), port);
  const first = aliases.find((a) => a.AliasName === signingAliases[0]);

  return {
    port: bound,
    endpoint: `http://${LOCAL_HOST}:${bound}`,
    signingKeyArn: first ? keys.get(first.TargetKeyId)!.stored.Arn : '',
    signingKeyArns: Object.fromEntries(
      signingAliases.flatMap((alias) => {
        const target = aliases.find((a) => a.AliasName === alias)?.TargetKeyId;
        const key = target ? keys.get(target) : undefined;
        return key ? [[alias, key.stored.Arn]] : [];
      }),
    ),
    async health() {
      const missing = signingAliases.filter(
        (a) => !aliases.some((x) => x.AliasName === a && keys.has(x.TargetKeyId)),
      );
      return missing.length === 0
        ? { ok: true }
        : { ok: false, detail: `missing signing key for ${missing.join(', ')}` };
    },
    async close() {
      await closeServer(server);
    },
  };
}
