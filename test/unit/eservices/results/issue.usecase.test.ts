import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  issueResults,
  verifyVisaCode,
  visaCodeKeySet,
  visaQrMatrix,
  VISA_COUNTER,
  type VisaCounter,
} from '../../../../functions/modules/eservices';
import {
  APPLICATION,
  applicationKeys,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import { ConflictError } from '../../../../functions/platform/kernel/errors';
import {
  assistanceApplicant,
  assistanceDefinition,
  eVisaApplicant,
  evisaDefinition,
  putDecidedApplication,
  putServiceVersion,
  type DecidedApplication,
} from '../../../support/eservices-results';
import { MemoryAggregateStore } from '../../../support/fakes/aggregate-store';
import { ManualClock } from '../../../support/fakes/clock';
import { MemoryObjectStore } from '../../../support/fakes/object-store';
import { drawnQr, pdfTexts } from '../visa-document/pdf-reading';
import { MemorySigner } from '../visa-document/signer';

const T = 't1';
const NOW = new Date('2026-06-20T10:00:00.000Z');
const DECIDED = '2026-06-20T09:30:00.000Z';

async function setUp() {
  const store = new MemoryAggregateStore();
  const clock = new ManualClock(NOW.toISOString());
  const deps = {
    store,
    clock,
    objects: new MemoryObjectStore(() => clock.now()),
    visaSigner: new MemorySigner(),
  };
  await store.create(
    'tenant',
    {
      id: T,
      tenantId: T,
      version: 1,
      createdAt: DECIDED,
      updatedAt: DECIDED,
      name: {
        az: 'Dövlət Miqrasiya Xidməti',
        en: 'State Migration Service',
        ru: 'Государственная миграционная служба',
      },
    },
    { actorId: 'system', sortKey: T },
  );
  await putServiceVersion(store, T, 'svc-evisa', evisaDefinition());
  await putServiceVersion(store, T, 'svc-assist', assistanceDefinition());
  return deps;
}
type Deps = Awaited<ReturnType<typeof setUp>>;

const evisa = (id: string, over: Partial<DecidedApplication> = {}): DecidedApplication => ({
  tenantId: T,
  id,
  serviceId: 'svc-evisa',
  serviceCode: 'e-visa',
  applicants: [eVisaApplicant()],
  outcomes: ['approved'],
  decidedAt: DECIDED,
  ...over,
});

const stored = (deps: Deps, id: string) => deps.store.get<ApplicationRecord>(APPLICATION, T, id);

/** The signed code a visa PDF carries: its metadata text, checked against the QR drawn on the page. */
async function codeOf(pdf: Uint8Array): Promise<string> {
  const code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject();
  if (!code) throw new Error('no code in the PDF');
  expect(await drawnQr(pdf)).toEqual(visaQrMatrix(code));
  return code;
}

describe('issuing the results of a decided application', () => {
  it('gives each approved e-visa applicant a signed visa and a refused one a letter; the application is decided', async () => {
    // Arrange
    const deps = await setUp();
    await putDecidedApplication(
      deps.store,
      evisa('AAAA-0001', {
        applicants: [
          eVisaApplicant(),
          eVisaApplicant({
            surname: 'ŞAHİN',
            givenNames: 'AYŞE',
            passportNumber: 'U12345678',
            nationality: 'GBR',
          }),
          eVisaApplicant({ surname: 'DOE', givenNames: 'JOHN', passportNumber: 'X9876543' }),
        ],
        outcomes: ['approved', 'approved', { refused: 'Pasport saxtadır' }],
        registrationNumber: 'EV/2026-17',
      }),
    );

    // Act
    const outcome = await issueResults(deps, { tenantId: T, applicationId: 'AAAA-0001' });

    // Assert
    expect(outcome).toMatchObject({ state: 'decided', issued: 3 });
    const record = (await stored(deps, 'AAAA-0001'))!;
    expect(record.state).toBe('decided');
    expect(record.decidedAt).toBe(NOW.toISOString());
    expect(record.visaNumbers).toEqual([
      { applicant: 0, number: 'EV-2026-000001' },
      { applicant: 1, number: 'EV-2026-000002' },
    ]);
    expect(record.decisions!.map((d) => d.result)).toEqual([
      {
        key: applicationKeys.result(T, 'AAAA-0001', 0),
        versionId: expect.any(String),
        fileName: 'e-visa-EV-2026-000001.pdf',
        mediaType: 'application/pdf',
        number: 'EV-2026-000001',
      },
      expect.objectContaining({ fileName: 'e-visa-EV-2026-000002.pdf', number: 'EV-2026-000002' }),
      {
        key: applicationKeys.result(T, 'AAAA-0001', 2),
        versionId: expect.any(String),
        fileName: 'decision-AAAA-0001-3.pdf',
        mediaType: 'application/pdf',
      },
    ]);
    expect(record.log.filter((l) => l.event === 'result-issued').map((l) => l.detail)).toEqual([
      { applicant: 0, kind: 'e-visa', outcome: 'approved', number: 'EV-2026-000001' },
      { applicant: 1, kind: 'e-visa', outcome: 'approved', number: 'EV-2026-000002' },
      { applicant: 2, kind: 'decision-letter', outcome: 'refused' },
    ]);

    const keys = await visaCodeKeySet(deps.visaSigner);
    const visa = await deps.objects.get({
      bucket: 'attachments',
      key: applicationKeys.result(T, 'AAAA-0001', 1),
    });
    const checked = verifyVisaCode(await codeOf(visa!), keys);
    expect(checked).toEqual({
      ok: true,
      data: expect.objectContaining({
        visaNumber: 'EV-2026-000002',
        surname: 'ŞAHİN',
        passportNumber: 'U12345678',
        nationality: 'GBR',
        validFrom: '2026-07-01',
        validUntil: '2026-09-28',
        agency: T,
      }),
    });
    const [letter] = await pdfTexts(
      (await deps.objects.get({ bucket: 'attachments', key: applicationKeys.result(T, 'AAAA-0001', 2) }))!,
    );
    for (const words of [
      'Müraciət üzrə qərar',
      'AAAA-0001',
      'EV/2026-17',
      'JOHN DOE',
      'Pasport saxtadır',
      '20.06.2026',
    ])
      expect(letter).toContain(words);
  });

  it('issues nothing twice: a second run answers the same numbers and keeps the stored files', async () => {
    // Arrange
    const deps = await setUp();
    await putDecidedApplication(deps.store, evisa('AAAA-0002'));
    const first = await issueResults(deps, { tenantId: T, applicationId: 'AAAA-0002' });
    const before = (await stored(deps, 'AAAA-0002'))!;

    // Act
    const second = await issueResults(deps, { tenantId: T, applicationId: 'AAAA-0002' });

    // Assert
    expect(second).toEqual({ ...first, issued: 0 });
    expect(await stored(deps, 'AAAA-0002')).toEqual(before);
    const counter = await deps.store.get<VisaCounter>(VISA_COUNTER, T, '2026');
    expect(counter?.last).toBe(1);
  });

  it('after a crash before the last write, prints the same number and keeps the first stored PDF', async () => {
    // Arrange: the record's last write fails once (the process dies after the PDFs were stored).
    const deps = await setUp();
    await putDecidedApplication(deps.store, evisa('AAAA-0003'));
    const update = deps.store.update.bind(deps.store);
    let crash = true;
    deps.store.update = (async (...args: Parameters<typeof update>) => {
      if (crash) {
        crash = false;
        throw new Error('the process died');
      }
      return update(...args);
    }) as typeof update;
    await expect(issueResults(deps, { tenantId: T, applicationId: 'AAAA-0003' })).rejects.toThrow('died');
    const key = applicationKeys.result(T, 'AAAA-0003', 0);
    const firstPdf = await deps.objects.get({ bucket: 'attachments', key });
    const firstHead = await deps.objects.head({ bucket: 'attachments', key });

    // Act
    const outcome = await issueResults(deps, { tenantId: T, applicationId: 'AAAA-0003' });

    // Assert
    expect(outcome.results).toEqual([{ applicant: 0, kind: 'e-visa', key, number: 'EV-2026-000001' }]);
    expect(await deps.objects.get({ bucket: 'attachments', key })).toEqual(firstPdf);
    const record = (await stored(deps, 'AAAA-0003'))!;
    expect(record.decisions![0]!.result?.versionId).toBe(firstHead?.versionId);
    expect((await deps.store.get<VisaCounter>(VISA_COUNTER, T, '2026'))?.last).toBe(1);
  });

  it('numbers visas without gaps per agency and year of the decision (Baku)', async () => {
    // Arrange: two applications at once, then one decided at 01:00 on 1 January in Baku.
    const deps = await setUp();
    await putDecidedApplication(
      deps.store,
      evisa('AAAA-0004', {
        applicants: [eVisaApplicant(), eVisaApplicant()],
        outcomes: ['approved', 'approved'],
      }),
    );
    await putDecidedApplication(deps.store, evisa('AAAA-0005'));
    await putDecidedApplication(
      deps.store,
      evisa('AAAA-0006', {
        decidedAt: '2026-12-31T21:00:00.000Z',
        applicants: [eVisaApplicant({ arrivalDate: '2027-01-10' })],
      }),
    );

    // Act
    const [a, b] = await Promise.all([
      issueResults(deps, { tenantId: T, applicationId: 'AAAA-0004' }),
      issueResults(deps, { tenantId: T, applicationId: 'AAAA-0005' }),
    ]);
    const c = await issueResults(deps, { tenantId: T, applicationId: 'AAAA-0006' });

    // Assert
    const numbers = [...a.results, ...b.results].map((r) => r.number).sort();
    expect(numbers).toEqual(['EV-2026-000001', 'EV-2026-000002', 'EV-2026-000003']);
    expect(c.results.map((r) => r.number)).toEqual(['EV-2027-000001']);
  });

  it('writes social assistance decisions as letters in the application’s language', async () => {
    // Arrange
    const deps = await setUp();
    await putDecidedApplication(deps.store, {
      tenantId: T,
      id: 'AAAA-0007',
      serviceId: 'svc-assist',
      serviceCode: 'social-assistance',
      language: 'ru',
      applicants: [assistanceApplicant()],
      outcomes: ['approved'],
      decidedAt: DECIDED,
    });

    // Act
    const outcome = await issueResults(deps, { tenantId: T, applicationId: 'AAAA-0007' });

    // Assert
    expect(outcome.results).toEqual([
      { applicant: 0, kind: 'decision-letter', key: applicationKeys.result(T, 'AAAA-0007', 0) },
    ]);
    expect((await stored(deps, 'AAAA-0007'))?.visaNumbers).toBeUndefined();
    const [page] = await pdfTexts(
      (await deps.objects.get({ bucket: 'attachments', key: applicationKeys.result(T, 'AAAA-0007', 0) }))!,
    );
    for (const words of [
      'Решение по заявлению',
      'Государственная миграционная служба',
      'Məmmədova Aysel Rauf qızı',
      'Положительное: заявление удовлетворено',
      '20.06.2026',
    ])
      expect(page).toContain(words);
    expect(page).not.toContain('Причина отказа');
  });

  it('refuses an application whose decisions are not complete, and writes nothing', async () => {
    // Arrange
    const deps = await setUp();
    const record = await putDecidedApplication(
      deps.store,
      evisa('AAAA-0008', {
        applicants: [eVisaApplicant(), eVisaApplicant()],
        outcomes: ['approved', 'approved'],
      }),
    );
    await deps.store.update(APPLICATION, { ...record, decisions: record.decisions!.slice(0, 1) }, 1, {
      actorId: 'system',
      sortKey: 'x',
      parentKey: record.serviceId,
    });

    // Act / Assert
    await expect(issueResults(deps, { tenantId: T, applicationId: 'AAAA-0008' })).rejects.toThrow(
      'applicants 2 have no decision',
    );
    expect((await stored(deps, 'AAAA-0008'))?.visaNumbers).toBeUndefined();
    expect(await deps.store.get(VISA_COUNTER, T, '2026')).toBeUndefined();
  });

  it('gives up after repeated conflicts rather than loop for ever', async () => {
    // Arrange: every transaction meets a concurrent writer.
    const deps = await setUp();
    await putDecidedApplication(deps.store, evisa('AAAA-0009'));
    deps.store.transact = async () => {
      throw new ConflictError('write_conflict', 'A concurrent write got there first');
    };

    // Act / Assert
    await expect(issueResults(deps, { tenantId: T, applicationId: 'AAAA-0009' })).rejects.toThrow(
      ConflictError,
    );
  });
});
