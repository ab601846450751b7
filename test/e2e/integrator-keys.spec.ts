import { expect, test } from '@playwright/test';
import { adminUser, expectAccessible, runId, signIn } from './helpers';

/**
 * An agency admin makes an integrator's API key on its page, sees the key once, the key works on
 * the public API with its own limit, then is revoked (the next request is refused) and listed
 * with the revoked ones.
 */
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const CATALOGUE = '/api/public/v1/agencies/demo1/services';

const catalogueWith = (key: string) => fetch(`${baseUrl}${CATALOGUE}`, { headers: { 'X-Api-Key': key } });

test('an agency admin makes an integrator API key, sees it once, it works with its limit until revoked', async ({
  page,
}) => {
  // Arrange
  const name = `Portal e2e-${runId()}`;
  const limit = 2345;
  await signIn(page, adminUser);

  // Act: Administration → Integrator API keys, a new key (first with a limit below the least)
  const menu = page.getByRole('navigation', { name: 'Əsas menyu' });
  await menu.getByRole('link', { name: 'İdarəetmə' }).click();
  await menu.getByRole('link', { name: 'İnteqrator API açarları' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'İnteqrator API açarları' })).toBeVisible();
  await expectAccessible(page, 'integrator keys');
  await page.getByRole('button', { name: 'Yeni açar' }).click();
  const form = page.getByRole('form', { name: 'Yeni açar' });
  await form.getByLabel(/^Sahibi/).fill(name);
  const perMinute = form.getByLabel(/^Dəqiqədə sorğu/);
  await perMinute.fill('10');
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(perMinute).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Dəyər çox qısadır və ya kiçikdir (ən azı 60)')).toBeVisible();
  await expectAccessible(page, 'integrator key form with an error');
  await perMinute.fill(String(limit));
  await form.getByRole('button', { name: 'Yadda saxla' }).click();

  // Assert: the key is shown once, the key is listed (without it)
  await expect(page.getByRole('status').filter({ hasText: name })).toBeVisible();
  const shown = page.getByTestId('integrator-key-secret');
  await expect(shown).toHaveText(/^kgz_/);
  const key = (await shown.textContent())!;
  await expectAccessible(page, 'integrator key shown once');
  await page.getByRole('button', { name: 'Köçürdüm' }).click();
  await expect(shown).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(String(limit));
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await expect(page.getByText(key)).toHaveCount(0);
  const prefix = (await row.locator('code').textContent())!;
  expect(key.startsWith(prefix)).toBe(true);

  // The key works on the public API, counted against its own limit
  const used = await catalogueWith(key);
  expect(used.status).toBe(200);
  expect(used.headers.get('ratelimit-limit')).toBe(String(limit));

  // Revoke it (after the confirmation): the same request is refused
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: `Ləğv et: ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ləğv edildi' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  expect((await catalogueWith(key)).status).toBe(401);

  // It is listed with the revoked keys
  await page.getByRole('button', { name: 'Ləğv edilmiş açarları göstər' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ləğv edilmiş açarlar' })).toBeVisible();
  const revoked = page.getByRole('row').filter({ hasText: name });
  await expect(revoked).toContainText(prefix);
  await expect(revoked.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'revoked integrator keys');
});
