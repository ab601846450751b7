import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeVisaCode,
  issueVisaDocument,
  verifyVisaCode,
  visaCodeKeySet,
  visaQrMatrix,
  VISA_CODE_KEY_ALIAS,
  type VisaCodeKeySet,
} from '../../../functions/modules/eservices';
import { KmsDocumentSigner } from '../../../functions/platform/adapters/kms/document-signer.adapter';
import { DEFAULT_SIGNING_ALIAS, start, type KmsService } from '../../../infra/local/services/kms';
import { credentials, region, serviceOnTempDir } from '../local-services/helpers';
import { AZERBAIJANI_NAMES, visaInput } from '../../unit/eservices/visa-document/builders';
import { drawnQr, pdfTexts } from '../../unit/eservices/visa-document/pdf-reading';

/**
 * An e-visa issued through the embedded default's local KMS (only that service is started), with
 * the e-visa code key beside the document-signing key, as the embedded default provisions them,
 * and checked afterwards with nothing but the published JWK set.
 */
describe('the issued e-visa signed through the local KMS', () => {
  let kms: KmsService;
  const launch = async (dataDir: string) => {
    kms = await start({ dataDir, port: 0, signingAliases: [DEFAULT_SIGNING_ALIAS, VISA_CODE_KEY_ALIAS] });
    return kms;
  };
  const data = serviceOnTempDir('eservices-visa-kms', launch);
  const signer = (keyId: string) =>
    new KmsDocumentSigner({ region, endpoint: kms.endpoint, credentials, keyId });
  /** The key set as a verifier downloads it: JSON, no KMS behind it. */
  const published = async (keyId: string): Promise<VisaCodeKeySet> =>
    JSON.parse(JSON.stringify(await visaCodeKeySet(signer(keyId)))) as VisaCodeKeySet;

  it('issues a visa PDF whose QR code verifies offline with only the published key', async () => {
    // Arrange
    const keys = await published(VISA_CODE_KEY_ALIAS);

    // Act
    const issued = await issueVisaDocument(signer(VISA_CODE_KEY_ALIAS), visaInput());
    await kms.close(); // the verifier works with the key set only
    const verified = verifyVisaCode(issued.code, keys);
    const drawn = await drawnQr(issued.pdf);
    const [text] = await pdfTexts(issued.pdf);
    await data.restart();

    // Assert
    expect(verified).toEqual({ ok: true, data: issued.data });
    expect(drawn).toEqual(visaQrMatrix(issued.code));
    expect(text).toContain(AZERBAIJANI_NAMES.surname);
    expect(text).toContain(AZERBAIJANI_NAMES.givenNames);
    expect(text).toContain('07.08.2026');
  });

  it('verifies with WebCrypto too, and keeps the key (and its id) across a restart', async () => {
    // Arrange
    const before = await published(VISA_CODE_KEY_ALIAS);
    const issued = await issueVisaDocument(signer(VISA_CODE_KEY_ALIAS), visaInput());
    const decoded = decodeVisaCode(issued.code);
    if (!decoded.ok) throw new Error('issued code does not decode');

    // Act
    await kms.close();
    await data.restart();
    const after = await published(VISA_CODE_KEY_ALIAS);
    const key = await webcrypto.subtle.importKey(
      'jwk',
      after.keys[0]!,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    const ok = await webcrypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      decoded.signature,
      decoded.body,
    );

    // Assert
    expect(after).toEqual(before);
    expect(ok).toBe(true);
  });

  it('is a key of its own: the document-signing key neither verifies its codes nor signs accepted ones', async () => {
    // Arrange
    const visaKeys = await published(VISA_CODE_KEY_ALIAS);
    const documentKeys = await published(DEFAULT_SIGNING_ALIAS);
    const issued = await issueVisaDocument(signer(VISA_CODE_KEY_ALIAS), visaInput());
    const signedByOther = await issueVisaDocument(signer(DEFAULT_SIGNING_ALIAS), visaInput());

    // Act
    const results = [verifyVisaCode(issued.code, documentKeys), verifyVisaCode(signedByOther.code, visaKeys)];

    // Assert
    expect(documentKeys.keys[0]!.kid).not.toBe(visaKeys.keys[0]!.kid);
    expect(results).toEqual([
      { ok: false, problem: 'unknown_key' },
      { ok: false, problem: 'unknown_key' },
    ]);
  });
});
