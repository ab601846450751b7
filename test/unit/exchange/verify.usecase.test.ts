import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../functions/modules/exchange/usecases/envelope';
import {
  reverifyReceived,
  trustOf,
  verifyReceivedFile,
} from '../../../functions/modules/exchange/usecases/verify.usecase';
import { signPdf } from '../../support/pdf-signature';
import { clerk, exchangeWorld, RECIPIENT, realPdf, SENDER, senderDocument, storedItem } from './world';

const origin = { tenantId: SENDER, documentId: 'out-1' };

describe('verifying a received file', () => {
  it('checks each signature: a plain CMS (no PAdES signing-certificate binding) from a stranger fails every check', async () => {
    const world = exchangeWorld();
    await senderDocument(world);
    const signed = await signPdf(await realPdf());

    const v = await verifyReceivedFile(world, await trustOf(world, origin), signed, sha256Hex(signed));

    expect(v.signed).toBe(true);
    // The product's own KMS PAdES signatures verifying whole are in the integration test.
    expect(v.signatures).toEqual([
      expect.objectContaining({ integrity: false, chain: false, authority: false }),
    ]);
    expect(v.problems).toEqual(expect.arrayContaining(['integrity', 'chain', 'authority']));
    expect(v.valid).toBe(false);
  });

  it('names an unsigned file and bytes other than the declared ones', async () => {
    const world = exchangeWorld();
    const pdf = await realPdf();
    const v = await verifyReceivedFile(world, await trustOf(world, origin), pdf, 'f'.repeat(64));
    expect(v).toMatchObject({ valid: false, signed: false });
    expect(v.problems).toEqual(expect.arrayContaining(['unsigned', 'integrity']));
  });

  it('verifies again the file as stored now: a stored file that changed fails its integrity', async () => {
    const world = exchangeWorld();
    const signed = await signPdf(await realPdf());
    const altered = new Uint8Array(signed);
    altered[40] = altered[40]! ^ 0x01;
    const item = await storedItem(world, {}, altered);
    // The record says what arrived; the stored bytes are other ones.
    const stored = { ...item, files: [{ ...item.files[0]!, sha256: sha256Hex(signed) }] };
    await world.store.update('exchange-received', stored, item.version, {
      actorId: 'system',
      parentKey: 'waiting',
      sortKey: 'x',
    });

    const again = await reverifyReceived(world, clerk, item.id);

    expect(again.verification?.valid).toBe(false);
    expect(again.verification?.problems).toContain('integrity');
    expect(again.version).toBe(item.version + 2);
    expect(item.tenantId).toBe(RECIPIENT);
  });

  it('takes the trust anchors from the sender’s own records: no CA yet, the recorded signatures', async () => {
    const world = exchangeWorld();
    const doc = await senderDocument(world);
    await world.documents.commit({
      document: {
        ...doc,
        signatures: [
          {
            right: 'sign',
            signerId: 'head',
            positionId: 'p',
            positionTitle: 'Rəis',
            at: doc.createdAt,
            onVersion: 1,
            fieldName: 'Imza1',
            certificateSerial: '01',
            certificateSha256: 'c'.repeat(64),
            sha256: 'a'.repeat(64),
            size: 1,
            key: 'k',
            byteRange: [0, 1, 2, 3],
          },
        ],
      },
      expectedVersion: doc.version,
      operation: { actorId: 'head', action: 'sign', changes: [] },
    });

    const trust = await trustOf(world, origin);

    expect(trust.caCertificate).toBeUndefined();
    expect(trust.signatures).toEqual([
      expect.objectContaining({
        fieldName: 'Imza1',
        certificateSha256: 'c'.repeat(64),
        right: 'sign',
        signerName: 'head',
      }),
    ]);
  });
});
