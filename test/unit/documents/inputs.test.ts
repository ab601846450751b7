import { describe, expect, it } from 'vitest';
import {
  groupUpdateInput,
  incomingInput,
  outgoingInput,
  savedFiltersInput,
} from '../../../functions/modules/documents/usecases/inputs';

const uuid = '0b3c8e8e-6f0a-4c3e-9d3e-0c8a1d2b3c4d';

describe('document inputs', () => {
  it('trim text, upper-case a FİN and default the flags and lists an omitted field leaves', () => {
    // Act
    const parsed = incomingInput.parse({
      summary: '  Ərizə  ',
      sender: { kind: 'citizen', name: 'Aysel', fin: ' 5zk7qh2 ' },
    });

    // Assert
    expect(parsed).toEqual({
      summary: 'Ərizə',
      controlled: false,
      confidential: false,
      accessList: [],
      distribution: [],
      sender: { kind: 'citizen', name: 'Aysel', fin: '5ZK7QH2' },
    });
  });

  it('refuse unknown fields, a recipient with neither counterpart nor name, and a group change of nothing', () => {
    // Act
    const extra = incomingInput.safeParse({
      summary: 's',
      sender: { kind: 'citizen', name: 'A' },
      status: 'archived',
    });
    const nameless = outgoingInput.safeParse({
      summary: 's',
      signatoryId: uuid,
      recipients: [{ email: 'a@b.az' }],
    });
    const nothing = groupUpdateInput.safeParse({ kind: 'incoming', ids: [uuid], set: {} });

    // Assert
    expect(extra.success).toBe(false);
    expect(nameless.success).toBe(false);
    expect(nameless.error?.issues[0]?.path).toEqual(['recipients', 0, 'name']);
    expect(nothing.success).toBe(false);
  });

  it('keep at most 50 saved filters', () => {
    // Arrange
    const item = { id: uuid, name: 'f', list: 'incoming', query: {} };

    // Act
    const fifty = savedFiltersInput.safeParse({ version: 0, items: Array(50).fill(item) });
    const more = savedFiltersInput.safeParse({ version: 0, items: Array(51).fill(item) });

    // Assert
    expect(fifty.success).toBe(true);
    expect(more.success).toBe(false);
  });
});
