import { describe, expect, it } from 'vitest';
import { envelopeBytes } from '../../../functions/modules/exchange';
import { sha256Hex } from '../../../functions/modules/exchange/usecases/envelope';
import { acceptEnvelope } from '../../../functions/modules/exchange/usecases/accept-envelope.usecase';
import { signPdf } from '../../support/pdf-signature';
import { envelopeOf, exchangeWorld, minimalPdf, realPdf, RECIPIENT } from './world';

describe('accepting an envelope on the recipient side', () => {
  it('stores the file and the envelope as received, and a replay makes no second item', async () => {
    const world = exchangeWorld();
    const envelope = envelopeOf(minimalPdf);

    const item = await acceptEnvelope(world, envelope);
    const again = await acceptEnvelope(world, envelope);

    expect(again.id).toBe(item.id);
    const listed = await world.store.list('exchange-received', RECIPIENT, {
      parentKey: 'waiting',
      limit: 10,
    });
    expect(listed.items).toHaveLength(1);
    expect(item.evidence.envelopeSha256).toBe(sha256Hex(envelopeBytes(envelope)));
    const kept = await world.objects.get({ bucket: 'attachments', key: item.evidence.key });
    expect(sha256Hex(kept!)).toBe(item.evidence.envelopeSha256);
    const file = await world.objects.get({ bucket: 'attachments', key: item.files[0]!.key });
    expect(sha256Hex(file!)).toBe(sha256Hex(minimalPdf));
    expect(item.files[0]!.key.startsWith(`${RECIPIENT}/`)).toBe(true);
    // Unsigned: flagged, never valid.
    expect(item.verification).toMatchObject({ valid: false, signed: false, problems: ['unsigned'] });
  });

  it('flags an envelope whose file was altered in transit (integrity)', async () => {
    const world = exchangeWorld();
    const signed = await signPdf(await realPdf());
    const envelope = envelopeOf(signed);
    const altered = new Uint8Array(signed);
    altered[40] = altered[40]! ^ 0x01;

    const item = await acceptEnvelope(world, { ...envelope, file: altered });

    expect(item.verification?.valid).toBe(false);
    expect(item.verification?.problems).toContain('integrity');
    expect(item.files[0]!.sha256).toBe(sha256Hex(altered));
  });
});
