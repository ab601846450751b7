import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { jpegScan, officeFile, readPdf } from '../support/scans';
import { clerkUser, expectAccessible, incomingThroughApi, runId, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const scan = fileURLToPath(new URL('./fixtures/scan-3-pages.pdf', import.meta.url));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The value (dd) a term (dt) of a description list names. */
const valueOf = (list: Locator, term: string) =>
  list.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

test('the clerk sees the single electronic file of a document on its card, downloads it and checks its SHA-256 (decree 935 §142.6, §142.7)', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Arrange: a registered citizen's letter of this run; its files are added on the card.
  const id = runId();
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const letter = await incomingThroughApi<{ id: string; registration: { number: string } }>(
    clerk,
    id,
    `Vahid fayl sınağı ${id}`,
  );
  const docx = officeFile(4000, 11);
  const files = [
    { name: 'scan-3-pages.pdf', mimeType: 'application/pdf', buffer: await readFile(scan) },
    { name: 'Arayış.docx', mimeType: DOCX, buffer: Buffer.from(docx) },
    { name: 'skan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegScan(300, 420, 3)) },
  ];

  await signIn(page, clerkUser);
  await page.goto(`/documents/view/?id=${letter.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Daxil olan sənəd № / })).toBeVisible();
  const contentsTab = page.getByRole('tab', { name: 'Tərkib', exact: true });
  await contentsTab.click();
  await expect(contentsTab).toHaveAttribute('aria-selected', 'true');

  // Before any file: the single file holds the requisites page(s) only.
  const section = page.getByRole('region', { name: 'Vahid elektron fayl' });
  await expect(section.locator('dd code')).toHaveText(/^[0-9a-f]{64}$/);
  const shaBefore = await section.locator('dd code').textContent();

  // Act: the clerk adds a 3-page PDF, a docx and a JPEG through the card's upload form.
  await page.getByLabel('Faylları seçin (skan, mətn, şəkil, audio, video)').setInputFiles(files);
  await page.getByRole('button', { name: 'Yüklə', exact: true }).click();
  await expect(page.getByText('Yükləndi: 3 fayl')).toBeVisible({ timeout: 30_000 });
  for (const file of files)
    await expect(page.getByRole('row', { name: new RegExp(file.name) })).toBeVisible();

  // Assert: the section is read again for the changed document, the docx named as embedded.
  await expect(section.locator('dd code')).not.toHaveText(shaBefore!);
  await expect(section.getByRole('heading', { level: 3, name: 'Vahid elektron fayl' })).toBeVisible();
  const dl = section.locator('dl');
  await expect(valueOf(dl, 'Qoşulmuş orijinal fayllar')).toHaveText('Arayış.docx');
  await expect(section).toContainText('İmzalanana qədər dəyişikliklərlə yenilənir');
  const shown = (await section.locator('dd code').textContent())!;
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  const pages = Number(await valueOf(dl, 'Səhifələr').textContent());
  // The requisites page(s), the PDF's 3 pages and the JPEG's one.
  expect(pages).toBeGreaterThanOrEqual(1 + 3 + 1);
  await expectAccessible(page, 'card contents tab with the single file');

  // The download link gives the PDF itself, named by the registration number, with the SHA-256 shown.
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Vahid faylı endir' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    `${letter.registration.number.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`,
  );
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  expect(sha256Hex(bytes)).toBe(shown);
  const pdf = await readPdf(bytes);
  expect(pdf.pageCount).toBe(pages);
  expect(pdf.attachments.map((a) => a.filename)).toEqual(['Arayış.docx']);
  expect(sha256Hex(pdf.attachments[0]!.content)).toBe(sha256Hex(docx));
  expect(pdf.texts.join(' ')).toContain(`Vahid fayl sınağı ${id}`);

  // In English: the section's title and terms, and still accessible.
  await page.getByLabel('Dil').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const sectionEn = page.getByRole('region', { name: 'Single electronic file' });
  await expect(sectionEn.getByRole('heading', { level: 3, name: 'Single electronic file' })).toBeVisible();
  await expect(valueOf(sectionEn.locator('dl'), 'Pages')).toHaveText(String(pages));
  await expect(sectionEn.locator('dd code')).toHaveText(shown);
  await expect(sectionEn.getByRole('button', { name: 'Download the single file' })).toBeVisible();
  await expectAccessible(page, 'card contents tab with the single file (en)');
  await page.getByLabel('Language').selectOption('az');
});
