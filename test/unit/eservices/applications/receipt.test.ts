import { describe, expect, it } from 'vitest';
import { applicationKeys } from '../../../../functions/modules/eservices/usecases/application-records';
import {
  applicantNames,
  bakuDateTime,
  displayFee,
  ensureReceipt,
  receiptUrl,
  receiptView,
  recordReceipt,
  renderReceipt,
} from '../../../../functions/modules/eservices/usecases/applications/receipt';
import {
  submitApplication,
  type SubmitInput,
} from '../../../../functions/modules/eservices/usecases/applications/submit.usecase';
import { socialAssistanceDefinition } from '../../../../functions/modules/eservices';
import { TENANT } from '../../../support/builders';
import { readPdf } from '../../../support/scans';
import { evisa } from '../builders';
import { agency, key, pdfBytes, socialBody, stored, uploadScan, visaBody, type Agency } from './setup';

const social = () => socialAssistanceDefinition({ routeTemplateId: 'route-social' });
const textOf = async (pdf: Uint8Array) => (await readPdf(pdf)).texts.join(' ').replace(/\s+/g, ' ');

/** A submitted application as stored, without its receipt (as when the submit died before it). */
async function withoutReceipt(deps: Agency, body: SubmitInput = socialBody(), code = 'social-assistance') {
  const answer = await submitApplication(deps, TENANT, code, body, key(code));
  const { receipt: _receipt, ...record } = (await stored(deps, answer.number))!;
  return record;
}

describe('the receipt of an application', () => {
  it('stores a receipt in the applicant’s language with the number, names, fee and how to look it up', async () => {
    const deps = { ...(await agency()), webBaseUrl: 'https://e.karguzar.az' };
    const body = await visaBody(deps);
    body.applicants.push({
      ...body.applicants[0]!,
      surname: 'Schmidt',
      givenNames: 'Jonas',
      passportNumber: 'C02Y00T48',
      passportScan: [await uploadScan(deps, pdfBytes(2))],
    });
    const answer = await submitApplication(deps, TENANT, 'e-visa', body, key('r'));
    const pdf = await deps.objects.get({
      bucket: 'attachments',
      key: applicationKeys.receipt(TENANT, answer.number),
    });
    const text = (await readPdf(pdf!)).texts.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(answer.number);
    expect(text).toContain('State Migration Service');
    expect(text).toContain('APPLICATION RECEIPT');
    expect(text).toContain('01.03.2027 14:00');
    expect(text).toContain('Müller Anna Maria');
    expect(text).toContain('Schmidt Jonas');
    expect(text).toContain('40.00 USD');
    expect(text).toContain('Passport number');
    expect(text).toContain('https://e.karguzar.az/e/status/?agency=t1');
    expect(answer.receiptUrl).toContain(applicationKeys.receipt(TENANT, answer.number));
  });

  it('gives Baku dates and times as dd.MM.yyyy HH:mm, UTC+4 all year', () => {
    expect(bakuDateTime('2027-03-01T10:00:00.000Z')).toBe('01.03.2027 14:00');
    expect(bakuDateTime('2027-03-01T20:05:00.000Z')).toBe('02.03.2027 00:05');
    expect(bakuDateTime('2027-07-15T19:59:00.000Z')).toBe('15.07.2027 23:59');
    expect(bakuDateTime('2027-12-31T20:00:00.000Z')).toBe('01.01.2028 00:00');
  });

  it('shows a fee in minor units as the amount people read', () => {
    expect(displayFee({ amount: 2000, currency: 'USD' })).toBe('20.00 USD');
    expect(displayFee({ amount: 5, currency: 'AZN' })).toBe('0.05 AZN');
    expect(displayFee({ amount: 123_456, currency: 'EUR' })).toBe('1234.56 EUR');
  });

  it('names the applicants by their name fields, or by their place when they have none', async () => {
    const deps = await agency();
    const record = await withoutReceipt(deps);
    expect(applicantNames(social(), record)).toEqual(['Quliyev Elvin']);
    const unnamed = {
      ...record,
      values: { ...record.values, applicants: [...record.values.applicants, { fin: '6ZK7QH2', name: '' }] },
    };
    expect(applicantNames(social(), unnamed)).toEqual(['Quliyev Elvin', 'Müraciət edən 2']);
    expect(applicantNames(social(), { ...unnamed, language: 'ru' })[1]).toBe('Заявитель 2');
  });

  it('is written in the applicant’s language: a free application in Azerbaijani', async () => {
    const deps = await agency();
    const record = await withoutReceipt(deps);
    const view = await receiptView(deps, record, social());
    expect(view).toMatchObject({
      language: 'az',
      agencyName: 'Dövlət Miqrasiya Xidməti',
      serviceName: social().name.az,
      number: record.id,
      submittedAt: '2027-03-01T10:00:00.000Z',
      applicants: ['Quliyev Elvin'],
      fee: { amount: 0, currency: 'AZN' },
    });
    expect(view.statusUrl).toBe('https://edms.example.az/e/status/?agency=t1');
    const { webBaseUrl: _web, ...withoutWeb } = deps;
    expect((await receiptView(withoutWeb, record, social())).statusUrl).toBeUndefined();
    const text = await textOf(await renderReceipt(view));
    expect(text).toContain('MÜRACİƏTİN QƏBULU HAQQINDA QƏBZ');
    expect(text).toContain(social().name.az);
    expect(text).toContain(record.id);
    expect(text).toContain('01.03.2027 14:00 (Bakı vaxtı)');
    expect(text).toContain('Ödənişsiz');
    expect(text).toContain('https://edms.example.az/e/status/?agency=t1');
    expect(text).not.toContain('0.00');
  });

  it('is written in Russian for an application in Russian, with the fee of all applicants', async () => {
    const deps = await agency();
    const body = { ...(await visaBody(deps)), language: 'ru' as const };
    const record = await withoutReceipt(deps, body, 'e-visa');
    const text = await textOf(await renderReceipt(await receiptView(deps, record, evisa())));
    expect(text).toContain('КВИТАНЦИЯ О ПРИЁМЕ ЗАЯВКИ');
    expect(text).toContain('Государственная миграционная служба');
    expect(text).toContain('Электронная виза');
    expect(text).toContain('01.03.2027 14:00 (по бакинскому времени)');
    expect(text).toContain('1. Müller Anna Maria');
    expect(text).toContain('20.00 USD');
  });

  it('is the same bytes every time it is made for the same application', async () => {
    const deps = await agency();
    const view = await receiptView(deps, await withoutReceipt(deps), social());
    expect(Buffer.from(await renderReceipt(view)).equals(Buffer.from(await renderReceipt(view)))).toBe(true);
  });

  it('is stored once: a missing one is made, a stored one is read back, a recorded one is kept', async () => {
    const deps = await agency();
    const record = await withoutReceipt(deps);
    const at = applicationKeys.receipt(TENANT, record.id);
    const made = await ensureReceipt(deps, record, social());
    const head = await deps.objects.head({ bucket: 'attachments', key: at });
    expect(made).toEqual({ key: at, versionId: head!.versionId });
    expect(await textOf((await deps.objects.get({ bucket: 'attachments', key: at }))!)).toContain(record.id);

    expect(await ensureReceipt(deps, record, social())).toEqual(made);
    const recorded = { ...record, receipt: { key: 'elsewhere.pdf' } };
    expect(await ensureReceipt(deps, recorded, social())).toEqual({ key: 'elsewhere.pdf' });
  });

  it('is recorded on the application once, even after a change made meanwhile', async () => {
    const deps = await agency();
    const record = await withoutReceipt(deps);
    const receipt = { key: applicationKeys.receipt(TENANT, record.id), versionId: 'v1' };
    const updated = await recordReceipt(deps, record, receipt);
    expect(updated).toMatchObject({ receipt, version: record.version + 1 });
    expect(await recordReceipt(deps, record, { key: 'other.pdf' })).toMatchObject({ receipt });
    expect((await stored(deps, record.id))!.receipt).toEqual(receipt);
  });

  it('is downloaded by a short-lived link to its version', async () => {
    const deps = await agency();
    const url = await receiptUrl(deps, { key: 'k/receipt.pdf', versionId: 'v7' }, '7K3M-9QX2-HT4B-W8RC');
    expect(url).toBe('memory://attachments/k/receipt.pdf?version=v7&inline=false');
  });
});
