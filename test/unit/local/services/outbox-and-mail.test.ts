import { describe, expect, it } from 'vitest';
import { recipientsFromRawHeaders } from '../../../../infra/local/services/ses';
import {
  isE164,
  pageOutbox,
  parseMessageAttributes,
  parseOutbox,
  type OutboxSms,
} from '../../../../infra/local/services/sns';

const sms = (seq: number): OutboxSms => ({
  id: `m${seq}`,
  seq,
  phone: '+994501234567',
  text: `t${seq}`,
  at: '2026-01-01T00:00:00.000Z',
});

describe('SMS outbox helpers', () => {
  it('skips a torn last line', () => {
    // Act
    const parsed = parseOutbox(`${JSON.stringify(sms(1))}\n${JSON.stringify(sms(2))}\n{"id":"m3","se`);

    // Assert
    expect(parsed.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('pages after a message id with a limit', () => {
    // Arrange
    const all = [1, 2, 3, 4, 5].map(sms);

    // Act / Assert
    expect(pageOutbox(all, { limit: 2 }).map((m) => m.seq)).toEqual([1, 2]);
    expect(pageOutbox(all, { after: 'm2', limit: 2 }).map((m) => m.seq)).toEqual([3, 4]);
    expect(pageOutbox(all, { after: 'm5' })).toEqual([]);
    expect(pageOutbox(all, { after: 'unknown' })).toEqual([]);
  });

  it('reads SMS attributes from the query-protocol form', () => {
    // Arrange
    const form = new URLSearchParams({
      'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
      'MessageAttributes.entry.2.Name': 'AWS.SNS.SMS.SenderID',
      'MessageAttributes.entry.2.Value.StringValue': 'Karguzar',
    });

    // Act / Assert
    expect(parseMessageAttributes(form)).toEqual({
      'AWS.SNS.SMS.SMSType': 'Transactional',
      'AWS.SNS.SMS.SenderID': 'Karguzar',
    });
  });

  it('accepts E.164 numbers only', () => {
    // Act / Assert
    expect(isE164('+994501234567')).toBe(true);
    expect(isE164('0501234567')).toBe(false);
    expect(isE164('+0501234567')).toBe(false);
  });
});

describe('raw MIME recipients', () => {
  it('reads From and To/Cc/Bcc, including folded headers and display names', () => {
    // Arrange
    const raw =
      'From: "Kargüzar" <no-reply@karguzar.local>\r\nTo: a@example.az,\r\n "Bəy" <b@example.az>\r\nCc: c@example.az\r\nSubject: x\r\n\r\nTo: body@example.az\r\n';

    // Act
    const result = recipientsFromRawHeaders(raw);

    // Assert
    expect(result).toEqual({
      from: 'no-reply@karguzar.local',
      to: ['a@example.az', 'b@example.az', 'c@example.az'],
    });
  });
});
