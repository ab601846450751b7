import { expect, test } from '@playwright/test';
import { apiClient, tokenFor, type Api } from '../support/api';
import { clerkUser, expectAccessible, incomingThroughApi, password, runId, signIn } from './helpers';

type Doc = {
  id: string;
  version: number;
  status: string;
  summary: string;
  classificationId?: string;
  registration?: { number: string; at: string };
};
type Item = { id: string; parentId?: string; active: boolean; name: { az: string } };

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Month and year of an instant in Baku, as the filter row writes them ("11", "2026"). */
function bakuMonth(iso: string): { month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Baku',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(iso));
  return {
    month: parts.find((p) => p.type === 'month')?.value ?? '',
    year: parts.find((p) => p.type === 'year')?.value ?? '',
  };
}

test('a clerk filters the incoming list, saves a filter and runs a group operation', async ({ page }) => {
  test.setTimeout(180_000);
  // Arrange: three incoming documents of this run (one cancelled), through the API
  const id = runId();
  const tag = `Siyahı sınağı ${id}`;
  const clerk: Api = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser, password));
  const create = (suffix: string) => incomingThroughApi<Doc>(clerk, id, `${tag} ${suffix}`);
  const first = await create('birinci ərizə');
  const second = await create('ikinci ərizə');
  const third = await create('üçüncü şikayət');
  const decoy = await clerk.post<Doc>('/api/v1/documents/incoming', {
    sender: { kind: 'citizen', name: `Vətəndaş ${id}`, phone: '+994500002001' },
    summary: `Başqa mövzu ${id}`,
  });
  expect(decoy.status).toBe(201);
  const cancelled = await clerk.post<Doc>(`/api/v1/documents/${third.id}/operations/cancel`, {
    version: third.version,
  });
  expect(cancelled.status).toBe(200);
  const classifications = await clerk.get<{ items: Item[] }>('/api/v1/reference/classifications?limit=100');
  const classification = classifications.body.items.find((c) => c.active && !c.parentId);
  expect(classification, 'a top-level classification in the demo data').toBeDefined();
  const numberOf = (d: Doc) => d.registration?.number ?? '';
  const { month, year } = bakuMonth(first.registration?.at ?? '');
  // Data rows (the filter row has no checkbox): every row shown, not only this run's.
  const rows = page.locator('tbody tr').filter({ has: page.getByRole('checkbox', { name: /^Seç: / }) });

  // Act + Assert: the list with its filter row
  await signIn(page, clerkUser);
  await page
    .getByRole('navigation', { name: 'Əsas menyu' })
    .getByRole('link', { name: 'Daxil olan' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daxil olan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Qeydiyyat', exact: true })).toHaveAttribute(
    'href',
    '/documents/new/?kind=incoming',
  );
  for (const column of ['Qeydiyyat tarixi', 'Qeydiyyat nömrəsi', 'Göndərən', 'Sənədin tarixi', 'Status']) {
    await expect(page.getByLabel(`Filtr: ${column}`, { exact: true })).toBeVisible();
  }

  await expect(page.getByRole('row', { name: new RegExp(escape(numberOf(decoy.body))) })).toBeVisible();

  // Summary contains (Enter applies at once); the filter goes into the address
  await page.getByLabel('Filtr: Qısa məzmun').fill(tag);
  await page.getByLabel('Filtr: Qısa məzmun').press('Enter');
  await expect(rows).toHaveCount(3);
  await expect(page).toHaveURL(/[?&]summary=/);
  await expect(rows.first().getByRole('link', { name: numberOf(third) })).toHaveAttribute(
    'href',
    `/documents/view/?id=${third.id}`,
  );
  await expectAccessible(page, 'incoming list with the filter row');

  // Registration date: the month as *.MM.yyyy, then as MM.yyyy (today in Baku)
  const dateFilter = page.getByLabel('Filtr: Qeydiyyat tarixi');
  await dateFilter.fill(`*.${month}.${year}`);
  await dateFilter.press('Enter');
  await expect(page).toHaveURL(/[?&]registered=/);
  await expect(rows).toHaveCount(3);
  await dateFilter.fill(`01.${Number(year) - 20}`);
  await dateFilter.press('Enter');
  await expect(page.getByText('Filtrə uyğun sənəd tapılmadı.')).toBeVisible();
  await expect(rows).toHaveCount(0);
  // A value the server cannot read: its message under the cell, the field marked invalid
  await dateFilter.fill('31.02.2026');
  await dateFilter.press('Enter');
  await expect(dateFilter).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error').first()).toContainText('gg.aa.iiii');
  await expectAccessible(page, 'incoming list with a bad date filter');
  await dateFilter.fill(`${month}.${year}`);
  await dateFilter.press('Enter');
  await expect(dateFilter).not.toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(3);

  // Status (a pick list of localized names)
  await page.getByLabel('Filtr: Status').selectOption({ label: 'Ləğv edilib' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(numberOf(third));
  await page.getByLabel('Filtr: Status').selectOption({ label: 'Qeydiyyata alınıb' });
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/[?&]status=registered/);

  // Sorting by registration date happens on the server: oldest first, then newest first
  await page.getByRole('button', { name: 'Qeydiyyat tarixi' }).click();
  await expect(page).toHaveURL(/[?&]order=asc/);
  await expect(rows.first()).toContainText(numberOf(first));
  await page.getByRole('button', { name: 'Qeydiyyat tarixi' }).click();
  await expect(rows.first()).toContainText(numberOf(second));

  // Save the filter, clear everything, then reapply it from the saved list
  const filterName = `Ərizələr ${id}`;
  await page.getByRole('button', { name: 'Filtri yadda saxla' }).click();
  await page.getByLabel('Filtrin adı').fill(filterName);
  await expectAccessible(page, 'saving a filter');
  await page.getByRole('button', { name: 'Yadda saxla', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: filterName })).toContainText('yadda saxlanıldı');
  await page.getByRole('button', { name: 'Filtrləri təmizlə' }).click();
  await expect(page.getByLabel('Filtr: Qısa məzmun')).toHaveValue('');
  await expect(page).not.toHaveURL(/summary=/);
  await page.getByLabel('Yadda saxlanmış filtr').selectOption({ label: filterName });
  await expect(page.getByLabel('Filtr: Qısa məzmun')).toHaveValue(tag);
  await expect(page.getByLabel('Filtr: Qeydiyyat tarixi')).toHaveValue(`${month}.${year}`);
  await expect(rows).toHaveCount(2);
  // The filtered list is a bookmark: a fresh load of the address shows the same rows
  await page.reload();
  await expect(page.getByLabel('Filtr: Status')).toHaveValue('registered');
  await expect(rows).toHaveCount(2);
  await expect(page.getByLabel('Yadda saxlanmış filtr')).toHaveValue(/.+/);

  // Group operation on two selected rows: set the classification
  await page.getByRole('checkbox', { name: `Seç: ${numberOf(first)}`, exact: true }).check();
  await page.getByRole('checkbox', { name: `Seç: ${numberOf(second)}`, exact: true }).check();
  await page.getByRole('button', { name: 'Qrup əməliyyatı' }).click();
  const dialog = page.getByRole('dialog', { name: 'Qrup əməliyyatı: 2 sənəd' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Təsnifat').selectOption({ label: classification?.name.az ?? '' });
  await expectAccessible(page, 'group operation dialog');
  await dialog.getByRole('button', { name: 'Tətbiq et' }).click();
  await expect(dialog.getByRole('status')).toContainText('Dəyişdirildi: 2, dəyişdirilmədi: 0.');
  await expect(dialog.getByRole('row', { name: new RegExp(escape(numberOf(first))) })).toContainText(
    'Dəyişdirildi',
  );
  await dialog.getByRole('button', { name: 'Bağla' }).click();
  await expect(dialog).toBeHidden();
  for (const doc of [first, second]) {
    const card = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
    expect(card.body.classificationId).toBe(classification?.id);
  }
  expect((await clerk.get<Doc>(`/api/v1/documents/${third.id}`)).body.classificationId).toBeUndefined();

  // The classification filter (no column of its own) finds exactly those two
  await page.getByLabel('Filtr: Status').selectOption('');
  await expect(rows).toHaveCount(3);
  await page.getByText('Əlavə filtrlər').click();
  await page.getByLabel('Filtr: Təsnifat').selectOption(classification?.id ?? '');
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`classificationId=${classification?.id}`));

  // Delete the saved filter
  await page.getByLabel('Yadda saxlanmış filtr').selectOption({ label: filterName });
  await page.getByRole('button', { name: 'Filtri sil' }).click();
  await expect(page.getByRole('status').filter({ hasText: filterName })).toContainText('silindi');
  await expect(
    page.getByLabel('Yadda saxlanmış filtr').locator('option', { hasText: filterName }),
  ).toHaveCount(0);

  // The filter controls keep their names in the other languages
  await page.getByLabel('Dil').selectOption('en');
  await expect(page.getByLabel('Filter: Summary')).toHaveValue(tag);
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByLabel('Фильтр: Краткое содержание')).toHaveValue(tag);
});
