import { expect, test } from '@playwright/test';
import { adminUser, expectAccessible, runId, signIn } from './helpers';

test('an agency admin subscribes a URL to events, sees the secret once and the subscription listed', async ({
  page,
}) => {
  // Arrange
  const url = `http://127.0.0.1:9/e2e-${runId()}`;
  await signIn(page, adminUser);

  // Act: Administration → Webhooks, a new subscription with two events
  const menu = page.getByRole('navigation', { name: 'Əsas menyu' });
  await menu.getByRole('link', { name: 'İdarəetmə' }).click();
  await menu.getByRole('link', { name: 'Vebhuklar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vebhuklar' })).toBeVisible();
  await expectAccessible(page, 'webhooks');
  await page.getByRole('button', { name: 'Yeni abunəlik' }).click();
  const form = page.getByRole('form', { name: 'Yeni abunəlik' });
  await form.getByLabel('Ünvan (URL)').fill(url);
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(form.getByText('Ən azı bir hadisə seçin')).toBeVisible();
  await expectAccessible(page, 'webhook form with an error');
  await form.getByLabel('Sənəd qeydiyyata alındı').check();
  await form.getByLabel('Dərkənar yazıldı').check();
  await form.getByRole('button', { name: 'Yadda saxla' }).click();

  // Assert: the secret is shown once, the subscription is listed (without it)
  await expect(page.getByRole('status').filter({ hasText: url })).toBeVisible();
  await expect(page.getByTestId('webhook-secret')).toHaveText(/^whsec_/);
  await expectAccessible(page, 'webhook secret');
  await page.getByRole('button', { name: 'Köçürdüm' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: url });
  await expect(row).toContainText('Sənəd qeydiyyata alındı, Dərkənar yazıldı');
  await expect(row).toContainText('Aktiv');

  // Its deliveries (none yet: the URL is a closed port, and no event has happened), then switch it off
  await row.getByRole('button', { name: `Çatdırılmalar: ${url}` }).click();
  await expect(page.getByRole('heading', { name: `Son çatdırılmalar: ${url}` })).toBeVisible();
  await row.getByRole('button', { name: `Dayandır: ${url}` }).click();
  await expect(row).toContainText('Dayandırılıb');
  await expectAccessible(page, 'webhook deliveries');

  // Delete it
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: `Sil: ${url}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'silindi' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: url })).toHaveCount(0);
});
