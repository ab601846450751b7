import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { exportHeaders } from '../../functions/modules/documents/api/export.sheet';
import { apiClient, tokenFor, type Api } from '../support/api';
import {
  bakuDate,
  clerkUser,
  displayDate,
  expectAccessible,
  incomingThroughApi,
  password,
  runId,
  serverNow,
  signIn,
} from './helpers';

type Doc = {
  id: string;
  version: number;
  status: string;
  summary: string;
  registration?: { number: string };
};

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const people = { executor2: 'Abbasov Orxan Natiq oğlu', controller: 'İsmayılov Fərid Ənvər oğlu' };

test('the head sends a selection to execution with one resolution and exports it to Excel', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Arrange: three incoming documents of this run, one of them cancelled (it cannot be resolved)
  const id = runId();
  const tag = `Qrup sınağı ${id}`;
  const clerk: Api = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser, password));
  const create = (suffix: string) => incomingThroughApi<Doc>(clerk, id, `${tag} ${suffix}`);
  const first = await create('birinci');
  const second = await create('ikinci');
  const third = await create('üçüncü');
  expect(
    (await clerk.post(`/api/v1/documents/${third.id}/operations/cancel`, { version: third.version })).status,
  ).toBe(200);
  const numberOf = (d: Doc) => d.registration?.number ?? '';
  const due = bakuDate(await serverNow(baseUrl), 30);

  // Act: select the three in the incoming list
  await signIn(page, 'head');
  await page.goto(`/incoming/?summary=${encodeURIComponent(tag)}`);
  const rows = page.locator('tbody tr').filter({ has: page.getByRole('checkbox', { name: /^Seç: / }) });
  await expect(rows).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Səhifədəki bütün sənədləri seç' }).check();

  // One resolution for all three
  await page.getByRole('button', { name: 'İcraya göndər' }).click();
  const dialog = page.getByRole('dialog', { name: 'İcraya göndərmək: 3 sənəd' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Dərkənarın mətni').fill('Baxıb cavab hazırlayın.');
  await dialog.getByLabel('Məsul icraçı').selectOption({ label: people.executor2 });
  await dialog.getByLabel('Nəzarətçi', { exact: true }).selectOption({ label: people.controller });
  await dialog.getByLabel('İcra müddəti').fill(displayDate(due));
  await expectAccessible(page, 'group resolution dialog');
  await dialog.getByRole('button', { name: 'Dərkənarı göndər' }).click();

  // Assert: progress to the end, then a result per document
  await expect(dialog.getByText('3 / 3')).toBeVisible();
  await expect(dialog.getByRole('status').filter({ hasText: 'Yerinə yetirildi: 2' })).toContainText(
    'Yerinə yetirildi: 2, imtina: 1.',
  );
  for (const doc of [first, second])
    await expect(dialog.getByRole('row', { name: new RegExp(numberOf(doc)) })).toContainText(
      'Yerinə yetirildi',
    );
  await expect(dialog.getByRole('row', { name: new RegExp(numberOf(third)) })).toContainText('İmtina:');
  await expectAccessible(page, 'group resolution results');
  await dialog.getByRole('button', { name: 'Bağla' }).click();
  await expect(dialog).toBeHidden();
  for (const doc of [first, second]) {
    const card = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
    expect(card.body.status).toBe('in-execution');
  }
  await expect(rows.filter({ hasText: numberOf(first) })).toContainText('İcradadır');

  // Export the same selection (the list refreshed: select again) to Excel and read the file
  await page.getByRole('checkbox', { name: 'Səhifədəki bütün sənədləri seç' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel-ə ixrac' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^senedler-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText('Excel faylına çıxarıldı: 3 sənəd')).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const values: string[][] = [];
  sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  expect(values[0]).toEqual(exportHeaders('az'));
  expect(
    values
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual([first, second, third].map(numberOf).sort());
  const firstRow = values.find((r) => r[0] === numberOf(first));
  expect(firstRow?.[5]).toBe('İcradadır');
  expect(firstRow?.[6]).toBe(displayDate(due));
  expect(firstRow?.[7]).toBe(people.executor2);
  expect(firstRow?.[1]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

  // The cards of the selection print one per page
  await page.getByRole('link', { name: 'Kartları çap et' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kartlar: 3' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Qeydiyyat kartı' })).toHaveCount(3);
});
