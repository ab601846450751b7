import { expect, test } from '@playwright/test';
import { adminUser, bakuDate, displayDate, expectAccessible, serverNow, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const ACCOUNTANT = 'Sadıqov Elnur Bəhruz oğlu';
const SUBSTITUTE = 'Qasımov Tuğrul Fuad oğlu';

test('an admin records an absence with a substitute, sees the substitution follow it, and cancels it', async ({
  page,
}) => {
  // Arrange: a business trip far enough ahead to touch no other spec's work
  const now = await serverNow(baseUrl);
  const from = bakuDate(now, 200);
  const to = bakuDate(now, 204);
  const period = `${displayDate(from)} – ${displayDate(to)}`;

  // Act + Assert
  await signIn(page, adminUser);
  const menu = page.getByRole('navigation', { name: 'Əsas menyu' });
  await menu.getByRole('link', { name: 'İdarəetmə' }).click();
  await menu.getByRole('link', { name: 'Yoxluqlar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Yoxluqlar' })).toBeVisible();
  await expectAccessible(page, 'absences');

  await page.getByRole('button', { name: 'Yoxluq qeydə al' }).click();
  const form = page.getByRole('region', { name: 'Yoxluq qeydə al' });
  await form.getByLabel(/^İşçi/).selectOption({ label: `${ACCOUNTANT} (accountant)` });
  await form.getByLabel('Növü').selectOption({ label: 'Ezamiyyət' });
  await form.getByLabel('Başlama tarixi').fill(from);
  await form.getByLabel('Bitmə tarixi').fill(to);
  await form.getByLabel('Əvəz edən şəxs').selectOption({ label: `${SUBSTITUTE} (executor4)` });
  await form.getByLabel('Qeyd').fill('Bakı–Gəncə ezamiyyəti');
  await expectAccessible(page, 'absence form');
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status').filter({ hasText: ACCOUNTANT })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`${ACCOUNTANT}.*${period.replace(/\./g, '\\.')}`) });
  await expect(row).toContainText('Ezamiyyət');
  await expect(row).toContainText(SUBSTITUTE);
  await expect(row).toContainText('Qeydə alınıb');

  // The same days again are refused by the API, in Azerbaijani, on the field
  await page.getByRole('button', { name: 'Yoxluq qeydə al' }).click();
  await form.getByLabel(/^İşçi/).selectOption({ label: `${ACCOUNTANT} (accountant)` });
  await form.getByLabel('Başlama tarixi').fill(from);
  await form.getByLabel('Bitmə tarixi').fill(from);
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(form.locator('.alert-error')).toContainText('başqa yoxluğu qeydə alınıb');
  await expectAccessible(page, 'absence form with an API error');
  await form.getByRole('button', { name: 'İmtina' }).click();

  // The substitution follows from the absence and is marked so
  await menu.getByRole('link', { name: 'Əvəzetmələr' }).click();
  const substitution = page.getByRole('row', { name: new RegExp(`${ACCOUNTANT}.*${SUBSTITUTE}`) }).filter({
    hasText: period,
  });
  await expect(substitution).toContainText('Yoxluq qeydi');
  await expect(substitution).toContainText('Aktiv');

  // Cancelling the absence ends its substitution
  await menu.getByRole('link', { name: 'Yoxluqlar' }).click();
  await page.getByRole('button', { name: `Redaktə et: ${ACCOUNTANT} ${displayDate(from)}` }).click();
  await page.getByRole('button', { name: 'Yoxluğu ləğv et' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ləğv edildi' })).toBeVisible();
  await expect(row).toContainText('Ləğv edilib');
  await expectAccessible(page, 'absences after a cancellation');
  await menu.getByRole('link', { name: 'Əvəzetmələr' }).click();
  await expect(substitution).toContainText('Qeyri-aktiv');
});
