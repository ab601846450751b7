import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiClient, tokenFor } from '../support/api';
import { mailsTo, uploadScan } from '../support/eservices-citizen';
import { bakuDate, expectAccessible, runId, serverNow, signedInPage } from './helpers';

/**
 * The agency's side of an e-service in the browser: a group e-visa application of two visitors is
 * submitted, confirmed and paid through the public API (Arrange, as a citizen's browser would), the
 * machine registers it and starts its route; the route's officer finds it in the service's list
 * with the filter row, opens it, approves the first visitor and sees the decision; a second view
 * of the same application opened before that decision is refused as stale and reloads.
 */
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const maildev = `http://127.0.0.1:${process.env.KARGUZAR_MAILDEV_PORT ?? Number(new URL(baseUrl).port) + 6}`;
const AGENCY = '/api/public/v1/agencies/demo1';
const OFFICER = 'appealshead';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by the start of its label (a required field's label ends with "(required)"). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${escape(label)}`));

/** A paid two-visitor e-visa application, in review with the officer's route running: its number. */
async function applicationInReview(id: string, passports: [string, string]): Promise<string> {
  const citizen = apiClient(baseUrl, undefined, 'en');
  const email = `officer-${id}@example.de`;
  const arrival = bakuDate(await serverNow(baseUrl), 10);
  const expiry = bakuDate(await serverNow(baseUrl), 3650);
  const visitor = async (surname: string, passportNumber: string) => ({
    surname,
    givenNames: 'Lena',
    sex: 'female',
    birthDate: '1988-04-12',
    nationality: 'DEU',
    passportNumber,
    passportIssueDate: '2021-02-03',
    passportExpiryDate: expiry,
    purpose: 'tourism',
    arrivalDate: arrival,
    addressInAzerbaijan: 'Bakı, Neftçilər pr. 1',
    passportScan: [await uploadScan(citizen, AGENCY, 'e-visa')],
  });
  const submitted = await citizen.post<{ number: string }>(
    `${AGENCY}/services/e-visa/applications`,
    {
      language: 'en',
      variant: 'standard',
      common: { email, phone: '+49 30 901820' },
      applicants: [await visitor(`Kraus${id}`, passports[0]), await visitor(`Vogel${id}`, passports[1])],
    },
    { 'Idempotency-Key': randomUUID() },
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const number = submitted.body.number;

  let token: string | undefined;
  await expect
    .poll(async () => {
      const mail = (await mailsTo(maildev, email)).find((m) => m.subject.includes(number));
      token = mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      return token;
    })
    .toBeDefined();
  const confirmed = await citizen.post(`${AGENCY}/applications/confirm`, { number, token });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

  let redirectUrl: string | undefined;
  await expect
    .poll(async () => {
      const res = await citizen.post<{ redirectUrl: string }>(`${AGENCY}/applications/payment`, {
        number,
        secondFactor: passports[0],
      });
      redirectUrl = res.status === 200 ? res.body.redirectUrl : undefined;
      return redirectUrl;
    })
    .toBeDefined();
  const paid = await fetch(redirectUrl!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision: 'pay' }).toString(),
    redirect: 'manual',
  });
  expect(paid.status).toBeLessThan(400);

  // The review registers it and starts the route: the officer may decide.
  const officer = apiClient(baseUrl, await tokenFor(baseUrl, OFFICER));
  await expect
    .poll(
      async () =>
        (await officer.get<{ actions?: string[] }>(`/api/v1/eservices/applications/${number}`)).body.actions,
      { timeout: 60_000 },
    )
    .toEqual(['decide']);
  return number;
}

test('the officer filters a service’s applications, approves a visitor, and a stale view is told to reload', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // Names take letters only: the run's id with its digits as letters.
  const id = runId().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  const tag = id.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const passports: [string, string] = [`K${tag}1`, `K${tag}2`];
  const number = await applicationInReview(id, passports);

  // The officer opens the list from the menu; the e-visa is among the services.
  const page = await signedInPage(browser, OFFICER);
  await page
    .getByRole('navigation', { name: 'Əsas menyu' })
    .getByRole('link', { name: 'E-xidmət müraciətləri' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-xidmət müraciətləri' })).toBeVisible();
  await page.getByLabel('Xidmət', { exact: true }).selectOption('e-visa');
  await expect(page.getByRole('table', { name: 'Müraciətlər: Elektron viza' })).toBeVisible();
  await expectAccessible(page, 'applications list');

  // The filter row: the second visitor's passport number finds exactly this application, in review.
  await field(page, 'Nömrə, ad, pasport nömrəsi və ya FİN').fill(passports[1].toLowerCase());
  await page.getByLabel('Vəziyyət', { exact: true }).selectOption('in-review');
  await page.getByRole('button', { name: 'Axtar' }).click();
  const rows = page.getByRole('table', { name: 'Müraciətlər: Elektron viza' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row.getByRole('rowheader')).toContainText(number);
  await expect(row).toContainText(`Kraus${id} Lena, Vogel${id} Lena`);
  await expect(row).toContainText('Baxılır');
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} qədər/);
  expect(new URL(page.url()).searchParams.get('q')).toBe(passports[1].toLowerCase());
  // The same text among decided applications: none.
  await page.getByLabel('Vəziyyət', { exact: true }).selectOption('decided');
  await page.getByRole('button', { name: 'Axtar' }).click();
  // (A page the server's read budget cut short says so instead.)
  await expect(page.getByText(/^Bu səhifədə (müraciət yoxdur|uyğun müraciət tapılmadı)/)).toBeVisible();
  await expectAccessible(page, 'filtered list, empty');
  // A wrong date is refused by the form, not sent.
  await field(page, 'Göndərilib (başlanğıc)').fill('31.02.2026');
  await page.getByRole('button', { name: 'Axtar' }).click();
  await expect(page.getByText('Tarixi gg.aa.iiii kimi yazın.')).toBeVisible();
  await field(page, 'Göndərilib (başlanğıc)').fill('');
  await page.getByLabel('Vəziyyət', { exact: true }).selectOption('in-review');
  await page.getByRole('button', { name: 'Axtar' }).click();
  await expect(rows).toHaveCount(1);

  // A second view of the application (another session: tokens live in the tab), opened now,
  // before the decision below.
  const second = await signedInPage(browser, OFFICER);
  await second.goto(`/applications/view/?number=${number}`);
  await expect(second.getByRole('heading', { level: 1, name: `Müraciət № ${number}` })).toBeVisible();

  // The decision view from the list: data per applicant, scans, checks, log, the document's link.
  await row.getByRole('link', { name: `Müraciət ${number}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Müraciət № ${number}` })).toBeVisible();
  const first = page.getByRole('region', { name: `Müraciətçi 1: Kraus${id} Lena` });
  await expect(first).toContainText(passports[0]);
  await expect(first.getByRole('link', { name: /^passport\.pdf/ })).toBeVisible();
  await expect(first).toContainText('Problem tapılmadı.');
  await expect(page.getByTestId('application-state')).toHaveText('Baxılır');
  await expect(page.getByRole('link', { name: /^Sənəd № / })).toHaveAttribute(
    'href',
    /\/documents\/view\/\?id=/,
  );
  await expect(page.getByRole('table', { name: 'Müraciətin tarixçəsi' })).toContainText('Qeydiyyata alınıb');
  await expectAccessible(page, 'decision view');

  // A refusal needs a reason; then the first visitor is approved.
  const decideFirst = page.getByRole('group', { name: `Qərar: müraciətçi 1 (Kraus${id} Lena)` });
  await decideFirst.getByLabel('İmtina et').check();
  await page.getByRole('button', { name: 'Qərarları yaz' }).click();
  await expect(page.getByText('İmtinanın səbəbini yazın.')).toBeVisible();
  await decideFirst.getByLabel('Təsdiq et').check();
  await page.getByRole('button', { name: 'Qərarları yaz' }).click();
  await expect(page.getByText('Qərarlar yazıldı.')).toBeVisible();
  await expect(page.getByTestId('decision-0')).toHaveText(/^Təsdiq edilib, \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await expect(page.getByTestId('decision-1')).toHaveText('Qərar verilməyib.');
  await expectAccessible(page, 'decision recorded');

  // The second view decides on what it saw before that decision: stale, reload shows it.
  const decideSecond = second.getByRole('group', { name: `Qərar: müraciətçi 2 (Vogel${id} Lena)` });
  await decideSecond.getByLabel('İmtina et').check();
  await decideSecond.getByLabel('İmtinanın səbəbi').fill('Pasportun surəti oxunmur');
  await second.getByRole('button', { name: 'Qərarları yaz' }).click();
  await expect(second.getByTestId('stale')).toContainText('Bu müraciətdə başqası artıq qərar verib.');
  await expect(second.getByTestId('decision-0')).toHaveText('Qərar verilməyib.');
  await expectAccessible(second, 'stale decision');
  await second.getByRole('button', { name: 'Müraciəti yenidən yüklə' }).click();
  await expect(second.getByTestId('decision-0')).toHaveText(/^Təsdiq edilib, /);
  await expect(second.getByTestId('stale')).toHaveCount(0);
  await expect(
    second.getByRole('group', { name: `Qərar: müraciətçi 1 (Kraus${id} Lena)` }).getByLabel('Təsdiq et'),
  ).toBeChecked();
});

test('a user whose roles cannot see applications has no menu entry for them', async ({ browser }) => {
  const page = await signedInPage(browser, 'archivist');
  await expect(
    page.getByRole('navigation', { name: 'Əsas menyu' }).getByRole('link', { name: 'E-xidmət müraciətləri' }),
  ).toHaveCount(0);
});
