import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { nameUuid } from '../../../functions/platform/kernel/hashing';

describe('a UUID from a name', () => {
  it('is the same for the same name, another for another, and a valid RFC 9562 version 8 UUID', () => {
    const a = nameUuid('demo1\nmessage-1');
    expect(nameUuid('demo1\nmessage-1')).toBe(a);
    expect(nameUuid('demo1\nmessage-2')).not.toBe(a);
    for (const name of ['', 'ə', 'x'.repeat(1000), a]) {
      const id = nameUuid(name);
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('8');
      expect('89ab').toContain(id[19]);
    }
  });
});
