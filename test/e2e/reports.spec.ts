import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// Hesabatlar: a controller opens the overdue report (the page's default), exports it to Excel; the
// page shows the background job's progress bar, then the browser starts the download.
test('a controller exports the overdue report: a progress bar, then the download starts', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'controller');
  await page
    .getByRole('navigation', { name: 'Əsas menyu' })
    .getByRole('link', { name: 'Hesabatlar' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hesabatlar' })).toBeVisible();
  await expect(page.getByLabel('Hesabat')).toHaveValue('overdue');
  await expect(page.getByRole('form', { name: 'Hesabat süzgəcləri' })).toBeVisible();
  await expectAccessible(page, 'reports page with the overdue report');

  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Excel-ə ixrac' }).click();
  await expect(page.getByRole('progressbar', { name: 'Excel faylı hazırlanır' })).toBeVisible();
  await expectAccessible(page, 'reports page while the export runs');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByRole('status').filter({ hasText: 'Yüklənir:' })).toBeVisible();
});

test('the execution-discipline dashboard draws its charts, with the numbers one click away', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'controller');
  await page.goto('/reports/');
  await page.getByRole('link', { name: 'İcra intizamı (qrafiklər)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'İcra intizamı' })).toBeVisible();
  const people = page.getByRole('region', { name: 'İcraçılar üzrə icra intizamı' });
  await expect(people).toBeVisible();
  await expectAccessible(page, 'execution-discipline dashboard');
  const toggle = people.getByRole('button', { name: 'Rəqəmlər cədvəl kimi' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(people.getByRole('columnheader', { name: 'Vaxtında, %' })).toBeVisible();
  await expectAccessible(page, 'dashboard with a chart shown as a table');
});
