import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSecret, signedHeaders, verifyWebhook } from '../../../functions/modules/webhooks/signature';

const at = new Date('2026-03-02T06:00:00Z');
const body = JSON.stringify({ id: 'evt_1', type: 'document.registered', data: { documentId: 'd1' } });

describe('webhook signatures (Standard Webhooks)', () => {
  it('signs "id.timestamp.body" with the key behind whsec_, base64, as v1', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, 'evt_1', at, body);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    expect(key).toHaveLength(32);
    const expected = createHmac('sha256', key).update(`evt_1.${1772431200}.${body}`).digest('base64');
    expect(headers).toEqual({
      'webhook-id': 'evt_1',
      'webhook-timestamp': '1772431200',
      'webhook-signature': `v1,${expected}`,
    });
  });

  it('lets a receiver accept the genuine delivery and reject forged, altered, replayed or unsigned ones', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, 'evt_1', at, body);
    expect(verifyWebhook({ secret, headers, body, now: at })).toEqual({ ok: true, id: 'evt_1' });
    // Header names in any case, and several signatures (one of them right) as during a rotation.
    const upper = {
      'Webhook-Id': headers['webhook-id'],
      'Webhook-Timestamp': headers['webhook-timestamp'],
      'Webhook-Signature': `v1,AAAA ${headers['webhook-signature']}`,
    };
    expect(verifyWebhook({ secret, headers: upper, body, now: at }).ok).toBe(true);
    expect(verifyWebhook({ secret: newSecret(), headers, body, now: at })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    expect(verifyWebhook({ secret, headers, body: body.replace('d1', 'd2'), now: at })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    const otherId = { ...headers, 'webhook-id': 'evt_2' };
    expect(verifyWebhook({ secret, headers: otherId, body, now: at }).ok).toBe(false);
    const later = new Date(at.getTime() + 6 * 60_000);
    expect(verifyWebhook({ secret, headers, body, now: later })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    expect(verifyWebhook({ secret, headers: { 'webhook-id': 'evt_1' }, body, now: at })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(
      verifyWebhook({ secret, headers: { ...headers, 'webhook-signature': 'v2,xyz' }, body, now: at }).ok,
    ).toBe(false);
  });
});
