import { describe, expect, it } from 'vitest';
import {
  applicationNumberFrom,
  constantTimeEqual,
  parseApplicationNumber,
  secondFactorMatches,
} from '../../../functions/modules/eservices';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('application numbers', () => {
  it('formats 75 random bits and a check character as four groups of four', () => {
    // Arrange: all zero bits, all one bits, and a mixed pattern.
    const zero = new Uint8Array(10);
    const ones = new Uint8Array(10).fill(0xff);
    const mixed = bytes(0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xe1);

    // Act
    const numbers = [zero, ones, mixed].map(applicationNumberFrom);

    // Assert: 0x12 0x34… is 00010 01000 11010 0… in 5-bit groups: 2, 8, T (26), …
    expect(numbers[0]).toBe('0000-0000-0000-0000');
    expect(numbers[1]).toMatch(/^ZZZZ-ZZZZ-ZZZZ-ZZZ[0-9A-Z]$/);
    expect(numbers[2]!.slice(0, 3)).toBe('28T');
    for (const n of numbers) expect(parseApplicationNumber(n)).toBe(n);
  });

  it('uses each of the first 75 random bits: flipping any one gives another valid number', () => {
    // Arrange
    const random = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    // Act
    const numbers = new Set([applicationNumberFrom(random)]);
    for (let bit = 0; bit < 75; bit += 1) {
      const flipped = Uint8Array.from(random);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      numbers.add(applicationNumberFrom(flipped));
    }

    // Assert
    expect(numbers.size).toBe(76);
    for (const n of numbers) expect(parseApplicationNumber(n)).toBe(n);
    expect(() => applicationNumberFrom(bytes(1, 2, 3))).toThrow(RangeError);
  });

  it('catches every single mistyped character and a swap of two different neighbours', () => {
    // Arrange
    const number = applicationNumberFrom(bytes(0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xe1));
    const compact = number.replace(/-/g, '');

    // Act
    const accepted: string[] = [];
    for (let i = 0; i < compact.length; i += 1)
      for (const c of ALPHABET) {
        if (c === compact[i]) continue;
        const typo = compact.slice(0, i) + c + compact.slice(i + 1);
        if (parseApplicationNumber(typo) !== undefined) accepted.push(typo);
      }
    const swaps: string[] = [];
    for (let i = 0; i + 1 < compact.length; i += 1) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
      if (parseApplicationNumber(swapped) !== undefined) swaps.push(swapped);
    }

    // Assert
    expect(accepted).toEqual([]);
    expect(swaps).toEqual([]);
  });

  it('reads what people type: lower case, spaces, no hyphens, O for zero, I and L for one', () => {
    // Arrange
    const number = applicationNumberFrom(bytes(0, 0x44, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21));
    const typed = number.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');

    // Act
    const parsed = parseApplicationNumber(` ${typed} `);

    // Assert
    expect(number).toContain('1');
    expect(parsed).toBe(number);
    expect(parseApplicationNumber(number.slice(0, -1))).toBeUndefined();
    expect(parseApplicationNumber(`${number}0`)).toBeUndefined();
    expect(parseApplicationNumber(number.replace(/-/g, '_'))).toBeUndefined();
    expect(parseApplicationNumber('')).toBeUndefined();
  });
});

describe('second factor', () => {
  it('compares strings by content only', () => {
    // Arrange
    const secret = 'C01234567';

    // Act
    const results = [
      constantTimeEqual(secret, 'C01234567'),
      constantTimeEqual(secret, 'C01234568'),
      constantTimeEqual(secret, 'C0123456'),
    ];

    // Assert
    expect(results).toEqual([true, false, false]);
  });

  it('matches any applicant’s passport number or FİN as typed, and nothing else', () => {
    // Arrange: a group's stored (normalized) passport numbers.
    const group = ['C01234567', 'P7654321', '5ZK7QH2'];

    // Act
    const typed = ['c0123 4567', ' p7654321', '5zk7qh2', 'C01234568', '', '   '].map((given) =>
      secondFactorMatches(group, given),
    );

    // Assert
    expect(typed).toEqual([true, true, true, false, false, false]);
    expect(secondFactorMatches([], 'C01234567')).toBe(false);
  });
});
