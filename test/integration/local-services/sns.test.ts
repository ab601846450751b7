import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { createSnsClient, SnsSmsSender } from '../../../functions/platform/adapters/sms/sns-sms.adapter';
import { start, type SnsService } from '../../../infra/local/services/sns';
import { credentials, region, serviceOnTempDir } from './helpers';

describe('local SNS endpoint with the SMS adapter', () => {
  let service: SnsService;
  let client: SNSClient;
  let sender: SnsSmsSender;

  const data = serviceOnTempDir('sns', async (dataDir) => {
    service = await start({ dataDir, port: 0 });
    client = createSnsClient({ region, endpoint: service.endpoint, credentials });
    sender = new SnsSmsSender(
      { region, endpoint: service.endpoint, credentials, senderId: 'Karguzar' },
      client,
    );
    return service;
  });

  it('puts a published SMS in the outbox', async () => {
    // Act
    const { messageId } = await sender.send({
      phone: '+994501234567',
      text: 'Müraciətiniz qeydə alındı: 12-345. İcra müddəti: 15 gün.',
    });
    const outbox = await service.listOutbox();

    // Assert
    expect(outbox).toEqual([
      expect.objectContaining({
        id: messageId,
        seq: 1,
        phone: '+994501234567',
        text: 'Müraciətiniz qeydə alındı: 12-345. İcra müddəti: 15 gün.',
        smsType: 'Transactional',
        senderId: 'Karguzar',
      }),
    ]);
  });

  it('answers an invalid phone number with an SNS InvalidParameter error', async () => {
    // Act
    const publish = client.send(new PublishCommand({ PhoneNumber: '0501234567', Message: 'x' }));

    // Assert
    await expect(publish).rejects.toMatchObject({
      name: 'InvalidParameterException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('pages the outbox with limit and after', async () => {
    // Arrange
    const second = await sender.send({ phone: '+994551112233', text: 'ikinci' });
    const third = await sender.send({ phone: '+994551112233', text: 'üçüncü' });

    // Act
    const page = await service.listOutbox({ limit: 1, after: second.messageId });
    const firstTwo = await service.listOutbox({ limit: 2 });

    // Assert
    expect(page.map((m) => m.id)).toEqual([third.messageId]);
    expect(firstTwo.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('keeps the outbox across a restart and ignores a torn line left by a crash', async () => {
    // Arrange: a crash mid-append leaves a line without its newline
    await service.close();
    await appendFile(join(data.dir, 'sms', 'outbox.jsonl'), '{"id":"torn","seq":');
    await data.restart();

    // Act
    const next = await sender.send({ phone: '+994701234567', text: 'yenidən başladıqdan sonra' });
    const outbox = await service.listOutbox();

    // Assert
    expect(outbox.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(outbox.at(-1)).toMatchObject({ id: next.messageId, text: 'yenidən başladıqdan sonra' });
  });
});
