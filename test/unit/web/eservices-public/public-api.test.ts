import { describe, expect, it } from 'vitest';
import { publicApiBase } from '../../../../web/lib/api';
import { cleanVisaCode } from '../../../../web/features/eservices-public/verify';
import { newIdempotencyKey } from '../../../../web/features/eservices-public/service-form';

describe('the public pages’ plumbing', () => {
  it('puts the public API beside the configured API base', () => {
    expect(publicApiBase('/api/v1')).toBe('/api/public/v1');
    expect(publicApiBase('/api/v1/')).toBe('/api/public/v1');
    expect(publicApiBase('https://karguzar.example.az/api/v1')).toBe(
      'https://karguzar.example.az/api/public/v1',
    );
  });

  it('keeps a pasted or scanned visa code as one line', () => {
    expect(cleanVisaCode('  AZV:6BF\r\nOXN%\n ')).toBe('AZV:6BFOXN%');
  });

  it('draws a new version-4 UUID for each form', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
