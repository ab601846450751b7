import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents';
import { DynamoSmsBudget, notifyEmployees, type NotifyDeps } from '../../../functions/modules/notifications';
import type { Employee, Tenant } from '../../../functions/modules/org';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { SesEmailSender } from '../../../functions/platform/adapters/email/ses-email.adapter';
import { SnsSmsSender } from '../../../functions/platform/adapters/sms/sns-sms.adapter';
import { startDynamoLocal, type DynamoLocal } from '../../../infra/local/dynamodb';
import type { LocalService } from '../../../infra/local/services/common';
import { start as startMaildev, type MaildevService } from '../../../infra/local/services/maildev';
import { start as startSes } from '../../../infra/local/services/ses';
import { start as startSns, type SnsService } from '../../../infra/local/services/sns';
import { ManualClock } from '../../support/fakes/clock';
import { freePortBase } from '../../support/embedded';
import { eventually } from '../../support/eventually';
import { credentials, region, tempDataDir } from '../local-services/helpers';

// The SMS gate against the embedded services: DynamoDB Local holds the agency's setting and its
// month's counter, the local SNS endpoint's outbox is the SMS sink, SES relays e-mail to maildev.
// Each agency here is a tenant of its own, so the tests do not share a counter.

const TABLE = 'karguzar';
// 2 March 2026, 10:00 in Baku: the counter's month is 2026-03.
const clock = new ManualClock('2026-03-02T06:00:00.000Z');

let data: Awaited<ReturnType<typeof tempDataDir>>;
let dynamo: DynamoLocal;
let port: number;
let sns: SnsService;
let maildev: MaildevService;
let ses: LocalService;
let deps: NotifyDeps & { store: DynamoAggregateStore };

function depsOn(d: DynamoLocal): typeof deps {
  const doc = DynamoDBDocumentClient.from(d.client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    store: new DynamoAggregateStore(doc, TABLE),
    documents: new DynamoDocumentStore(doc, TABLE),
    smsBudget: new DynamoSmsBudget(doc, TABLE),
    clock,
    sms: new SnsSmsSender({ region, endpoint: sns.endpoint, credentials }),
    email: new SesEmailSender({
      region,
      endpoint: ses.endpoint,
      credentials,
      fromAddress: 'Kargüzar <no-reply@karguzar.local>',
    }),
    webBaseUrl: 'https://edms.example.az',
  };
}

beforeAll(async () => {
  data = await tempDataDir('sms-budget');
  port = await freePortBase(1);
  dynamo = await startDynamoLocal({ dataDir: data.dir, port, table: TABLE, webOrigin: 'http://127.0.0.1:1' });
  sns = await startSns({ dataDir: data.dir, port: 0 });
  maildev = await startMaildev({ dataDir: data.dir, smtpPort: 0, webPort: 0 });
  ses = await startSes({ port: 0, smtp: { port: maildev.smtpPort } });
  deps = depsOn(dynamo);
}, 120_000);

afterAll(async () => {
  await ses?.close();
  await maildev?.close();
  await sns?.close();
  await dynamo?.close();
  await data?.remove();
});

/** An agency with one SMS-only employee (who has an e-mail address too). */
async function agency(tenantId: string, sms?: Tenant['sms']): Promise<{ phone: string; email: string }> {
  const at = clock.now().toISOString();
  const meta = { tenantId, version: 1, createdAt: at, updatedAt: at };
  await deps.store.create<Tenant>(
    'tenant',
    {
      ...meta,
      id: tenantId,
      name: { az: `Agentlik ${tenantId}` },
      legalAddress: 'Bakı',
      voen: '1234567891',
      email: `office@${tenantId}.az`,
      ...(sms ? { sms } : {}),
    },
    { actorId: 'system', sortKey: tenantId },
  );
  const phone = `+99450${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const email = `e1@${tenantId}.az`;
  await deps.store.create<Employee>(
    'employee',
    {
      ...meta,
      id: 'e1',
      fullName: 'Məmmədova Səbinə',
      username: 'e1',
      email,
      phone,
      positionIds: [],
      active: true,
      notifications: { email: false, sms: true, language: 'az' },
    },
    { actorId: 'system', sortKey: 'e1' },
  );
  return { phone, email };
}

const notice = (tenantId: string, n: number) =>
  notifyEmployees(deps, {
    tenantId,
    about: { label: `${n}-DX/26`, path: '/home/' },
    kind: 'overdue',
    recipients: ['e1'],
    dueDate: '2026-02-27',
    key: `overdue-${n}`,
  });

const smsTo = async (phone: string) =>
  (await sns.listOutbox({ limit: 1000 })).filter((m) => m.phone === phone);
const mailTo = async (address: string) => {
  const mails = (await (await fetch(`${maildev.webUrl}/api/email`)).json()) as Array<{
    subject: string;
    to: Array<{ address: string }>;
  }>;
  return mails.filter((m) => m.to.some((t) => t.address === address));
};

describe('SMS per agency and its monthly budget, on the embedded services', () => {
  it('sends no SMS for an agency with SMS off (the default): the notice goes by e-mail', async () => {
    // Arrange
    const { phone, email } = await agency('sms-off');

    // Act
    await notice('sms-off', 1);

    // Assert
    expect(await smsTo(phone)).toEqual([]);
    await eventually(async () => (await mailTo(email)).length === 1 || undefined, 'the e-mail instead');
  });

  it('with a budget of N parts sends N, and the N+1-th notice goes by e-mail; the counter survives a restart', async () => {
    // Arrange: 3 parts a month; each overdue SMS is one part.
    const { phone, email } = await agency('sms-budget', { enabled: true, monthlyParts: 3 });

    // Act
    for (const n of [1, 2, 3, 4]) await notice('sms-budget', n);

    // Assert
    expect((await smsTo(phone)).map((m) => m.text)).toEqual([
      '1-DX/26: icra müddəti 27.02.2026 keçib',
      '2-DX/26: icra müddəti 27.02.2026 keçib',
      '3-DX/26: icra müddəti 27.02.2026 keçib',
    ]);
    const mails = await eventually(async () => {
      const found = await mailTo(email);
      return found.length === 1 ? found : undefined;
    }, 'the fourth notice by e-mail');
    expect(mails[0]!.subject).toBe('İcra müddəti keçib: 4-DX/26');
    expect(await deps.smsBudget!.usage('sms-budget', '2026-03')).toMatchObject({ used: 3 });

    // Act: DynamoDB Local restarts on the same data; a retried notice and a new one.
    await dynamo.close();
    dynamo = await startDynamoLocal({
      dataDir: data.dir,
      port,
      table: TABLE,
      webOrigin: 'http://127.0.0.1:1',
    });
    deps = depsOn(dynamo);
    await notice('sms-budget', 3);
    await notice('sms-budget', 5);

    // Assert: still 3 parts counted, no fourth SMS.
    expect(await deps.smsBudget!.usage('sms-budget', '2026-03')).toMatchObject({ used: 3 });
    expect(await smsTo(phone)).toHaveLength(3);
    await eventually(async () => (await mailTo(email)).length === 2 || undefined, 'the fifth by e-mail');
  });

  it('counts a reservation once under concurrent retries of one send (conditional writes in the table)', async () => {
    // Arrange
    const budget = deps.smsBudget!;
    const reservation = {
      tenantId: 'sms-race',
      month: '2026-03',
      parts: 2,
      limit: 5,
      at: clock.now().toISOString(),
    };

    // Act: the same send five times at once, then three different sends at once.
    const same = await Promise.all([1, 2, 3, 4, 5].map(() => budget.reserve({ ...reservation, key: 'k' })));
    const others = await Promise.all(['a', 'b', 'c'].map((key) => budget.reserve({ ...reservation, key })));

    // Assert: 2 + one more of 2 fit in 5; the others are over.
    expect(same).toEqual(['reserved', 'reserved', 'reserved', 'reserved', 'reserved']);
    expect(others.filter((o) => o === 'reserved')).toHaveLength(1);
    expect(await budget.usage('sms-race', '2026-03')).toEqual({ used: 4 });
    expect(await budget.markExceeded('sms-race', '2026-03', reservation.at)).toBe(true);
    expect(await budget.markExceeded('sms-race', '2026-03', reservation.at)).toBe(false);
  });
});
