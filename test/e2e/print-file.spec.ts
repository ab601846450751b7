import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { readPdf } from '../support/scans';
import { clerkUser, expectAccessible, incomingThroughApi, runId, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

type Letter = { id: string; registration: { number: string; at: string } };
type Tenant = { name: { az: string }; legalAddress: string };

test('the card prints the electronic document with the registration code on page 1 and the paper-copy marking (decree 935 §146, §143)', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Arrange: a registered letter of this run and the agency's requisites.
  const id = runId();
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const letter = await incomingThroughApi<Letter>(clerk, id, `Çap sınağı ${id}`);
  const tenant = (await clerk.get<Tenant>('/api/v1/tenant')).body;
  await signIn(page, clerkUser);
  await page.goto(`/documents/view/?id=${letter.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Daxil olan sənəd № / })).toBeVisible();

  // Act: the card's print button.
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('button', { name: 'Sənədi çap üçün endir (1-ci səhifədə qeydiyyat kodu ilə)' })
    .click();
  const download = await downloading;

  // Assert: page 1 of the downloaded PDF carries the four requisites and the marking.
  const bytes = new Uint8Array(await readFile((await download.path())!));
  const { pageCount, texts } = await readPdf(bytes);
  const page1 = texts[0]!.replace(/\s+/g, ' ');
  expect(page1).toContain(`Qeydiyyat nömrəsi: ${letter.registration.number}`);
  expect(page1).toMatch(/Qeydiyyat tarixi: \d{2}\.\d{2}\.\d{4}/);
  expect(page1).toContain(tenant.legalAddress.split(/\s+/)[0]!);
  expect(page1).toContain(`Elektron sənədin surəti. ${pageCount} vərəq`);
  expect(page1).toContain('İnformasiya sistemi: Kargüzar');
  const status = page.getByRole('status').filter({ hasText: 'Çap faylı endirildi' });
  await expect(status).toContainText(`Elektron sənədin surəti. ${pageCount} vərəq`);
  await expect(status).toContainText(tenant.name.az);
  await expectAccessible(page, 'card after printing the document');
});

test('the paper original of an electronically registered document gets a printable stamp with its number and date (decree 935 §151)', async ({
  page,
}) => {
  // Arrange
  const id = runId();
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const letter = await incomingThroughApi<Letter>(clerk, id, `Ştamp sınağı ${id}`);
  await signIn(page, clerkUser);
  await page.goto(`/documents/view/?id=${letter.id}`);

  // Act
  await page.getByRole('link', { name: 'Kağız əsli üçün ştamp' }).click();

  // Assert
  await expect(page.getByRole('heading', { level: 1, name: 'Kağız əsli üçün ştamp' })).toBeVisible();
  const stamp = page.getByRole('region', { name: 'Ştamp: elektron qeydiyyat nömrəsi və tarixi' });
  await expect(stamp).toContainText('Elektron sənəd kimi qeydə alınıb');
  await expect(stamp).toContainText(`Qeydiyyat nömrəsi: ${letter.registration.number}`);
  await expect(stamp).toContainText(/Qeydiyyat tarixi: \d{2}\.\d{2}\.\d{4}/);
  await expect(page.getByRole('button', { name: 'Ştampı çap et' })).toBeVisible();
  await expectAccessible(page, 'the §151 paper stamp page');

  // On paper only the stamp is printed: the toolbar is hidden.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Ştampı çap et' })).toBeHidden();
  await expect(stamp).toBeVisible();
});
