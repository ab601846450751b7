import { expect, test, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { apiClient, tokenFor } from '../support/api';
import { adminUser, bakuDate, displayDate, expectAccessible, runId, serverNow } from './helpers';

/**
 * Issue 15's journey in the browser: a visitor applies for an e-visa on the public pages, confirms
 * the address from the e-mail (maildev), pays on the local payment page, the officer approves the
 * route's task (through the API, like other specs arrange), and the visitor finds the decision by
 * number and passport number, downloads the visa and checks its QR code's text on /e/verify/.
 */
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const maildevApi = `http://127.0.0.1:${process.env.KARGUZAR_MAILDEV_PORT ?? Number(new URL(baseUrl).port) + 6}/api`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by the start of its label (the label ends with "(required)"). */
const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}`));

/** The confirmation link of the e-mail to `address` about application `number` (polled: mail is async). */
async function confirmationLink(address: string, number: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${maildevApi}/email`)).json()) as Array<{
        subject: string;
        to: Array<{ address: string }>;
        text: string;
      }>;
      const mail = mails.find((m) => m.to.some((t) => t.address === address) && m.subject.includes(number));
      link = mail?.text.match(/(https?:\/\/\S+\/e\/confirm\/\?\S+)/)?.[1];
      return link;
    })
    .toBeDefined();
  return link!;
}

/** The next download in any page of the context (the result link opens a new tab). */
function nextDownload(context: BrowserContext): Promise<Download> {
  return new Promise((resolve) => {
    for (const p of context.pages()) p.once('download', resolve);
    context.on('page', (p) => p.once('download', resolve));
  });
}

/** Looks the application up on the status page until its state reads `state`. */
async function lookUpUntil(page: Page, passport: string, state: string) {
  await field(page, 'Pasport nömrəsi və ya FİN').fill(passport);
  await expect(async () => {
    await page.getByRole('button', { name: 'Yoxla' }).click();
    await expect(page.getByTestId('application-state')).toHaveText(state, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
}

test('an e-visa from the public form to the verified QR code: sent, confirmed, paid, approved, downloaded, checked', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const id = runId();
  const email = `journey-${id}@example.de`;
  const passport = `J${id.toUpperCase().replace(/[^0-9A-Z]/g, '')}7`;
  const now = await serverNow(baseUrl);
  const arrival = displayDate(bakuDate(now, 10));
  // Ten years of passport left, from the server's date: valid past the visa whenever this runs.
  const passportExpiry = displayDate(bakuDate(now, 3650));

  // The visitor fills the form, uploads the passport scan and sends it.
  await page.goto('/e/service/?agency=demo1&code=e-visa');
  await expect(page.getByRole('heading', { level: 1, name: 'Müraciət: Elektron viza' })).toBeVisible();
  await expectAccessible(page, 'e-visa form');
  await page.getByRole('radio', { name: /Standart/ }).check();
  await field(page, 'E-poçt').fill(email);
  await field(page, 'Telefon').fill('+49 30 901820');
  const a = page.getByRole('group', { name: 'Müraciətçi 1', exact: true });
  await field(a, 'Soyad (pasportdakı kimi)').fill('Schneider');
  await field(a, 'Ad (pasportdakı kimi)').fill('Jonas');
  await field(a, 'Cins').selectOption('male');
  await field(a, 'Doğum tarixi').fill('06.05.1985');
  await field(a, 'Vətəndaşlıq').selectOption('DEU');
  await field(a, 'Pasportun nömrəsi').fill(passport);
  await field(a, 'Pasportun verilmə tarixi').fill('03.02.2021');
  await field(a, 'Pasportun etibarlılıq müddəti').fill(passportExpiry);
  await field(a, 'Səfərin məqsədi').selectOption('tourism');
  await field(a, 'Gəliş tarixi').fill(arrival);
  await field(a, 'Azərbaycanda ünvan').fill('Bakı, Neftçilər pr. 1');
  await field(a, 'Pasportun şəkilli səhifəsinin surəti').setInputFiles(
    fileURLToPath(new URL('./fixtures/scan-3-pages.pdf', import.meta.url)),
  );
  await expect(a.getByRole('button', { name: /^Sil: scan-3-pages.pdf/ })).toBeVisible();
  await page.getByRole('button', { name: 'Müraciəti göndər' }).click();

  // The receipt with the number.
  await expect(page.getByRole('heading', { level: 1, name: 'Müraciət qəbul edildi' })).toBeVisible();
  const number = (await page.getByTestId('application-number').textContent())!.trim();
  expect(number).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(page, 'receipt');

  // The e-mail's link confirms the address; the page leads on to the payment.
  await page.goto(await confirmationLink(email, number));
  await expect(page.getByText(`Müraciət ${number} təsdiq edildi.`)).toBeVisible();
  await expectAccessible(page, 'confirmation');
  await page.getByRole('link', { name: 'Ödənişə keçin' }).click();
  await expect(field(page, 'Müraciətin nömrəsi')).toHaveValue(number);
  await lookUpUntil(page, passport, 'Ödəniş gözlənilir');
  await expectAccessible(page, 'status awaiting payment');
  await page.getByRole('button', { name: /^(Ödə: |İndi ödə)/ }).click();

  // The local payment page: pay; back on the status page.
  await page.waitForURL(/\/pay\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Ödəniş' })).toBeVisible();
  await expectAccessible(page, 'local payment page');
  await page.getByRole('button', { name: 'Ödə', exact: true }).click();
  await page.waitForURL(/\/e\/status\//);
  await expect(field(page, 'Müraciətin nömrəsi')).toHaveValue(number);
  await lookUpUntil(page, passport, 'Baxılır');

  // The officer approves the registered application's route task (Arrange through the API).
  const admin = apiClient(baseUrl, await tokenFor(baseUrl, adminUser));
  const officer = apiClient(baseUrl, await tokenFor(baseUrl, 'appealshead'));
  let documentId: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await admin.get<{ documentId?: string }>(`/api/v1/eservices/applications/${number}`);
        documentId = res.body.documentId;
        return documentId;
      },
      { timeout: 60_000 },
    )
    .toBeDefined();
  type Execution = {
    documentVersion: number;
    assignments?: Array<{ id: string; status: string; actions: string[] }>;
  };
  let task: { id: string; version: number } | undefined;
  await expect
    .poll(
      async () => {
        const res = await officer.get<Execution>(`/api/v1/documents/${documentId}/execution`);
        const pending = res.body.assignments?.find(
          (x) => x.status === 'pending' && x.actions.includes('approve'),
        );
        task = pending && { id: pending.id, version: res.body.documentVersion };
        return task;
      },
      { timeout: 60_000 },
    )
    .toBeDefined();
  const approved = await officer.post(`/api/v1/documents/${documentId}/assignments/${task!.id}/approve`, {
    version: task!.version,
    comment: 'Viza verilsin',
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);

  // The visitor finds the decision by number and passport number and downloads the visa.
  await page.goto(`/e/status/?agency=demo1&number=${number}`);
  await expect(field(page, 'Müraciətin nömrəsi')).toHaveValue(number);
  await lookUpUntil(page, passport, 'Qərar verilib');
  await expect(page.locator('.eserv-decisions')).toContainText('Təsdiq edilib');
  await expectAccessible(page, 'status decided');
  const downloading = nextDownload(context);
  await page.getByRole('link', { name: 'Nəticəni yüklə (müraciətçi 1)' }).click();
  const download = await downloading;
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject()!;
  expect(code.startsWith('AZV:')).toBe(true);

  // The QR code's text checked on /e/verify/; one changed character fails.
  await page.goto('/e/verify/');
  await expect(page.getByRole('heading', { level: 1, name: 'Elektron vizanın yoxlanılması' })).toBeVisible();
  await expectAccessible(page, 'verify');
  await field(page, 'QR kodun mətni').fill(code);
  await page.getByRole('button', { name: 'Yoxla' }).click();
  const visa = page.locator('.eserv-visa');
  await expect(visa.getByRole('status')).toHaveText('Viza həqiqidir: imza təsdiq edildi.');
  await expect(visa).toContainText(passport);
  await expect(visa).toContainText(/Schneider/i);
  await expect(visa).toContainText('06.05.1985');
  await expectAccessible(page, 'verified visa');
  const flipped = code.slice(0, -3) + (code.at(-3) === 'A' ? 'B' : 'A') + code.slice(-2);
  await field(page, 'QR kodun mətni').fill(flipped);
  await page.getByRole('button', { name: 'Yoxla' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Viza təsdiq edilmədi');
  await expect(visa).toHaveCount(0);
  await expectAccessible(page, 'refused code');
});
