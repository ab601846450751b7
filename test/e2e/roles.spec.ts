import { expect, test } from '@playwright/test';
import { clerkUser, expectAccessible, signIn, signOut } from './helpers';

test('a clerk does not see İdarəetmə and cannot open it', async ({ page }) => {
  // Arrange + Act
  await signIn(page, clerkUser);
  const menu = page.getByRole('navigation', { name: 'Əsas menyu' });

  // Assert: the clerk's menu
  await expect(menu.getByRole('link', { name: 'Daxil olan' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Siyahılar' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'İdarəetmə' })).toHaveCount(0);
  await expectAccessible(page, 'clerk home');

  // The search section is the clerk's too
  await menu.getByRole('link', { name: 'Axtarış' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Axtarış' })).toBeVisible();
  await expect(page.getByTestId('search-box')).toBeVisible();
  await expectAccessible(page, 'search');

  // Typing the address does not open the administration pages
  await page.goto('/admin/employees/');
  await expect(page.getByRole('heading', { level: 1, name: 'Giriş məhduddur' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'İşçi əlavə et' })).toHaveCount(0);

  // Reference lists are read-only for a clerk
  await page.goto('/lists/document-types/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sənədlərin növləri' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Element əlavə et' })).toHaveCount(0);
});

test('signing out returns to the landing page', async ({ page }) => {
  // Arrange
  await signIn(page, clerkUser);

  // Act
  await signOut(page);

  // Assert
  await expect(page.getByRole('button', { name: 'Sistemə daxil ol' })).toBeVisible();
  await page.goto('/home/');
  await expect(page.getByRole('button', { name: 'Sistemə daxil ol' })).toBeVisible();
});
