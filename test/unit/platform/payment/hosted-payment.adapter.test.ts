import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  HostedPaymentGateway,
  type MerchantSecrets,
} from '../../../../functions/platform/adapters/payment/hosted-payment.adapter';
import {
  sign,
  signedBy,
  SIGNATURE_HEADER,
  signedMessage,
  type CallbackBody,
} from '../../../../functions/platform/adapters/payment/protocol';
import type { PaymentTerms } from '../../../../functions/platform/ports/payment.port';

const SECRET = 'merchant-secret-0123456789abcdef0123456789';
const NOW = new Date('2026-03-10T08:00:00.000Z');
const secrets = (...values: string[]): MerchantSecrets => ({ accepted: async () => values });

const gateway = (options: { now?: Date; secrets?: MerchantSecrets } = {}) =>
  new HostedPaymentGateway({
    endpoint: 'https://acquirer.example/api',
    merchantId: 'karguzar',
    secrets: options.secrets ?? secrets(SECRET),
    now: () => options.now ?? NOW,
  });

const TERMS: PaymentTerms = { orderId: 'app-0001', amount: 2000, currency: 'USD' };

function callback(overrides: Partial<CallbackBody> = {}): CallbackBody {
  return {
    type: 'payment.decided',
    merchantId: 'karguzar',
    paymentId: 'pay_0123456789abcdef01234567',
    orderId: 'app-0001',
    amount: 2000,
    currency: 'USD',
    status: 'paid',
    decidedAt: '2026-03-10T07:59:30.000Z',
    callbackId: '7f1c2b9e-3a4d-4e5f-8a6b-1c2d3e4f5a6b',
    timestamp: '2026-03-10T07:59:31.000Z',
    ...overrides,
  };
}

/** A callback as the acquirer sends it: the body and its signature header. */
function delivery(body: CallbackBody | string, secret = SECRET) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    body: text,
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: sign(secret, text) },
  };
}

const created = (terms: PaymentTerms | null = TERMS) => vi.fn(async () => terms ?? undefined);

describe('payment signatures', () => {
  it('are HMAC-SHA256 of the exact body, accepted with any of the current secrets', () => {
    // Arrange
    const body = JSON.stringify(callback());

    // Act
    const header = sign(SECRET, body);

    // Assert
    expect(header).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signedBy([SECRET], body, header)).toBe(true);
    expect(signedBy(['the-next-secret', SECRET], body, header)).toBe(true);
    expect(signedBy(['another-secret'], body, header)).toBe(false);
    expect(signedBy([SECRET], `${body} `, header)).toBe(false);
    expect(signedBy([SECRET], body, undefined)).toBe(false);
    expect(signedBy([SECRET], body, header.replace('v1=', 'v2='))).toBe(false);
  });
});

describe('HostedPaymentGateway.verifyCallback', () => {
  it('accepts a signed, fresh callback whose terms are those created', async () => {
    // Arrange
    const lookup = created();

    // Act
    const verdict = await gateway().verifyCallback(delivery(callback()), lookup);

    // Assert
    expect(verdict).toEqual({
      ok: true,
      payment: {
        paymentId: 'pay_0123456789abcdef01234567',
        orderId: 'app-0001',
        amount: 2000,
        currency: 'USD',
        status: 'paid',
        at: new Date('2026-03-10T07:59:30.000Z'),
        callbackId: '7f1c2b9e-3a4d-4e5f-8a6b-1c2d3e4f5a6b',
      },
    });
    expect(lookup).toHaveBeenCalledWith('pay_0123456789abcdef01234567');
  });

  it('refuses a callback signed with another secret as forged, without looking the payment up', async () => {
    // Arrange
    const lookup = created();

    // Act
    const verdict = await gateway().verifyCallback(delivery(callback(), 'guessed-secret'), lookup);

    // Assert
    expect(verdict).toEqual({ ok: false, reason: 'forged' });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a callback without a signature as forged', async () => {
    // Arrange
    const body = JSON.stringify(callback());

    // Act
    const verdict = await gateway().verifyCallback({ body, headers: {} }, created());

    // Assert
    expect(verdict).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses a callback whose body was changed after signing (a declined one made paid)', async () => {
    // Arrange
    const original = delivery(callback({ status: 'declined' }));
    const tampered = { ...original, body: original.body.replace('"declined"', '"paid"') };

    // Act
    const verdict = await gateway().verifyCallback(tampered, created());

    // Assert
    expect(tampered.body).toContain('"paid"');
    expect(verdict).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses a callback signed more than five minutes before or after its own clock as stale', async () => {
    // Arrange
    const old = delivery(callback({ timestamp: '2026-03-10T07:54:59.000Z' }));
    const ahead = delivery(callback({ timestamp: '2026-03-10T08:05:01.000Z' }));
    const edge = delivery(callback({ timestamp: '2026-03-10T07:55:00.000Z' }));

    // Act
    const verdicts = await Promise.all([old, ahead, edge].map((d) => gateway().verifyCallback(d, created())));

    // Assert
    expect(verdicts.map((v) => (v.ok ? 'ok' : v.reason))).toEqual(['stale', 'stale', 'ok']);
  });

  it('refuses a signed body that is not a callback as malformed', async () => {
    // Arrange
    const notJson = delivery('status=paid');
    const { amount: _dropped, ...withoutAmount } = callback();
    const incomplete = delivery(JSON.stringify(withoutAmount));
    const fractional = delivery(callback({ amount: 20.5 }));

    // Act
    const verdicts = await Promise.all(
      [notJson, incomplete, fractional].map((d) => gateway().verifyCallback(d, created())),
    );

    // Assert
    expect(verdicts).toEqual(Array(3).fill({ ok: false, reason: 'malformed' }));
  });

  it.each([
    ['amount', { amount: 200 }],
    ['currency', { currency: 'AZN' }],
    ['order', { orderId: 'app-0002' }],
    ['merchant', { merchantId: 'another-merchant' }],
  ])('refuses a genuine callback whose %s differs from what was created', async (_what, change) => {
    // Act
    const verdict = await gateway().verifyCallback(delivery(callback(change)), created());

    // Assert
    expect(verdict).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a callback of a payment never created', async () => {
    // Act
    const verdict = await gateway().verifyCallback(delivery(callback()), created(null));

    // Assert
    expect(verdict).toEqual({ ok: false, reason: 'unknown_payment' });
  });

  it('gives a replayed callback and a re-signed retry the same callback id', async () => {
    // Arrange
    const first = delivery(callback());
    const retry = delivery(callback({ timestamp: '2026-03-10T07:59:58.000Z' }));

    // Act
    const verdicts = await Promise.all(
      [first, first, retry].map((d) => gateway().verifyCallback(d, created())),
    );

    // Assert
    expect(retry.body).not.toBe(first.body);
    const ids = verdicts.map((v) => (v.ok ? `${v.payment.callbackId}/${v.payment.status}` : v.reason));
    expect(ids).toEqual(Array(3).fill('7f1c2b9e-3a4d-4e5f-8a6b-1c2d3e4f5a6b/paid'));
  });

  it('accepts callbacks signed with the previous secret during a rotation', async () => {
    // Arrange
    const rotating = gateway({ secrets: secrets('the-new-secret-0123456789abcdef', SECRET) });

    // Act
    const verdict = await rotating.verifyCallback(delivery(callback()), created());

    // Assert
    expect(verdict.ok).toBe(true);
  });
});

describe('HostedPaymentGateway towards the acquirer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('signs its requests and believes only a signed answer', async () => {
    // Arrange
    const requests: Array<{ url: string; body: string; signature: string | null }> = [];
    const answer = signedMessage(SECRET, {
      paymentId: 'pay_0123456789abcdef01234567',
      redirectUrl: 'https://acquirer.example/pay/pay_0123456789abcdef01234567',
      timestamp: NOW.toISOString(),
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        requests.push({
          url: url.toString(),
          body: init.body as string,
          signature: new Headers(init.headers).get(SIGNATURE_HEADER),
        });
        return new Response(answer.body, { status: 201, headers: { [SIGNATURE_HEADER]: answer.signature } });
      }),
    );

    // Act
    const made = await gateway().create({
      ...TERMS,
      description: 'E-viza',
      language: 'az',
      returnUrl: 'https://karguzar.example/apply/return',
      callbackUrl: 'https://karguzar.example/public/v1/payments/callback',
    });

    // Assert
    expect(made).toEqual({
      paymentId: 'pay_0123456789abcdef01234567',
      redirectUrl: 'https://acquirer.example/pay/pay_0123456789abcdef01234567',
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://acquirer.example/api/v1/payments');
    expect(signedBy([SECRET], requests[0]!.body, requests[0]!.signature ?? undefined)).toBe(true);
    expect(JSON.parse(requests[0]!.body)).toMatchObject({
      merchantId: 'karguzar',
      orderId: 'app-0001',
      amount: 2000,
      currency: 'USD',
      timestamp: NOW.toISOString(),
    });
  });

  it('does not believe a status answer signed with another secret', async () => {
    // Arrange
    const forged = signedMessage('guessed-secret', {
      state: 'decided',
      ...callback(),
      timestamp: NOW.toISOString(),
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(forged.body, { status: 200, headers: { [SIGNATURE_HEADER]: forged.signature } }),
      ),
    );

    // Act
    const status = gateway().status('pay_0123456789abcdef01234567');

    // Assert
    await expect(status).rejects.toThrow(/refused \(forged\)/);
  });

  it('talks to an acquirer over https, or plain http on loopback only', () => {
    // Act
    const build = (endpoint: string) => () =>
      new HostedPaymentGateway({ endpoint, merchantId: 'karguzar', secrets: secrets(SECRET) });

    // Assert
    expect(build('http://acquirer.example/api')).toThrow(/https/);
    expect(build('http://127.0.0.1:3011')).not.toThrow();
  });
});
