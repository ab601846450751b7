import { describe, expect, it } from 'vitest';
import { certificateInfo } from '../../../functions/modules/signatures/crypto/x509';
import { appendSignature, readSignatures } from '../../../functions/modules/signatures/pdf/pades';
import { checkSignature } from '../../../functions/modules/signatures/usecases/signature-check';
import { agency, AT, onePagePdf } from './pki';

async function signedByOne() {
  const { certificate, official } = await agency();
  const a = await official('Əli Məmmədov');
  const { bytes } = await appendSignature(
    await onePagePdf(),
    { fieldName: 'Imza-1', name: 'Əli Məmmədov', reason: 'İmza', signingTime: AT },
    a.sign,
  );
  const recorded = { at: AT.toISOString(), certificateSha256: certificateInfo(a.cert).fingerprint256 };
  return { certificate, bytes, recorded };
}

describe('one signature checked against a CA and the record of who signed', () => {
  it('holds when the bytes, the CA and the record all agree', async () => {
    const { certificate, bytes, recorded } = await signedByOne();
    const [found] = await readSignatures(bytes);
    expect(checkSignature(found!, recorded, certificate)).toMatchObject({
      integrity: true,
      chain: true,
      authority: true,
    });
  });

  it('fails integrity on a changed byte, chain under another CA, authority without a matching record', async () => {
    const { certificate, bytes, recorded } = await signedByOne();
    const tampered = new Uint8Array(bytes);
    tampered[20] = tampered[20]! ^ 0x01;
    const [broken] = await readSignatures(tampered);
    expect(checkSignature(broken!, recorded, certificate).integrity).toBe(false);

    const [found] = await readSignatures(bytes);
    const other = await agency();
    expect(checkSignature(found!, recorded, other.certificate).chain).toBe(false);
    expect(checkSignature(found!, recorded, undefined).chain).toBe(false);
    expect(
      checkSignature(found!, { ...recorded, certificateSha256: 'ab'.repeat(32) }, certificate).authority,
    ).toBe(false);
    expect(checkSignature(found!, undefined, certificate).authority).toBe(false);
  });
});
