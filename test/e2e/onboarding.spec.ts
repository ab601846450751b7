import { expect, test } from '@playwright/test';
import { expectAccessible, invitationLink, runId, signIn } from './helpers';

test('a platform operator onboards an agency; its admin sets a password from the e-mailed link and signs in', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // Arrange
  const id = runId();
  const agency = { az: `Sınaq Qurumu ${id}`, en: `Test Agency ${id}`, ru: `Тестовое ведомство ${id}` };
  const voen = `6${Date.now().toString().slice(-9)}`;
  const admin = {
    fullName: `Sınaqov Admin ${id}`,
    username: `e2e-admin-${id}`,
    email: `admin.${id}@sinaq.example.az`,
  };
  const password = `Sinaq-${id}-2026!`;

  // Act + Assert: the operator signs in and lands on the platform's page
  await signIn(page, 'operator', { operator: true });
  await expect(page).toHaveURL(/\/operator\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Təşkilatlar' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Rəqəmsal İnkişaf üzrə Dövlət Agentliyi/ })).toBeVisible();
  await expectAccessible(page, 'operator: agencies');

  // The form refuses what is missing, in the page's language
  await page.getByRole('button', { name: 'Təşkilat əlavə et' }).click();
  const form = page.getByRole('region', { name: 'Təşkilat əlavə et' });
  await form.getByRole('button', { name: 'Təşkilatı yarat' }).click();
  await expect(form.getByText('Bu xananı doldurun.').first()).toBeVisible();
  await expectAccessible(page, 'operator: agency form with errors');

  // A VÖEN another agency holds is refused by the API on its field
  const name = form.getByRole('group', { name: 'Təşkilatın adı' });
  await name.getByLabel('Azərbaycanca').fill(agency.az);
  await name.getByLabel('İngiliscə').fill(agency.en);
  await name.getByLabel('Rusca').fill(agency.ru);
  await form.getByLabel('VÖEN').fill('1900000011');
  await form.getByLabel('Hüquqi ünvan').fill('AZ1000, Bakı şəhəri, Sınaq küçəsi 5');
  const first = form.getByRole('group', { name: 'İlk inzibatçı' });
  await first.getByLabel('Soyadı, adı, atasının adı').fill(admin.fullName);
  await first.getByLabel('İstifadəçi adı').fill(admin.username);
  await first.getByLabel('E-poçt').fill(admin.email);
  await form.getByRole('button', { name: 'Təşkilatı yarat' }).click();
  await expect(form.locator('.alert-error')).toContainText('Bu dəyər artıq istifadə olunur');
  await expect(form.getByLabel('VÖEN')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'operator: agency form with an API error');

  // Created with its own VÖEN: the list shows it with its admin invited
  await form.getByLabel('VÖEN').fill(voen);
  await form.getByRole('button', { name: 'Təşkilatı yarat' }).click();
  await expect(page.getByRole('status')).toContainText(`«${agency.az}» yaradıldı`);
  const row = page.getByRole('row', { name: new RegExp(agency.az) });
  await expect(row).toContainText(voen);
  await expect(row).toContainText('İnzibatçı dəvət edilib');
  await expectAccessible(page, 'operator: agencies with the new one');

  // In English too
  await page.getByLabel('Dil').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(agency.en) })).toContainText('Administrator invited');

  // The admin opens the e-mailed link (another browser: another person)
  const link = await invitationLink(admin.email);
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(link);
  await expect(invited.getByRole('heading', { level: 1, name: 'Sistemə dəvət' })).toBeVisible();
  await expect(invited.getByTestId('invitation-username')).toHaveText(admin.username);
  await expect(invited.getByText(agency.az)).toBeVisible();
  await expectAccessible(invited, 'invitation');
  await invited.getByLabel('Yeni şifrə').fill('qısa');
  await invited.getByLabel('Şifrəni təkrarlayın').fill('qısa');
  await invited.getByRole('button', { name: 'Şifrəni təyin et' }).click();
  await expect(invited.locator('.alert-error')).toContainText('Şifrə ən azı 12 simvol olmalı');
  await expectAccessible(invited, 'invitation with a weak password');
  await invited.getByLabel('Yeni şifrə').fill(password);
  await invited.getByLabel('Şifrəni təkrarlayın').fill(password);
  await invited.getByRole('button', { name: 'Şifrəni təyin et' }).click();
  await expect(invited.getByRole('status')).toContainText('Şifrəniz təyin edildi');
  await expectAccessible(invited, 'invitation accepted');

  // … and signs in to the new, empty agency as its administrator
  await invited.goto('/');
  await signIn(invited, admin.username, { password });
  await expect(invited.getByTestId('agency-name')).toHaveText(agency.az);
  await expect(
    invited.getByRole('navigation', { name: 'Əsas menyu' }).getByRole('link', { name: 'İdarəetmə' }),
  ).toBeVisible();
  await context.close();

  // The operator's list shows that the admin joined
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(agency.en) })).toContainText('Administrator joined');
});
