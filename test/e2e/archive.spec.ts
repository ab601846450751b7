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

test('the archivist closes a case file of the nomenclature, and sees its document archived with its retention (decree 935 §153)', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Arrange: a case file of this run (5 years) and a letter filed into it, through the API.
  const id = runId();
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
  const caseFile = await admin.post<{ id: string; index: string }>('/api/v1/reference/nomenclature', {
    name: { az: `Arxiv sınağı ${id}`, en: `Archive test ${id}`, ru: `Архивный тест ${id}` },
    index: `99-${id}`.slice(0, 20),
    retentionYears: 5,
    active: true,
  });
  expect(caseFile.status, JSON.stringify(caseFile.body)).toBe(201);
  const letter = await incomingThroughApi<{ id: string; version: number; registration: { number: string } }>(
    clerk,
    id,
    `Arxiv sınağı ${id}`,
  );
  const filed = await clerk.post('/api/v1/documents/group-update', {
    kind: 'incoming',
    ids: [letter.id],
    set: { nomenclatureId: caseFile.body.id },
  });
  expect(filed.status).toBe(200);
  const year = Number(bakuDate(await serverNow(baseUrl)).slice(0, 4));

  // Act: the archivist closes the case file on the archive page.
  await signIn(page, 'archivist');
  const menu = page.getByRole('navigation', { name: 'Əsas menyu' });
  await menu.getByRole('link', { name: 'Arxiv' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arxiv' })).toBeVisible();
  await expectAccessible(page, 'archive page');
  const close = page.getByRole('region', { name: 'İşin bağlanması' });
  await close
    .getByLabel('İş (nomenklatur)')
    .selectOption({ label: `${caseFile.body.index} Arxiv sınağı ${id} (5 il)` });
  await close.getByLabel('İl').fill(String(year));
  await close.getByRole('button', { name: 'İşi bağla' }).click();

  // Assert: one document archived; the holdings list it with its retention.
  await expect(page.getByRole('status').filter({ hasText: 'Arxivləşdirilən sənədlər: 1' })).toBeVisible();
  const holdings = page.getByRole('region', { name: 'Arxivdəki sənədlər (saxlanma müddətinə görə)' });
  await holdings
    .getByLabel('İş üzrə süzgəc')
    .selectOption({ label: `${caseFile.body.index} Arxiv sınağı ${id} (5 il)` });
  const row = holdings.getByRole('row').filter({ hasText: letter.registration.number });
  await expect(async () => {
    await holdings.getByLabel('İş üzrə süzgəc').selectOption({ label: 'Bütün işlər' });
    await holdings
      .getByLabel('İş üzrə süzgəc')
      .selectOption({ label: `${caseFile.body.index} Arxiv sınağı ${id} (5 il)` });
    await expect(row).toContainText(`31.12.${year + 5}`, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText('Yoxdur');
  await expectAccessible(page, 'archive holdings');

  // The card shows the archive state.
  await row.getByRole('link', { name: letter.registration.number }).click();
  await page.getByRole('tab', { name: 'Tərkib', exact: true }).click();
  const state = page.getByRole('region', { name: 'Arxiv' });
  await expect(state).toContainText(`Saxlanılır: 31.12.${year + 5} tarixinədək`);
  await expectAccessible(page, 'card with the archive state');

  // The integrity check runs on request and reports the archive intact.
  await menu.getByRole('link', { name: 'Arxiv' }).click();
  const reports = page.getByRole('region', { name: 'Bütövlük hesabatları' });
  await reports.getByRole('button', { name: 'İndi yoxla' }).click();
  await expect(async () => {
    await reports.getByRole('button', { name: 'Yenilə' }).click();
    await expect(reports.getByRole('row').nth(1)).toContainText('Uyğundur', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  // Disposal acts: nothing of this run is due (its retention runs for years), so nothing can be
  // drawn up; the acts drawn up earlier are listed (the flow itself: test/integration/archive/disposal.test.ts).
  const disposal = page.getByRole('region', { name: 'Məhv etmə aktları' });
  await expect(disposal).toContainText('daimi saxlanılmaq üçün arxivləşdirilir');
  await expect(disposal.getByRole('button', { name: 'Akt tərtib et' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aktlar', exact: true })).toBeVisible();
  await expectAccessible(page, 'archive page with the disposal acts');
});
