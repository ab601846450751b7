import { describe, expect, it } from 'vitest';
import { certificateSerial } from '../../../functions/modules/signatures/crypto/x509';

describe('certificateSerial', () => {
  it('is positive and minimally encoded whatever the random bytes (no padding zero byte)', () => {
    for (let first = 0; first < 256; first++) {
      const random = new Uint8Array(16).fill(0);
      random[0] = first;

      const serial = certificateSerial(random);

      expect(serial).toHaveLength(16);
      expect(serial[0]! & 0x80, `first byte ${first}`).toBe(0);
      expect(serial[0], `first byte ${first}`).not.toBe(0);
    }
  });

  it('keeps the other random bytes as they are', () => {
    const random = Uint8Array.from({ length: 16 }, (_, i) => i * 13);

    expect([...certificateSerial(random).subarray(1)]).toEqual([...random.subarray(1)]);
    expect(random[0]).toBe(0);
  });
});
