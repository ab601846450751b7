import { Secret, TOTP } from 'otpauth';
import { expect, test, type Page } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { expectAccessible, invitationLink, runId, signIn, signOut } from './helpers';

// Two-step sign-in (issue 18). A newly onboarded agency requires it of its admins: its admin's
// agency edit is refused until they enrol an authenticator on İki mərhələli giriş (the test reads
// the key on the page and computes the code, like an authenticator app), sign out, and sign in
// again, when the login page asks for the code.
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
/** Opens the agency page's editor and saves it unchanged (an admin operation). */
async function saveAgency(page: Page) {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Redaktə et' }).click();
  await page.getByRole('button', { name: 'Yadda saxla' }).click();
}

test('an admin of an agency that requires it enrols an authenticator and signs in with its code', async ({
  page,
}) => {
  // Arrange: an onboarded agency (it requires two-step sign-in) whose admin set a password.
  const id = runId();
  const username = `e2e-mfa-${id}`;
  const email = `mfa.${id}@sinaq.example.az`;
  const password = `Iki-Addim-${id}-2026`;
  const operator = apiClient(baseUrl, await tokenFor(baseUrl, 'operator'));
  const created = await operator.post('/api/v1/platform/tenants', {
    key: `mfa-${id}`,
    name: { az: `İki Addım ${id}`, en: `Two Step ${id}`, ru: `Два шага ${id}` },
    legalAddress: 'AZ1000, Bakı şəhəri, Sınaq küçəsi 2',
    voen: `66${String(Date.now()).slice(-8)}`,
    admin: { fullName: 'Addımov Admin Sınaq oğlu', username, email },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const link = await invitationLink(email);
  const accepted = await apiClient(baseUrl).post(
    '/api/v1/invitation/accept',
    { password },
    { 'X-Invitation-Token': decodeURIComponent(new URL(link).hash.replace(/^#token=/, '')) },
  );
  expect(accepted.status).toBe(200);

  // An admin operation without a second factor: refused, with the way to set it up.
  await signIn(page, username, { password });
  await saveAgency(page);
  // The agency form's refusal (the SMS section beside it is refused the same way: it is an
  // admin operation too).
  const refusal = page.locator('form .alert-error');
  await expect(refusal).toContainText('iki mərhələli giriş tələb olunur');
  await expectAccessible(page, 'agency edit refused without two-step sign-in');
  await refusal.getByRole('link', { name: 'Autentifikatoru qoşmaq' }).click();

  // Enrol: the key on the page gives the code.
  await expect(page.getByRole('heading', { level: 1, name: 'İki mərhələli giriş' })).toBeVisible();
  await expect(page.getByTestId('mfa-state')).toContainText('qoşulmayıb');
  await expect(page.getByText('Təşkilatınız inzibatçılardan və imzalayanlardan')).toBeVisible();
  await expectAccessible(page, 'two-step sign-in, off');
  await page.getByRole('button', { name: 'Autentifikatoru qoşmaq' }).click();
  await expect(page.getByRole('img', { name: 'Autentifikator üçün QR kod' })).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await expectAccessible(page, 'two-step sign-in, enrolling');
  await page.getByLabel('Tətbiqdəki 6 rəqəmli kod').fill('000000' === totp.generate() ? '111111' : '000000');
  await page.getByRole('button', { name: 'Təsdiqlə' }).click();
  await expect(page.locator('.alert-error')).toContainText('Kod yanlışdır');
  await expectAccessible(page, 'two-step sign-in, wrong code');
  await page.getByLabel('Tətbiqdəki 6 rəqəmli kod').fill(totp.generate());
  await page.getByRole('button', { name: 'Təsdiqlə' }).click();
  await expect(page.getByRole('status')).toContainText('İki mərhələli giriş qoşuldu');
  await expect(page.getByTestId('mfa-state')).toContainText('qoşulub');

  // Sign out and in again: after the password the login page asks for the code.
  await signOut(page);
  await page.getByRole('button', { name: 'Sistemə daxil ol' }).click();
  await page.waitForURL(/\/oidc\//);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: 'Daxil ol' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'İki mərhələli giriş' })).toBeVisible();
  await expectAccessible(page, 'OIDC code step');
  await page.getByLabel('Kod').fill(totp.generate());
  await page.getByRole('button', { name: 'Təsdiqlə' }).click();
  await expect(page.getByRole('navigation', { name: 'Əsas menyu' })).toBeVisible();

  // The same admin operation now works.
  await saveAgency(page);
  // The agency form's status line (the SMS section below has its own).
  await expect(page.getByRole('status').first()).not.toBeEmpty();
  await expect(page.locator('.alert-error')).toHaveCount(0);
  await page.goto('/settings/security/');
  await expect(page.getByText('Bu giriş kodla edilib.')).toBeVisible();
});
