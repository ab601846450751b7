import { expect, test } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import {
  bakuDate,
  clerkUser,
  expectAccessible,
  incomingThroughApi,
  runId,
  serverNow,
  signIn,
} from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

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
  await expect(page.getByLabel('Hesabat', { exact: true })).toHaveValue('overdue');
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
  // Arrange: a document of this run under the controller's control, due in a month.
  const id = runId();
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const head = apiClient(baseUrl, await tokenFor(baseUrl, 'head'));
  const employees = (
    await clerk.get<{ items: Array<{ id: string; username: string }> }>('/api/v1/employees?limit=100')
  ).body.items;
  const emp = (u: string) => employees.find((e) => e.username === u)!.id;
  const doc = await incomingThroughApi<{ id: string; version: number }>(clerk, id, `İntizam sınağı ${id}`);
  const today = bakuDate(await serverNow(baseUrl));
  const resolved = await head.post(`/api/v1/documents/${doc.id}/resolutions`, {
    version: doc.version,
    text: 'İcra edin',
    executors: [{ employeeId: emp('executor1'), responsible: true }],
    controllerId: emp('controller'),
    dueDate: bakuDate(await serverNow(baseUrl), 30),
  });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);

  await signIn(page, 'controller');
  await page.goto('/reports/');
  await page.getByRole('link', { name: 'İcra intizamı (qrafiklər)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'İcra intizamı' })).toBeVisible();
  // The period is the server's year (not the machine's).
  await page.getByLabel('Qeydiyyat dövrü').fill(today.slice(0, 4));
  await page.getByRole('button', { name: 'Göstər' }).click();
  const people = page.getByRole('region', { name: 'İcraçılar üzrə icra intizamı' });
  await expect(people).toBeVisible();
  await expectAccessible(page, 'execution-discipline dashboard');
  const toggle = people.getByRole('button', { name: 'Rəqəmlər cədvəl kimi' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(people.getByRole('columnheader', { name: 'Vaxtında, %' })).toBeVisible();
  await expectAccessible(page, 'dashboard with a chart shown as a table');
});
