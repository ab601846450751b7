import { describe, expect, it } from 'vitest';
import {
  APPLICATION_MACHINE,
  applicationExecutionName,
  applicationKeys,
} from '../../../../functions/modules/eservices/usecases/application-records';
import { submitApplication } from '../../../../functions/modules/eservices/usecases/applications/submit.usecase';
import { applicationNumberFrom, parseApplicationNumber } from '../../../../functions/modules/eservices';
import { TENANT } from '../../../support/builders';
import { agency, key, pdfBytes, sha256, socialBody, stored, SUBMIT_AT, visaBody } from './setup';

describe('submitting an application', () => {
  it('creates the e-visa application awaiting its e-mail, with its fee, second factor, uploads and log', async () => {
    const deps = await agency();
    const body = await visaBody(deps);
    const ref = (body.applicants[0]!.passportScan as Array<{ ref: string }>)[0]!.ref;
    const answer = await submitApplication(deps, TENANT, 'e-visa', body, key('a'));

    expect(parseApplicationNumber(answer.number)).toBe(answer.number);
    expect(answer).toMatchObject({
      state: 'awaiting-confirmation',
      submittedAt: SUBMIT_AT,
      confirmBy: '2027-03-01T11:00:00.000Z',
      fee: { amount: 2000, currency: 'USD' },
    });
    const record = (await stored(deps, answer.number))!;
    expect(record).toMatchObject({
      serviceCode: 'e-visa',
      serviceVersion: 1,
      language: 'en',
      contact: { email: 'tour@example.co.uk', phone: '+442079460958' },
      secondFactors: ['C01X00T47'],
      notices: [],
      log: [{ at: SUBMIT_AT, event: 'submitted', actor: 'applicant' }],
      uploads: [
        {
          ref,
          key: applicationKeys.upload(TENANT, ref),
          sha256: sha256(pdfBytes()),
          bytes: 2048,
          mediaType: 'application/pdf',
        },
      ],
      receipt: { key: applicationKeys.receipt(TENANT, answer.number) },
    });
    expect(record.confirmation!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(record.confirmation!.dueAt).toBe('2027-03-01T11:00:00.000Z');
    expect(deps.workflow.started).toEqual([
      {
        machine: APPLICATION_MACHINE,
        name: applicationExecutionName(TENANT, answer.number),
        input: { tenantId: TENANT, applicationId: answer.number },
      },
    ]);
  });

  it('puts a free application without an e-mail to confirm straight in review', async () => {
    const deps = await agency();
    const answer = await submitApplication(deps, TENANT, 'social-assistance', socialBody(), key('s'));
    expect(answer).toMatchObject({ state: 'in-review', fee: { amount: 0, currency: 'AZN' } });
    expect(answer.confirmBy).toBeUndefined();
    expect((await stored(deps, answer.number))!.confirmation).toBeUndefined();
  });

  it('answers a replay with the same application and creates nothing more', async () => {
    const deps = await agency();
    const body = await visaBody(deps);
    const first = await submitApplication(deps, TENANT, 'e-visa', body, key('k'));
    const again = await submitApplication(deps, TENANT, 'e-visa', body, key('k'));
    expect(again.number).toBe(first.number);
    const other = await submitApplication(deps, TENANT, 'social-assistance', socialBody(), key('other'));
    expect(other.number).not.toBe(first.number);
    await expect(
      submitApplication(deps, TENANT, 'social-assistance', socialBody(), {
        ...key('k'),
        requestHash: 'changed',
      }),
    ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('requires an Idempotency-Key', async () => {
    const deps = await agency();
    await expect(
      submitApplication(deps, TENANT, 'social-assistance', socialBody(), undefined),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      issues: [{ path: 'Idempotency-Key', code: 'required' }],
    });
  });

  it('draws another number when the first is taken', async () => {
    const deps = await agency();
    const draws = [new Uint8Array(10).fill(7), new Uint8Array(10).fill(7), new Uint8Array(10).fill(9)];
    const withDraws = {
      ...deps,
      randomBytes: (n: number) => (n === 10 ? draws.shift()! : new Uint8Array(n).fill(1)),
    };
    const a = await submitApplication(withDraws, TENANT, 'social-assistance', socialBody(), key('1'));
    const b = await submitApplication(
      withDraws,
      TENANT,
      'social-assistance',
      socialBody('6ZK7QH2'),
      key('2'),
    );
    expect(a.number).toBe(applicationNumberFrom(new Uint8Array(10).fill(7)));
    expect(b.number).toBe(applicationNumberFrom(new Uint8Array(10).fill(9)));
  });

  it('gives every field error at once, with messages in the three languages', async () => {
    const deps = await agency();
    const body = await visaBody(deps, { surname: '', nationality: 'XXX' });
    await expect(
      submitApplication(deps, TENANT, 'e-visa', { ...body, common: { email: 'not-mail' } }, key('e')),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: expect.arrayContaining([
        expect.objectContaining({
          path: 'common.email',
          code: 'invalid_email',
          text: expect.objectContaining({ ru: expect.any(String) }),
        }),
        expect.objectContaining({ path: 'applicants[0].surname', code: 'required' }),
        expect.objectContaining({ path: 'applicants[0].nationality', code: 'unknown_country' }),
      ]),
    });
    expect(deps.workflow.started).toEqual([]);
  });

  it('gives the catalogue’s 404 for an unknown service', async () => {
    const deps = await agency();
    await expect(submitApplication(deps, TENANT, 'nothing', socialBody(), key('x'))).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('answers even when the machine does not start (the stream consumer starts it)', async () => {
    const deps = await agency();
    deps.workflow.start = async () => {
      throw new Error('engine down');
    };
    const answer = await submitApplication(deps, TENANT, 'social-assistance', socialBody(), key('m'));
    expect(answer.state).toBe('in-review');
    expect(deps.log.lines).toEqual([
      expect.objectContaining({ level: 'warn', message: 'application machine not started at submit' }),
    ]);
  });
});
