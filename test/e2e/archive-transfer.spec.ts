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

test('the archivist builds the transfer package of a permanent case file and downloads it (decree 935 §153.7)', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Arrange: a permanent case file of this run with an archived letter, through the API.
  const id = runId();
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
  const archivist = apiClient(baseUrl, await tokenFor(baseUrl, 'archivist'));
  const caseFile = await admin.post<{ id: string; index: string }>('/api/v1/reference/nomenclature', {
    name: { az: `Daimi sınaq ${id}`, en: `Permanent test ${id}`, ru: `Постоянный тест ${id}` },
    index: `98-${id}`.slice(0, 20),
    retentionYears: null,
    active: true,
  });
  expect(caseFile.status, JSON.stringify(caseFile.body)).toBe(201);
  const letter = await incomingThroughApi<{ id: string }>(clerk, id, `Daimi sınaq ${id}`);
  const filed = await clerk.post('/api/v1/documents/group-update', {
    kind: 'incoming',
    ids: [letter.id],
    set: { nomenclatureId: caseFile.body.id },
  });
  expect(filed.status).toBe(200);
  const year = Number(bakuDate(await serverNow(baseUrl)).slice(0, 4));
  const closed = await archivist.post('/api/v1/archive/cases', { nomenclatureId: caseFile.body.id, year });
  expect(closed.status).toBe(200);

  // Act: the archivist starts the package on the archive page.
  await signIn(page, 'archivist');
  await page.getByRole('navigation', { name: 'Əsas menyu' }).getByRole('link', { name: 'Arxiv' }).click();
  const section = page.getByRole('region', { name: 'Dövlət arxivinə təhvil paketləri' });
  await expect(section).toBeVisible();
  await expectAccessible(page, 'archive page with transfer packages');
  await section
    .getByLabel('Daimi saxlanılan iş')
    .selectOption({ label: `${caseFile.body.index} Daimi sınaq ${id}` });
  await section.getByLabel('İl').fill(String(year));
  await section.getByRole('button', { name: 'Paketi hazırla' }).click();

  // Assert: the package is started with the letter, becomes ready (the page follows it), and downloads.
  await expect(
    section.getByRole('status').filter({ hasText: 'Paketə daxil edilən sənədlər: 1' }),
  ).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: `${caseFile.body.index} Daimi sınaq ${id}` });
  await expect(row).toContainText('Hazırdır', { timeout: 120_000 });
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await expect(row).toContainText(/[0-9a-f]{64}/);
  await expectAccessible(page, 'a ready transfer package');
  const link = row.getByRole('button', { name: /^Yüklə \(karguzar-.*\.tar\)$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^karguzar-98-.*\.tar$/);
});
