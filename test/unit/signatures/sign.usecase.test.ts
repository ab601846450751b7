import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '../../../functions/platform/kernel/errors';
import { statusOf } from '../../../functions/platform/http/problem';
import {
  AGENCY_CA,
  readSignatures,
  SIGNER_KEY,
  signSingleFile,
  SINGLE_FILE,
  type SingleFileRecord,
} from '../../../functions/modules/signatures';
import { kmsCmsSigner, type SignerKeyRecord } from '../../../functions/modules/signatures/usecases/kms-cms';
import { T0 } from '../../support/builders';
import { author, deputy, head, memo, revision, signAndCommit, signaturesWorld, signer } from './world';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const certificateOf = (deps: ReturnType<typeof signaturesWorld>, employeeId: string) =>
  deps.store.all<SignerKeyRecord>(SIGNER_KEY, 't1').find((r) => r.employeeId === employeeId)!.certificates;

describe('signSingleFile', () => {
  it('signs the single file with the signatory’s right: a PAdES revision stored under its SHA-256', async () => {
    // Arrange
    const deps = signaturesWorld();
    const doc = await memo(deps);

    // Act
    const entry = await signSingleFile(deps, head, doc, { right: 'sign', at: T0 });

    // Assert
    const bytes = await revision(deps, entry);
    expect(entry).toMatchObject({
      right: 'sign',
      signerId: 'head',
      positionId: 'p-head',
      positionTitle: 'Baş direktor',
      at: T0,
      onVersion: doc.version,
      fieldName: 'Imza-1',
      sha256: sha256(bytes),
      size: bytes.length,
      key: `t1/documents/memo/single-file/${sha256(bytes)}.pdf`,
    });
    expect(entry.onBehalfOf).toBeUndefined();
    const [found] = await readSignatures(bytes);
    expect(found).toMatchObject({
      fieldName: 'Imza-1',
      name: 'Rəşad Əliyev',
      reason: 'İmza — Baş direktor',
      byteRange: entry.byteRange,
      coversWholeFile: true,
    });
    expect(certificateOf(deps, 'head')).toEqual([
      expect.objectContaining({
        positionId: 'p-head',
        serialNumber: entry.certificateSerial,
        fingerprint: entry.certificateSha256,
      }),
    ]);
  });

  it('adds an incremental update on the file as it stands: the earlier revision stays, byte for byte, in front', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const first = await signAndCommit(deps, author, 'endorse');
    const second = await signAndCommit(deps, signer, 'endorse');
    const signed = await signAndCommit(deps, head, 'sign');

    // Assert: numbered in order, each revision the previous one plus an update.
    expect([first.fieldName, second.fieldName, signed.fieldName]).toEqual(['Viza-1', 'Viza-2', 'Imza-3']);
    const single = deps.store.all<SingleFileRecord>(SINGLE_FILE, 't1')[0]!;
    const before = await revision(deps, single);
    const [r1, r2, r3] = await Promise.all([first, second, signed].map((e) => revision(deps, e)));
    expect(r1!.subarray(0, before.length)).toEqual(before);
    expect(r2!.subarray(0, r1!.length)).toEqual(r1);
    expect(r3!.subarray(0, r2!.length)).toEqual(r2);
    expect((await readSignatures(r3!)).map((s) => [s.fieldName, s.reason])).toEqual([
      ['Viza-1', 'Viza — Baş mütəxəssis'],
      ['Viza-2', 'Viza — Şöbə müdiri'],
      ['Imza-3', 'İmza — Baş direktor'],
    ]);
    expect(new Set([single.key, first.key, second.key, signed.key]).size).toBe(4);
  });

  it('lets a substitute sign on behalf of the absent official, with their own key and a certificate of their own position', async () => {
    // Arrange
    const deps = signaturesWorld();

    // Act
    const entry = await signSingleFile(deps, deputy, await memo(deps), {
      right: 'sign',
      at: T0,
      onBehalfOf: 'head',
    });

    // Assert
    expect(entry).toMatchObject({
      right: 'sign',
      signerId: 'deputy',
      onBehalfOf: 'head',
      positionId: 'p-head',
      positionTitle: 'Baş direktor',
      fieldName: 'Imza-1',
    });
    const [found] = await readSignatures(await revision(deps, entry));
    expect(found).toMatchObject({
      name: 'Nigar Məmmədova',
      reason: 'İmza — Baş direktor (Rəşad Əliyev adından, əvəzedici kimi)',
    });
    expect(certificateOf(deps, 'deputy')).toEqual([
      expect.objectContaining({ positionId: 'p-deputy', fingerprint: entry.certificateSha256 }),
    ]);
    expect(deps.store.all(SIGNER_KEY, 't1').map((r) => r.id)).toEqual(['deputy']);
  });

  it.each([
    ['an official without a head position signing', author, 'sign', undefined, 'no_signing_right'],
    ['someone signing for an official they do not substitute', signer, 'sign', 'head', 'no_signing_right'],
    [
      'a substitute endorsing for an official they do not substitute',
      deputy,
      'endorse',
      'author',
      'no_endorsing_right',
    ],
  ] as const)('refuses %s with 422 and writes nothing', async (_, who, right, onBehalfOf, code) => {
    // Arrange
    const deps = signaturesWorld();
    const doc = await memo(deps);

    // Act
    const signing = signSingleFile(deps, who, doc, {
      right,
      at: T0,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });

    // Assert
    const error = await signing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect(statusOf(error)).toBe(422);
    expect(error).toMatchObject({ code });
    expect(deps.store.writes).toEqual([]);
    expect(deps.objects.reads).toEqual([]);
    expect(deps.signingKeys.created).toEqual([]);
    expect(deps.store.all(SINGLE_FILE, 't1')).toEqual([]);
    expect(deps.store.all(AGENCY_CA, 't1')).toEqual([]);
    expect(await memo(deps)).toEqual(doc);
  });

  it('refuses an official whose employee record is inactive, though their position carries the right', async () => {
    // Arrange
    const deps = signaturesWorld();
    const official = (await deps.store.get('employee', 't1', 'head'))!;
    deps.store.seed('employee', { ...official, active: false });

    // Act
    const signing = signSingleFile(deps, head, await memo(deps), { right: 'sign', at: T0 });

    // Assert
    const error = await signing.catch((e: unknown) => e);
    expect(statusOf(error)).toBe(422);
    expect(error).toMatchObject({ code: 'no_signing_right' });
    expect(deps.store.writes).toEqual([]);
  });

  it('signs through another CMS signer when one is given (an external qualified signature), with its certificate', async () => {
    // Arrange
    const base = signaturesWorld();
    const requests: Array<{ signerId: string; positionId: string }> = [];
    const kms = kmsCmsSigner(base);
    const deps = {
      ...base,
      cmsSigner: {
        sign: async (request: Parameters<typeof kms.sign>[0]) => {
          requests.push({ signerId: request.signerId, positionId: request.positionId });
          return kms.sign(request);
        },
      },
    };

    // Act
    const entry = await signSingleFile(deps, deputy, await memo(base), {
      right: 'sign',
      at: T0,
      onBehalfOf: 'head',
    });

    // Assert
    expect(requests).toEqual([{ signerId: 'deputy', positionId: 'p-deputy' }]);
    expect(entry.certificateSha256).toBe(certificateOf(base, 'deputy')[0]!.fingerprint);
  });
});
