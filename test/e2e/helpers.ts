import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import type { Api } from '../support/api';

export const password = process.env.E2E_PASSWORD ?? 'Demo2026!';
export const adminUser = process.env.E2E_ADMIN_USERNAME ?? 'admin';
export const clerkUser = process.env.E2E_CLERK_USERNAME ?? 'clerk';

/** A suffix that keeps names and codes of this run apart from earlier runs on the same data. */
export function runId(): string {
  return Date.now().toString(36).slice(-6) + Math.floor(Math.random() * 36 ** 2).toString(36);
}

/** Axe on the current page: no serious or critical violation (WCAG 2.x A/AA rules). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${what} (${page.url()})`).toEqual([]);
}

/**
 * Signs in from the landing page through the issuer's login form (Authorization Code + PKCE)
 * and waits for the app shell. The issuer's form is found by its fields, not its wording.
 */
export async function signIn(
  page: Page,
  username: string,
  options: { checkLoginPage?: boolean; password?: string; operator?: boolean } = {},
) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (options.checkLoginPage) await expectAccessible(page, 'landing page');
  await page.getByRole('button', { name: 'Sistemə daxil ol' }).click();

  await page.waitForURL(/\/oidc\//);
  const usernameField = page.locator('input[name="username"], input[name="login"]').first();
  await expect(usernameField).toBeVisible();
  if (options.checkLoginPage) await expectAccessible(page, 'OIDC login page');
  await usernameField.fill(username);
  await page
    .locator('input[type="password"]')
    .first()
    .fill(options.password ?? password);
  await usernameField.locator('xpath=ancestor::form').locator('button[type="submit"]').first().click();

  await page.waitForURL(
    (url) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth/callback'),
  );
  // A platform operator gets the platform's pages (no agency menu).
  if (options.operator) await expect(page.getByTestId('platform-role')).toBeVisible();
  else await expect(page.getByRole('navigation', { name: 'Əsas menyu' })).toBeVisible();
}

/** Signs out with the header's button, confirming on the issuer's page if it asks; ends on the landing page. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Çıxış' }).click();
  // The issuer may ask to confirm the logout (its own page): confirm with its first button.
  await page.waitForURL((url) => url.pathname.startsWith('/oidc') || url.pathname === '/');
  if (new URL(page.url()).pathname.startsWith('/oidc')) {
    const confirm = page.locator('button[type="submit"]').first();
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
  }
  await page.waitForURL((url) => url.pathname === '/');
}

const e2eBaseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
/** maildev's REST API (under /api): the embedded default puts its web port at PORT+6 unless told otherwise. */
const maildevApi = `http://127.0.0.1:${process.env.KARGUZAR_MAILDEV_PORT ?? Number(new URL(e2eBaseUrl).port) + 6}/api`;

/** The link of the newest e-mail to `address` that carries an invitation (polled: the mail is async). */
export async function invitationLink(address: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${maildevApi}/email`)).json()) as Array<{
        to: Array<{ address: string }>;
        text: string;
      }>;
      const mail = mails.filter((m) => m.to.some((t) => t.address === address)).at(-1);
      link = mail?.text.match(/(https?:\/\/\S+\/invitation\/#token=\S+)/)?.[1];
      return link;
    })
    .toBeDefined();
  return link!;
}

/** A fresh browser context signed in as `username` (one user per context, like separate people). */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

// The embedded default's controllable clock (deadlines and timers). It never goes back, so later
// specs see the time an earlier one moved it to.
export { advanceClock, clockNow as serverNow } from '../support/clock';

/** The Baku calendar date (yyyy-MM-dd) of an instant, `days` later. */
export function bakuDate(iso: string, days = 0): string {
  return new Date(Date.parse(iso) + 4 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** yyyy-MM-dd as the UI writes it, dd.MM.yyyy. */
export const displayDate = (date: string) => date.split('-').reverse().join('.');

/**
 * The clerk (signed in on `page`) registers an incoming citizen's letter through the form; a
 * similar earlier letter (another run's) offered as a repeat is registered as a new matter.
 * Gives the registration number and the document's id (the card is open).
 */
export async function registerIncomingLetter(
  page: Page,
  letter: {
    citizen: string;
    summary: string;
    addressee: string;
    files?: { name: string; mimeType: string; buffer: Buffer }[];
  },
): Promise<{ number: string; docId: string }> {
  await page.goto('/documents/new/?kind=incoming');
  await expect(page.getByRole('heading', { level: 1, name: 'Daxil olan sənədin qeydiyyatı' })).toBeVisible();
  await page.getByLabel('Soyadı, adı, atasının adı').fill(letter.citizen);
  await page.getByLabel('Qısa məzmun').fill(letter.summary);
  await page.getByLabel('Kimə', { exact: true }).selectOption({ label: letter.addressee });
  if (letter.files)
    await page.getByLabel('Fayllar (skan edilmiş sənəd, əlavələr)').setInputFiles(letter.files);
  await page.getByRole('button', { name: 'Qeydiyyata al' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Daxil olan sənəd № / });
  await expect(heading.or(page.getByText('Eyni mövzuda əvvəlki müraciətlər tapıldı.'))).toBeVisible();
  if (!(await heading.isVisible())) await page.getByRole('button', { name: 'Qeydiyyata al' }).click();
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace(/^Daxil olan sənəd № /, '').trim();
  return { number, docId: new URL(page.url()).searchParams.get('id')! };
}

/** A citizen's incoming letter of run `id`, registered by the clerk through the API (Arrange). */
export async function incomingThroughApi<T>(clerk: Api, id: string, summary: string): Promise<T> {
  const res = await clerk.post<T>('/api/v1/documents/incoming', {
    sender: { kind: 'citizen', name: `Vətəndaş ${id}`, phone: '+994500002001' },
    summary,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
