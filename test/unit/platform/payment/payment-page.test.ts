import { describe, expect, it } from 'vitest';
import { formatAmount, paymentPage } from '../../../../infra/local/services/payment-page';

describe('the local payment page', () => {
  it.each([
    [2000, 'USD', 'az', '20,00 USD'],
    [2000, 'USD', 'ru', '20,00 USD'],
    [2000, 'USD', 'en', '20.00 USD'],
    [123456, 'AZN', 'az', '1.234,56 AZN'],
    [500, 'JPY', 'en', '500 JPY'],
    [1500, 'KWD', 'en', '1.500 KWD'],
  ] as const)('shows %i minor units of %s in %s as "%s"', (amount, currency, language, shown) => {
    // Act
    const text = formatAmount(amount, currency, language);

    // Assert
    expect(text.replace(/\s/g, ' ')).toBe(shown);
  });

  it('escapes what the merchant sent', () => {
    // Act
    const html = paymentPage({
      paymentId: 'pay_1',
      orderId: 'app-1',
      amount: 2000,
      currency: 'USD',
      description: '<script>alert(1)</script> & "x"',
      language: 'en',
    });

    // Assert
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
});
