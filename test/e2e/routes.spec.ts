import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, runId, signedInPage, signIn } from './helpers';

// Routes (marşrut) through the UI: the admin's route template, then an order through parallel
// endorsement, a rejection and resubmission, and the signature. The specs share one embedded
// default; nothing here depends on the machine's date (deadlines are in working days).
test.describe.configure({ mode: 'serial' });

const people = {
  author: 'Qasımov Tuğrul Fuad oğlu', // executor4
  lawyer: 'Kərimova Leyla Çingiz qızı',
  executor2: 'Abbasov Orxan Natiq oğlu',
  deputy: 'Quliyeva Səbinə Vaqif qızı',
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const menu = (page: Page) => page.getByRole('navigation', { name: 'Əsas menyu' });
const templateName = `Əmrin razılaşdırılması ${runId()}`;

/** Picks the option of a select whose text contains `text` (position labels carry their holders). */
async function selectContaining(select: Locator, text: string) {
  const label = await select.locator('option', { hasText: text }).first().textContent();
  expect(label, `an option with “${text}”`).toBeTruthy();
  await select.selectOption({ label: label! });
}

/** The Viza tab of the card, with the route loaded. */
async function openRouteTab(page: Page, docId: string) {
  await page.goto(`/documents/view/?id=${docId}&tab=route`);
  await expect(page.getByRole('tab', { name: 'Viza', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Marşrut və viza' })).toBeVisible();
}

const person = (page: Page, name: string) => page.getByTestId('route-person').filter({ hasText: name });

/** Razılaşdırmaya gələnlər: the line of the document, found by its summary with open lines only. */
async function approvalRow(page: Page, summary: string) {
  await menu(page).getByRole('link', { name: 'Razılaşdırmaya gələnlər' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Razılaşdırmaya gələnlər' })).toBeVisible();
  await page.getByLabel('Filtr: Qısa məzmun').fill(summary);
  await page.getByLabel('Filtr: Qısa məzmun').press('Enter');
  await page.getByLabel('Filtr: Tapşırıq').selectOption({ label: 'Yalnız qərar gözləyənlər' });
  // The filter row holds the typed summary too: the line is a body row with the document's link.
  const row = page
    .locator('tbody tr')
    .filter({ hasText: summary })
    .filter({ has: page.getByRole('link') });
  await expect(row).toHaveCount(1);
  return row;
}

/** The participant's decision on the Viza tab: the button under their name, then the form's. */
async function decide(page: Page, name: string, action: 'Razılaşdır' | 'İmzala', done: string) {
  const mine = person(page, name);
  await mine.getByRole('button', { name: action }).click();
  const form = page.getByRole('region', { name: action });
  await form.getByRole('button', { name: action }).click();
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible();
}

test('the admin builds a route template for orders: parallel endorsement by two people, then the signature', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin');
  await menu(page).getByRole('link', { name: 'İdarəetmə' }).click();
  await menu(page).getByRole('link', { name: 'Şablon marşrutlar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Şablon marşrutlar' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Şablonlar' })).toBeVisible();
  await expectAccessible(page, 'route templates page');

  await page.getByRole('button', { name: 'Şablon əlavə et' }).click();
  const form = page.getByRole('region', { name: 'Şablon əlavə et' });
  await form.getByLabel('Şablonun adı').fill(templateName);
  await form.getByRole('group', { name: 'Sənəd növləri' }).getByLabel('Əmr, sərəncam, qərar').check();

  // Stage 1: both endorsers at once, three working days.
  const first = form.getByRole('group', { name: 'Mərhələ 1' });
  await first.getByLabel('Mərhələnin növü').selectOption({ label: 'Viza (razılaşdırma)' });
  await first.getByLabel('Qaydası').selectOption({ label: 'Paralel — eyni vaxtda' });
  for (const name of [people.lawyer, people.executor2]) {
    await first.getByLabel('İşçi', { exact: true }).selectOption({ label: name });
    await first.getByRole('button', { name: 'İşçini əlavə et' }).click();
  }
  await expect(first.getByRole('listitem')).toHaveCount(2);
  await first.getByLabel('İş günləri ilə (mərhələ başlayandan)').check();
  await first.getByLabel('İş günlərinin sayı').fill('3');

  // Stage 2 without a participant is refused next to its participants.
  await form.getByRole('button', { name: 'Mərhələ əlavə et' }).click();
  const second = form.getByRole('group', { name: 'Mərhələ 2' });
  await expect(second.getByLabel('Mərhələnin növü')).toBeFocused();
  await second.getByLabel('Mərhələnin növü').selectOption({ label: 'İmza' });
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(second.getByText('Ən azı bir iştirakçı əlavə edin.')).toBeVisible();
  await expectAccessible(page, 'route template form with a field error');

  // The signature by position: the deputy director (whoever holds the position when it starts).
  await selectContaining(second.getByLabel('Vəzifə', { exact: true }), 'Direktorun müavini');
  await second.getByRole('button', { name: 'Vəzifəni əlavə et' }).click();
  await expect(second.getByRole('listitem').filter({ hasText: people.deputy })).toContainText('vəzifə üzrə');

  // The signature before the endorsements is refused by the API, next to the moved stage's type.
  await form.getByRole('button', { name: 'Yuxarı: mərhələ 2' }).click();
  await expect(form.getByRole('group', { name: 'Mərhələ 1' }).getByLabel('Mərhələnin növü')).toHaveValue(
    'signing',
  );
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(form.getByRole('group', { name: 'Mərhələ 2' }).getByLabel('Mərhələnin növü')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form.getByRole('alert')).toBeVisible();
  await form.getByRole('button', { name: 'Aşağı: mərhələ 1' }).click();
  await expectAccessible(page, 'route template form with two stages');
  await form.getByRole('button', { name: 'Yadda saxla' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Əlavə edildi: ${templateName}` })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(escape(templateName)) });
  await expect(row).toContainText('Əmr, sərəncam, qərar');
  await expect(row).toContainText('istənilən');
  await expect(row).toContainText('Viza (razılaşdırma) (paralel, 2) → İmza (ardıcıl, 1)');
  await expectAccessible(page, 'route templates page with the new template');
});

test('an order goes through endorsement, a rejection, resubmission and the signature on its Viza tab', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const summary = `Ezamiyyət haqqında əmr ${runId()}`;

  // The author drafts an order.
  const author = await signedInPage(browser, 'executor4');
  await menu(author).getByRole('link', { name: 'Əmr, sərəncam, qərar' }).click();
  await author.getByRole('link', { name: 'Yeni sənəd' }).click();
  await expect(
    author.getByRole('heading', { level: 1, name: 'Əmr, sərəncam, qərarın qeydiyyatı' }),
  ).toBeVisible();
  await author.getByLabel('Kateqoriya').selectOption({ label: 'Əmr' });
  await author.getByLabel('Qısa məzmun').fill(summary);
  await author.getByRole('button', { name: 'Layihəni yadda saxla' }).click();
  await expect(
    author.getByRole('heading', { level: 1, name: 'Əmr, sərəncam, qərar (layihə)' }),
  ).toBeVisible();
  const docId = new URL(author.url()).searchParams.get('id')!;

  // Viza: the route of the template (taken explicitly: other runs' templates may match orders too).
  await author.getByRole('tab', { name: 'Viza', exact: true }).click();
  await expect(author.getByRole('heading', { level: 2, name: 'Marşrut və viza' })).toBeVisible();
  await author.getByRole('button', { name: /^Marşrut(u dəyiş| qur)$/ }).click();
  const editor = author.getByRole('region', { name: 'Marşrutun redaktəsi' });
  await editor.getByLabel('Şablon marşrut').selectOption({ label: templateName });
  await editor.getByRole('button', { name: 'Şablonun mərhələlərini götür' }).click();
  await expect(editor.getByRole('group', { name: 'Mərhələ 2' }).getByLabel('Mərhələnin növü')).toHaveValue(
    'signing',
  );
  await expectAccessible(author, 'Viza tab with the route editor');
  await editor.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Marşrut yadda saxlanıldı.' })).toBeVisible();

  await expect(author.getByTestId('route-template')).toHaveText(templateName);
  await expect(author.getByTestId('route-state')).toHaveText('Başlanmayıb (layihə)');
  const stages = author.getByTestId('route-stage');
  await expect(stages).toHaveCount(2);
  await expect(stages.nth(0).getByRole('heading', { level: 4 })).toHaveText(
    '1. Viza (razılaşdırma) — paralel',
  );
  await expect(stages.nth(0)).toContainText('3 iş günü');
  await expect(stages.nth(0)).toContainText(people.lawyer);
  await expect(stages.nth(0)).toContainText(people.executor2);
  await expect(stages.nth(1).getByRole('heading', { level: 4 })).toHaveText('2. İmza — ardıcıl');
  await expect(stages.nth(1)).toContainText(`Direktorun müavini — Rəhbərlik (${people.deputy})`);
  // With a route of its own the order goes to agreement by starting it, not by a bare submission.
  await expect(author.getByRole('button', { name: 'Razılaşdırmaya göndər' })).toHaveCount(0);
  await expectAccessible(author, 'Viza tab with a draft route');

  // Started: the order goes to agreement and both endorsers get their task at once.
  await author.getByRole('button', { name: 'Marşrutu başlat' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Marşrut başladıldı.' })).toBeVisible();
  await expect(author.getByTestId('route-state')).toHaveText('Davam edir');
  await expect(person(author, people.lawyer)).toContainText('Qərar gözlənilir');
  await expect(person(author, people.executor2)).toContainText('Qərar gözlənilir');
  await expect(author.getByTestId('document-status')).toHaveText('Razılaşdırmadadır');
  await expect(author.getByTestId('route-round')).toHaveText('1');
  await expectAccessible(author, 'Viza tab with a running route');

  // The lawyer rejects from Razılaşdırmaya gələnlər; a rejection needs its reason.
  const lawyer = await signedInPage(browser, 'lawyer');
  const line = await approvalRow(lawyer, summary);
  await expect(line).toContainText('Razılaşdırma gözlənilir');
  await expectAccessible(lawyer, 'for-approval list with a route task');
  await line.getByRole('link').first().click();
  await expect(lawyer).toHaveURL(/tab=route/);
  const mine = person(lawyer, people.lawyer);
  await mine.getByRole('button', { name: 'Rədd et' }).click();
  const reject = lawyer.getByRole('region', { name: 'Rədd et' });
  await reject.getByRole('button', { name: 'Rədd et' }).click();
  await expect(reject.getByLabel('Rədd edilmə səbəbi')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(lawyer, 'reject form with a field error');
  await reject.getByLabel('Rədd edilmə səbəbi').fill('Bənd 3-də ezamiyyət müddəti göstərilməyib.');
  await reject.getByRole('button', { name: 'Rədd et' }).click();
  await expect(
    lawyer.getByRole('status').filter({ hasText: 'Rədd edildi: marşrut müəllifə qaytarıldı.' }),
  ).toBeVisible();
  await expect(lawyer.getByTestId('route-state')).toHaveText('Rədd edilib — müəllifə qaytarılıb');
  await lawyer.context().close();

  // The author sees who rejected and why, and resubmits: a new round.
  await openRouteTab(author, docId);
  const rejection = author.getByTestId('route-rejection');
  await expect(rejection).toContainText(people.lawyer);
  await expect(rejection).toContainText('Bənd 3-də ezamiyyət müddəti göstərilməyib.');
  await expect(person(author, people.lawyer)).toContainText('Rədd edilib');
  await expect(person(author, people.executor2)).toContainText('Qərar verilməyib');
  await expect(author.getByTestId('document-status')).toHaveText('Layihə');
  await expectAccessible(author, 'Viza tab with a rejected route');
  await author.getByRole('button', { name: 'Yenidən göndər' }).click();
  const resubmit = author.getByRole('region', { name: 'Yenidən göndər' });
  await resubmit.getByLabel('Şərh (nə düzəldildi)').fill('Ezamiyyət müddəti əlavə edildi.');
  await resubmit.getByRole('button', { name: 'Yenidən göndər' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Marşrut yenidən göndərildi.' })).toBeVisible();
  await expect(author.getByTestId('route-round')).toHaveText('2');
  await expect(author.getByTestId('route-state')).toHaveText('Davam edir');
  await expect(author.getByTestId('route-rejection')).toHaveCount(0);

  // Both endorsers approve: executor2 from the card, the lawyer from the list again.
  const executor2 = await signedInPage(browser, 'executor2');
  await openRouteTab(executor2, docId);
  await expect(person(executor2, people.executor2)).toContainText('Qərar gözlənilir');
  await decide(executor2, people.executor2, 'Razılaşdır', 'Viza verildi.');
  await expect(person(executor2, people.executor2)).toContainText('Razılaşdırılıb (viza verilib)');
  await executor2.context().close();

  const lawyer2 = await signedInPage(browser, 'lawyer');
  await (await approvalRow(lawyer2, summary)).getByRole('link').first().click();
  await expect(lawyer2).toHaveURL(/tab=route/);
  await decide(lawyer2, people.lawyer, 'Razılaşdır', 'Viza verildi.');
  // The endorsements are through: the signature's task is made, the order is agreed.
  await expect(person(lawyer2, people.deputy)).toContainText('Qərar gözlənilir');
  await expect(lawyer2.getByTestId('document-status')).toHaveText('Razılaşdırılıb');
  await lawyer2.context().close();

  // The deputy director signs from her list.
  const deputy = await signedInPage(browser, 'deputy');
  await (await approvalRow(deputy, summary)).getByRole('link').first().click();
  await expect(deputy).toHaveURL(/tab=route/);
  await expectAccessible(deputy, 'Viza tab with the signer’s task');
  await decide(deputy, people.deputy, 'İmzala', 'Sənəd imzalandı.');
  await expect(deputy.getByTestId('route-state')).toHaveText('Tamamlanıb');
  await deputy.context().close();

  // The author's card: the route completed, the order signed, every step in the log.
  await openRouteTab(author, docId);
  await expect(author.getByTestId('route-state')).toHaveText('Tamamlanıb');
  await expect(author.getByTestId('document-status')).toHaveText('İmzalanıb');
  await expect(person(author, people.deputy)).toContainText('İmzalanıb');
  await expect(person(author, people.lawyer)).toContainText('Razılaşdırılıb (viza verilib)');
  await expect(
    author.getByRole('button', { name: /^(Marşrutu dəyiş|Marşrutu başlat|Yenidən göndər)$/ }),
  ).toHaveCount(0);
  await expectAccessible(author, 'Viza tab with a completed route');
  await author.getByRole('tab', { name: 'Əməliyyatlar', exact: true }).click();
  for (const action of [
    'Marşrut başladılıb',
    'Marşrut rədd edilib',
    'Marşrut yenidən göndərilib',
    'Viza verilib',
  ]) {
    await expect(author.getByRole('row', { name: new RegExp(action) }).first()).toBeVisible();
  }
  await expect(author.getByRole('row', { name: /İmzalanıb \(marşrut üzrə\)/ })).toContainText(people.deputy);
  await author.context().close();
});
