import { expect, test } from '@playwright/test';
import { adminUser, expectAccessible, runId, signIn } from './helpers';

test('an agency admin builds the org structure, edits a reference list and switches language', async ({
  page,
}) => {
  // Arrange
  const id = runId();
  const dept = { name: `Sınaq şöbəsi ${id}`, code: `T${id}`.slice(0, 20) };
  const position = `Baş mütəxəssis ${id}`;
  const employee = { fullName: `Sınaqov Test ${id}`, username: `e2e.${id}`, email: `e2e.${id}@example.az` };
  const item = { az: `Müraciət ${id}`, en: `Appeal ${id}` };

  // Act + Assert: sign in through the issuer's login page
  await signIn(page, adminUser, { checkLoginPage: true });
  await expect(page.getByTestId('agency-name')).not.toBeEmpty();
  await expectAccessible(page, 'home');

  const menu = page.getByRole('navigation', { name: 'Əsas menyu' });
  await menu.getByRole('link', { name: 'İdarəetmə' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Təşkilatın profili' })).toBeVisible();
  await expect(page.getByText('VÖEN').first()).toBeVisible();
  await expectAccessible(page, 'tenant profile');

  // The agency's SMS notices: the demo agency has them on, 500 parts a month; a budget of 0 is
  // refused by the API on its field, the same 500 saves.
  const sms = page.getByRole('region', { name: 'SMS bildirişləri' });
  await expect(sms.getByText('Açıqdır')).toBeVisible();
  await expect(sms.getByText(/^\d+ \/ 500 hissə$/)).toBeVisible();
  await sms.getByRole('button', { name: 'SMS ayarlarını dəyiş' }).click();
  await expect(sms.getByLabel('SMS bildirişləri göndərilsin')).toBeChecked();
  await sms.getByLabel(/Aylıq limit/).fill('0');
  await sms.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(sms.getByLabel(/Aylıq limit/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'SMS settings with an error');
  await sms.getByLabel(/Aylıq limit/).fill('500');
  await sms.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'SMS ayarları yadda saxlanıldı.' })).toBeVisible();
  await expect(sms.getByText(/^\d+ \/ 500 hissə$/)).toBeVisible();
  await expectAccessible(page, 'SMS settings');

  // Department
  await menu.getByRole('link', { name: 'Struktur bölmələr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Struktur bölmələr' })).toBeVisible();
  await page.getByRole('button', { name: 'Bölmə əlavə et', exact: true }).click();
  const deptForm = page.getByRole('region', { name: 'Bölmə əlavə et', exact: true });
  await deptForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(deptForm.getByText('Bu xananı doldurun.').first()).toBeVisible();
  await expectAccessible(page, 'department form with errors');
  await deptForm.getByRole('group', { name: 'Bölmənin adı' }).getByLabel('Azərbaycanca').fill(dept.name);
  await deptForm.getByLabel('Kod').fill(dept.code);
  await deptForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status')).toContainText(dept.name);
  await expect(page.locator('.tree').getByText(dept.name)).toBeVisible();
  await expectAccessible(page, 'departments');

  // Position in the new department, roles as checkboxes
  await menu.getByRole('link', { name: 'Vəzifələr' }).click();
  await page.getByRole('button', { name: 'Vəzifə əlavə et' }).click();
  const posForm = page.getByRole('region', { name: 'Vəzifə əlavə et' });
  await posForm.getByRole('group', { name: 'Vəzifənin adı' }).getByLabel('Azərbaycanca').fill(position);
  await posForm.getByLabel('Bölmə').selectOption({ label: dept.name });
  await posForm.getByLabel('Növü').selectOption('specialist');
  const roles = posForm.getByRole('group', { name: 'Rollar' });
  await roles.getByLabel('İcraçı').check();
  await roles.getByLabel('Razılaşdıran').check();
  await expectAccessible(page, 'position form');
  await posForm.getByRole('button', { name: 'Yadda saxla' }).click();
  const posRow = page.getByRole('row', { name: new RegExp(position) });
  await expect(posRow).toContainText(dept.name);
  await expect(posRow).toContainText('İcraçı, Razılaşdıran');
  await expectAccessible(page, 'positions');

  // Employee bound to the position
  await menu.getByRole('link', { name: 'İşçilər' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'İşçilər' })).toBeVisible();
  await page.getByRole('button', { name: 'İşçi əlavə et' }).click();
  const empForm = page.getByRole('region', { name: 'İşçi əlavə et' });
  await empForm.getByLabel('Soyadı, adı, atasının adı').fill(employee.fullName);
  await empForm.getByLabel('E-poçt').fill(employee.email);
  // The API's problem+json: its title in an alert, the field error next to the field.
  await empForm.getByLabel('İstifadəçi adı').fill('not a username!');
  await empForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(empForm.locator('.alert-error')).toBeVisible();
  await expect(empForm.getByLabel('İstifadəçi adı')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'employee form with API errors');
  await empForm.getByLabel('İstifadəçi adı').fill(employee.username);
  await empForm.getByRole('group', { name: 'Vəzifələr' }).getByLabel(`${position} — ${dept.name}`).check();
  await empForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status')).toContainText(employee.fullName);
  // The list pages by cursor; filtering by the new position shows exactly the new employee.
  await page.getByLabel('Vəzifəyə görə').selectOption({ label: `${position} — ${dept.name}` });
  const empRow = page.getByRole('row', { name: new RegExp(employee.fullName) });
  await expect(empRow).toContainText(employee.username);
  await expect(empRow).toContainText(position);
  await expectAccessible(page, 'employees');

  // Reference list: add an item, then edit it (adds the English name)
  await menu.getByRole('link', { name: 'Siyahılar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Siyahılar' })).toBeVisible();
  await expectAccessible(page, 'reference lists');
  await menu.getByRole('link', { name: 'Sənədlərin növləri' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sənədlərin növləri' })).toBeVisible();
  await page.getByRole('button', { name: 'Element əlavə et' }).click();
  const addForm = page.getByRole('region', { name: /Element əlavə et/ });
  await addForm.getByRole('group', { name: 'Adı' }).getByLabel('Azərbaycanca').fill(item.az);
  await addForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status')).toContainText(item.az);

  await page.getByRole('button', { name: `Redaktə et: ${item.az}` }).click();
  const editForm = page.getByRole('region', { name: /Elementi redaktə et/ });
  await expect(editForm.getByRole('group', { name: 'Adı' }).getByLabel('Azərbaycanca')).toHaveValue(item.az);
  await editForm.getByRole('group', { name: 'Adı' }).getByLabel('İngiliscə').fill(item.en);
  await expectAccessible(page, 'reference item form');
  await editForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status')).toContainText('Dəyişikliklər saxlanıldı');
  await expectAccessible(page, 'document types');

  // Language switch: headings, menu and the item's English name; the choice survives a reload
  await page.getByLabel('Dil').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Document types' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Administration' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(item.en) })).toBeVisible();
  await expectAccessible(page, 'document types (en)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Document types' })).toBeVisible();
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Виды документов' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.getByLabel('Язык').selectOption('az');
  await expect(page.getByRole('heading', { level: 1, name: 'Sənədlərin növləri' })).toBeVisible();
});
