import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../../../functions/modules/eservices/usecases/application-records';
import { applicationStatus } from '../../../../functions/modules/eservices/usecases/applications/status.usecase';
import { submitApplication } from '../../../../functions/modules/eservices/usecases/applications/submit.usecase';
import { TENANT } from '../../../support/builders';
import { agency, key, socialBody, stored, visaBody } from './setup';

describe('the status of an application', () => {
  it('answers the state, service, payment and decisions with their result links and the receipt', async () => {
    const deps = await agency();
    const { number } = await submitApplication(deps, TENANT, 'e-visa', await visaBody(deps), key('a'));
    const record = (await stored(deps, number))!;
    const decided: ApplicationRecord = {
      ...record,
      state: 'decided',
      payment: {
        paymentId: 'p1',
        amount: 2000,
        currency: 'USD',
        status: 'paid',
        createdAt: record.submittedAt,
        callbackIds: [],
      },
      level: {
        startedAt: '2027-03-01T10:20:00.000Z',
        dueAt: '2027-03-05T20:00:00.000Z',
        lastDay: '2027-03-05',
      },
      decisions: [
        {
          applicant: 0,
          outcome: 'approved',
          decidedAt: '2027-03-02T10:00:00.000Z',
          decidedBy: 'e1',
          result: {
            key: `${TENANT}/eservices/applications/${number}/result-1.pdf`,
            versionId: 'v9',
            fileName: 'e-visa.pdf',
            mediaType: 'application/pdf',
          },
        },
      ],
    };
    await deps.store.update('eservice-application', decided, record.version, { actorId: 'e1', sortKey: 'x' });

    const status = await applicationStatus(deps, TENANT, {
      number: number.toLowerCase().replaceAll('-', ' '),
      secondFactor: 'c01x 00t47',
    });
    expect(status).toEqual({
      number,
      service: { code: 'e-visa', name: expect.objectContaining({ en: expect.any(String) }) },
      state: 'decided',
      submittedAt: record.submittedAt,
      level: decided.level,
      payment: { status: 'paid', amount: 2000, currency: 'USD' },
      decisions: [
        { applicant: 0, outcome: 'approved', resultUrl: expect.stringContaining('result-1.pdf?version=v9') },
      ],
      receiptUrl: expect.stringContaining(`${number}/receipt.pdf`),
    });
  });

  it('gives the same 404 for an unknown agency, a bad number, an unknown one and a wrong second factor', async () => {
    const deps = await agency();
    const { number } = await submitApplication(deps, TENANT, 'social-assistance', socialBody(), key('s'));
    const misses: Array<[string, string, string]> = [
      ['nobody', number, '5ZK7QH2'],
      [TENANT, 'not a number', '5ZK7QH2'],
      [TENANT, `${number.slice(0, -1)}${number.endsWith('0') ? '1' : '0'}`, '5ZK7QH2'],
      [TENANT, '0000-0000-0000-0000', '5ZK7QH2'],
      [TENANT, number, '5ZK7QH3'],
      [TENANT, number, ''],
    ];
    const answers = await Promise.all(
      misses.map(([agencyKey, n, f]) =>
        applicationStatus(deps, agencyKey, { number: n, secondFactor: f }).then(
          () => 'found',
          (e: Error & { code: string }) => `${e.constructor.name}:${e.code}:${e.message}`,
        ),
      ),
    );
    expect(new Set(answers)).toEqual(new Set(['NotFoundError:not_found:application not found']));
    expect((await applicationStatus(deps, TENANT, { number, secondFactor: '5zk7qh2' })).state).toBe(
      'in-review',
    );
  });

  it('makes the receipt when it is missing (a submit that died before storing it)', async () => {
    const deps = await agency();
    const { number } = await submitApplication(deps, TENANT, 'social-assistance', socialBody(), key('s'));
    const record = (await stored(deps, number))!;
    const { receipt: _gone, ...without } = record;
    const key2 = `${TENANT}/eservices/applications/${number}/receipt.pdf`;
    deps.objects.lose('attachments', key2);
    await deps.store.update('eservice-application', without as ApplicationRecord, record.version, {
      actorId: 'x',
      sortKey: 'x',
    });
    const status = await applicationStatus(deps, TENANT, { number, secondFactor: '5ZK7QH2' });
    expect(status.receiptUrl).toContain('receipt.pdf');
    expect((await stored(deps, number))!.receipt?.key).toBe(key2);
  });
});

describe('a look-up with a number that cannot be one', () => {
  it('still reads the store and compares a second factor, like an unknown number', async () => {
    const deps = await agency();
    const reads: string[] = [];
    const get = deps.store.get.bind(deps.store);
    deps.store.get = (async (type: Parameters<typeof get>[0], tenantId: string, id: string) => {
      if (type === 'eservice-application') reads.push(id);
      return get(type, tenantId, id);
    }) as typeof deps.store.get;
    for (const number of ['garbage', '7K3M-9QX2-HT4B-W8RC'])
      await expect(
        applicationStatus(deps, TENANT, { number, secondFactor: 'C01X00T47' }),
      ).rejects.toMatchObject({ code: 'not_found' });
    expect(reads).toHaveLength(2);
  });
});
