import { createHash, randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { DELIVERY_CLAIM, RECEIVED, type ReceivedItem } from '../../../functions/modules/exchange';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';

const embedded = ownEmbedded();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('e-mail in under a crash', () => {
  it('after kill -9 while mail comes in, every acknowledged message becomes exactly one item', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: embedded.port + 10,
      secure: false,
      pool: false,
    });
    const from = `crash-${Date.now()}@sender.example.az`;
    const acknowledged: string[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const messageId = `${randomUUID()}@sender.example.az`;
        try {
          await transport.sendMail({
            from,
            to: 'demo1@intake.karguzar.local',
            subject: 'Qəza sınağı',
            text: 'salam',
            messageId: `<${messageId}>`,
            attachments: [{ filename: 'a.txt', content: messageId }],
          });
          acknowledged.push(messageId);
        } catch {
          // Not acknowledged (the listener died mid-dialogue): the sender would try again.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const clients = Array.from({ length: 4 }, () => client());
    await eventually(async () => (acknowledged.length >= 20 ? true : undefined), '20 acknowledged', 50_000);

    await embedded.kill9();
    stop = true;
    await Promise.all(clients);
    transport.close();
    await embedded.restart();

    const store = new DynamoAggregateStore(tableClientOf(embedded.baseUrl), 'karguzar');
    for (const messageId of acknowledged) {
      const deliveryKey = sha256(`<${messageId}>\n${from}`);
      const item = await eventually(async () => {
        const id = await store.findByUnique('demo1', { scope: DELIVERY_CLAIM, value: deliveryKey });
        return id ? store.get<ReceivedItem>(RECEIVED, 'demo1', id) : undefined;
      }, `the item of ${messageId}`);
      expect(item.files).toHaveLength(1);
    }
    const all: ReceivedItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list<ReceivedItem>(RECEIVED, 'demo1', {
        parentKey: 'waiting',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const mine = all.filter((i) => i.sender.email === from);
    expect(new Set(mine.map((i) => i.deliveryKey)).size).toBe(mine.length);
    expect(mine.length).toBeGreaterThanOrEqual(acknowledged.length);
  }, 240_000);
});
