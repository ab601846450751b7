import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { p256 } from '@noble/curves/nist.js';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  KMSInvalidSignatureException,
  GetPublicKeyCommand,
  ListAliasesCommand,
  NotFoundException,
  SignCommand,
  VerifyCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import {
  createKmsClient,
  KmsDocumentSigner,
  verifyEcdsaSha256,
} from '../../../functions/platform/adapters/kms/document-signer.adapter';
import { start, type KmsService } from '../../../infra/local/services/kms';
import { credentials, region, serviceOnTempDir, tempDataDir } from './helpers';

describe('local KMS endpoint with the KMS signer adapter', () => {
  let service: KmsService;
  let client: KMSClient;
  let signer: KmsDocumentSigner;

  const data = serviceOnTempDir('kms', async (dataDir) => {
    service = await start({ dataDir, port: 0 });
    client = createKmsClient({ region, endpoint: service.endpoint, credentials });
    signer = new KmsDocumentSigner(
      { region, endpoint: service.endpoint, credentials, keyId: 'alias/karguzar-signing' },
      client,
    );
    return service;
  });

  it('creates alias/karguzar-signing on start, backed by an ECC_NIST_P256 signing key', async () => {
    // Act
    const aliases = await client.send(new ListAliasesCommand({}));
    const key = await client.send(new DescribeKeyCommand({ KeyId: 'alias/karguzar-signing' }));

    // Assert
    expect(aliases.Aliases?.map((a) => a.AliasName)).toEqual(['alias/karguzar-signing']);
    expect(key.KeyMetadata).toMatchObject({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(key.KeyMetadata?.Arn).toBe(service.signingKeyArn);
    expect((await service.health()).ok).toBe(true);
  });

  it('signs and verifies a document through the adapter, and rejects a changed document', async () => {
    // Arrange
    const document = new TextEncoder().encode('Əmr №12: İcra müddəti — şöbə müdiri'.repeat(500));

    // Act
    const { keyId, signature } = await signer.sign(document);
    const valid = await signer.verify(document, signature);
    const tampered = await signer.verify(new TextEncoder().encode('başqa sənəd'), signature);

    // Assert
    expect(keyId).toBe(service.signingKeyArn);
    expect(valid).toBe(true);
    expect(tampered).toBe(false);
  });

  it('produces signatures that node:crypto verifies with the key from GetPublicKey', async () => {
    // Arrange
    const document = new TextEncoder().encode('Elektron sənədin surəti');
    const { signature } = await signer.sign(document);

    // Act
    const spki = await signer.publicKey();

    // Assert
    expect(verifyEcdsaSha256(spki, document, signature)).toBe(true);
    expect(verifyEcdsaSha256(spki, new TextEncoder().encode('other'), signature)).toBe(false);
  });

  it('speaks RAW Sign/Verify and CreateKey/CreateAlias like KMS', async () => {
    // Arrange
    const created = await client.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'test' }),
    );
    await client.send(
      new CreateAliasCommand({ AliasName: 'alias/test-raw', TargetKeyId: created.KeyMetadata!.KeyId! }),
    );
    const message = new TextEncoder().encode('raw message');

    // Act
    const signed = await client.send(
      new SignCommand({
        KeyId: 'alias/test-raw',
        Message: message,
        MessageType: 'RAW',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    const verified = await client.send(
      new VerifyCommand({
        KeyId: created.KeyMetadata!.Arn!,
        Message: message,
        MessageType: 'RAW',
        Signature: signed.Signature!,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    const wrong = client.send(
      new VerifyCommand({
        KeyId: 'alias/test-raw',
        Message: new TextEncoder().encode('x'),
        MessageType: 'RAW',
        Signature: signed.Signature!,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    const missing = client.send(new DescribeKeyCommand({ KeyId: 'alias/none' }));

    // Assert
    expect(signed.KeyId).toBe(created.KeyMetadata!.Arn);
    expect(verified.SignatureValid).toBe(true);
    await expect(wrong).rejects.toBeInstanceOf(KMSInvalidSignatureException);
    await expect(missing).rejects.toBeInstanceOf(NotFoundException);
  });

  it('makes DIGEST and RAW signatures that node:crypto and KMS Verify accept in either form', async () => {
    // Arrange
    const message = new TextEncoder().encode('Sərəncam №7: arxivə təhvil');
    const digest = createHash('sha256').update(message).digest();
    const base = { KeyId: 'alias/karguzar-signing', SigningAlgorithm: 'ECDSA_SHA_256' } as const;
    const spki = (await client.send(new GetPublicKeyCommand({ KeyId: base.KeyId }))).PublicKey!;
    const publicKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });

    // Act
    const fromDigest = await client.send(
      new SignCommand({ ...base, Message: digest, MessageType: 'DIGEST' }),
    );
    const fromRaw = await client.send(new SignCommand({ ...base, Message: message, MessageType: 'RAW' }));
    const verifies = (Signature: Uint8Array, MessageType: 'RAW' | 'DIGEST') =>
      client
        .send(
          new VerifyCommand({
            ...base,
            Signature,
            MessageType,
            Message: MessageType === 'RAW' ? message : digest,
          }),
        )
        .then((out) => out.SignatureValid);

    // Assert
    for (const signature of [fromDigest.Signature!, fromRaw.Signature!]) {
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
      expect(await verifies(signature, 'RAW')).toBe(true);
      expect(await verifies(signature, 'DIGEST')).toBe(true);
    }
  });

  it('accepts a signature made outside with the stored key, in either S half, and refuses a changed one', async () => {
    // Arrange
    const keyFile = join(data.dir, 'kms', 'keys', `${service.signingKeyArn.split('/').pop()}.json`);
    const { privateKeyPem } = JSON.parse(await readFile(keyFile, 'utf8')) as { privateKeyPem: string };
    const message = new TextEncoder().encode('xarici imza');
    const digest = createHash('sha256').update(message).digest();
    const outside = sign('sha256', message, { key: createPrivateKey(privateKeyPem), dsaEncoding: 'der' });
    const parsed = p256.Signature.fromBytes(outside, 'der');
    const otherHalf = new p256.Signature(parsed.r, p256.Point.Fn.ORDER - parsed.s).toBytes('der');
    const changed = Buffer.from(outside);
    changed[changed.length - 1]! ^= 1;
    const base = {
      KeyId: service.signingKeyArn,
      SigningAlgorithm: 'ECDSA_SHA_256',
      MessageType: 'DIGEST',
    } as const;

    // Act
    const low = await client.send(new VerifyCommand({ ...base, Message: digest, Signature: outside }));
    const high = await client.send(new VerifyCommand({ ...base, Message: digest, Signature: otherHalf }));
    const wrong = client.send(new VerifyCommand({ ...base, Message: digest, Signature: changed }));
    const short = client.send(
      new VerifyCommand({ ...base, Message: digest.subarray(1), Signature: outside }),
    );

    // Assert
    expect(low.SignatureValid).toBe(true);
    expect(high.SignatureValid).toBe(true);
    await expect(wrong).rejects.toBeInstanceOf(KMSInvalidSignatureException);
    await expect(short).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('signs with a key file in the format earlier versions wrote (PKCS#8 PEM in JSON)', async () => {
    // Arrange
    const old = await tempDataDir('kms-old');
    const id = randomUUID();
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await mkdir(join(old.dir, 'kms', 'keys'), { recursive: true });
    await writeFile(
      join(old.dir, 'kms', 'keys', `${id}.json`),
      JSON.stringify({
        KeyId: id,
        Arn: `arn:aws:kms:${region}:000000000000:key/${id}`,
        CreationDate: 1767225600,
        Description: 'written before',
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      }),
      { mode: 0o600 },
    );
    await writeFile(
      join(old.dir, 'kms', 'aliases.json'),
      JSON.stringify([{ AliasName: 'alias/karguzar-signing', TargetKeyId: id, CreationDate: 1767225600 }]),
    );
    const oldService = await start({ dataDir: old.dir, port: 0 });
    const oldClient = createKmsClient({ region, endpoint: oldService.endpoint, credentials });
    const message = new TextEncoder().encode('köhnə açar');

    try {
      // Act
      const signed = await oldClient.send(
        new SignCommand({
          KeyId: 'alias/karguzar-signing',
          Message: createHash('sha256').update(message).digest(),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );

      // Assert
      expect(oldService.signingKeyArn).toBe(`arn:aws:kms:${region}:000000000000:key/${id}`);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signed.Signature!)).toBe(true);
    } finally {
      oldClient.destroy();
      await oldService.close();
      await old.remove();
    }
  });

  it('keeps private keys in owner-only files', async () => {
    // Act
    const dirMode = (await stat(join(data.dir, 'kms'))).mode & 0o777;
    const keyFile = join(data.dir, 'kms', 'keys', `${service.signingKeyArn.split('/').pop()}.json`);
    const fileMode = (await stat(keyFile)).mode & 0o777;

    // Assert
    expect(dirMode).toBe(0o700);
    expect(fileMode).toBe(0o600);
  });

  it('keeps keys and aliases across a restart: old signatures still verify', async () => {
    // Arrange
    const document = new TextEncoder().encode('arxiv sənədi');
    const before = await signer.sign(document);
    const publicKeyBefore = await signer.publicKey();
    await service.close();

    // Act
    await data.restart();
    const after = await signer.verify(document, before.signature);

    // Assert
    expect(after).toBe(true);
    expect(service.signingKeyArn).toBe(before.keyId);
    expect(await signer.publicKey()).toEqual(publicKeyBefore);
  });
});
