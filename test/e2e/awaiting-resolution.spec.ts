import { expect, test, type Page } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { clerkUser, expectAccessible, registerIncomingLetter, runId, signedInPage, signIn } from './helpers';

// Dərkənar gözləyənlər: a letter addressed to a head waits in the head's list from registration
// until the head writes the resolution. The demo agency's director is on leave (the deputy acts
// for him), so the head who resolves here is the appeals department's; the deputy's list shows
// the director's letters on his behalf.
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const people = {
  head: 'Həsənov Elçin Rafiq oğlu',
  appealsHead: 'Rzayev Vüsal Təbriz oğlu',
  executor1: 'Hüseynova Aytən Rövşən qızı',
};
const menu = (page: Page) => page.getByRole('navigation', { name: 'Əsas menyu' });

async function openWaitingList(page: Page, summary: string) {
  await menu(page).getByRole('link', { name: 'Dərkənar gözləyənlər' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dərkənar gözləyənlər' })).toBeVisible();
  await page.getByLabel('Filtr: Qısa məzmun').fill(summary);
  await page.getByLabel('Filtr: Qısa məzmun').press('Enter');
}

test('a letter addressed to a head waits in the head’s list until the head writes the resolution from there', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const id = runId();
  const summary = `Dərkənar gözləyən məktub ${id}`;

  // The clerk registers an incoming letter addressed to the appeals department's head.
  await signIn(page, clerkUser);
  const { number } = await registerIncomingLetter(page, {
    citizen: `Vətəndaş ${id}`,
    summary,
    addressee: people.appealsHead,
  });

  // The head finds it in Dərkənar gözləyənlər, with the registration lists' filter row.
  const head = await signedInPage(browser, 'appealshead');
  await openWaitingList(head, summary);
  const row = head.getByRole('row', { name: new RegExp(escape(number)) });
  await expect(row).toContainText(summary);
  await expect(head.getByText('Sıra: ən çox gözləyənlər əvvəldə.')).toBeVisible();
  await expectAccessible(head, 'awaiting-resolution list');

  // From the line to the İcra tab, where the head writes the resolution.
  await row.getByRole('link', { name: number }).click();
  await expect(head).toHaveURL(/tab=execution/);
  await head.getByRole('button', { name: 'Dərkənar yaz' }).click();
  const form = head.getByRole('region', { name: 'Yeni dərkənar' });
  await form.getByLabel('Dərkənarın mətni').fill('Araşdırıb vətəndaşa cavab hazırlayın.');
  await form.getByLabel('Məsul icraçı').selectOption({ label: people.executor1 });
  await form.getByRole('button', { name: 'Dərkənarı göndər' }).click();
  await expect(head.getByRole('status').filter({ hasText: 'Dərkənar yazıldı' })).toBeVisible();
  await expect(head.getByTestId('document-status')).toHaveText('İcradadır');

  // It has left the list.
  await openWaitingList(head, summary);
  await expect(head.getByText('Dərkənarınızı gözləyən sənəd yoxdur.')).toBeVisible();
  await expect(head.getByRole('row', { name: new RegExp(escape(number)) })).toHaveCount(0);
  await expectAccessible(head, 'empty awaiting-resolution list');
  await head.context().close();

  // The director is away: a letter to him waits with the deputy, on his behalf.
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const employees = await clerk.get<{ items: Array<{ id: string; username: string }> }>(
    '/api/v1/employees?limit=100',
  );
  const director = employees.body.items.find((e) => e.username === 'head')!;
  const toDirector = `Direktora məktub ${id}`;
  const registered = await clerk.post<{ registration: { number: string } }>('/api/v1/documents/incoming', {
    sender: { kind: 'citizen', name: `Vətəndaş ${id}` },
    summary: toDirector,
    addresseeId: director.id,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const deputy = await signedInPage(browser, 'deputy');
  await openWaitingList(deputy, toDirector);
  const held = deputy.getByRole('row', { name: new RegExp(escape(registered.body.registration.number)) });
  await expect(held).toContainText(people.head);
  await expectAccessible(deputy, 'awaiting-resolution list with a substitute’s line');
  await deputy.context().close();
});
