import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { allItems, apiClient, tokenFor, type Api } from '../support/api';
import { signThroughRoute } from '../support/approval';
import { clerkUser, displayDate, expectAccessible, runId, signedInPage } from './helpers';

// Exchange of electronic documents between the two demo tenants (Decree 935 §141, §148, §149): the
// records office of demo1 sends a signed letter to demo2 through the platform ("Elektron sənəd
// dövriyyəsi sistemi"); demo2's clerk finds it verified in the queue and registers it; the receipt
// notice comes back and demo1's card shows "registered by demo2 as № … on …".
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const SIGNATORY = 'Həsənov Elçin Rafiq oğlu';
const DEMO1 = 'Rəqəmsal İnkişaf üzrə Dövlət Agentliyi (demo)';
const DEMO2 = { name: 'Xəzər Logistika MMC (demo)', voen: '1900000021', clerk: 'admin2' };

type Counterpart = { id: string; voen?: string; name: { az: string }; onPlatform?: boolean };

/** demo1's counterpart for demo2: the seed adds the other demo agency by its VÖEN. */
async function demo2Counterpart(api: Api): Promise<Counterpart> {
  const found = (await allItems<Counterpart>(api, '/api/v1/reference/counterparts')).find(
    (c) => c.voen === DEMO2.voen,
  );
  expect(found, 'the seed has demo2 as a counterpart of demo1').toBeDefined();
  return found!;
}

/** A letter of demo1 to demo2 by the EDMS, signed by the head and sent, all through the API (Arrange). */
async function sendThroughApi(summary: string): Promise<{ id: string; number: string }> {
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const counterpart = await demo2Counterpart(clerk);
  const employees = await clerk.get<{ items: Array<{ id: string; username: string }> }>(
    '/api/v1/employees?limit=100',
  );
  const headId = employees.body.items.find((e) => e.username === 'head')!.id;
  const forms = await allItems<{ id: string; code?: string }>(clerk, '/api/v1/reference/delivery-forms');
  const created = await clerk.post<{ id: string }>('/api/v1/documents/outgoing', {
    summary,
    content: 'Sorğunuza cavab olaraq məlumatı göndəririk.',
    signatoryId: headId,
    recipients: [{ counterpartId: counterpart.id }],
    deliveryFormId: forms.find((f) => f.code === 'edms')!.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const signed = await signThroughRoute<{ id: string; version: number; registration: { number: string } }>(
    clerk,
    apiClient(baseUrl, await tokenFor(baseUrl, 'head')),
    created.body.id,
    headId,
  );
  const sent = await clerk.post(`/api/v1/documents/${created.body.id}/send`, { version: signed.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { id: created.body.id, number: signed.registration.number };
}

test('two agencies exchange a signed letter and its receipt through the platform', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = runId();
  const summary = `Elektron mübadilə məktubu ${id}`;

  // Arrange: demo2 is a counterpart of demo1 (by its VÖEN), which receives on the platform
  const counterpart = await demo2Counterpart(apiClient(baseUrl, await tokenFor(baseUrl, clerkUser)));
  const recipientName = counterpart.name.az;
  expect(counterpart.onPlatform, 'the counterparts list says demo2 receives on the platform').toBe(true);
  const sender = await signedInPage(browser, clerkUser);

  // Act 1: demo1's clerk prepares the outgoing letter to demo2, delivered by the EDMS
  await sender.goto('/documents/new/?kind=outgoing');
  await expect(
    sender.getByRole('heading', { level: 1, name: 'Göndərilən sənədin qeydiyyatı' }),
  ).toBeVisible();
  await sender.getByLabel('İmzalayan şəxs').selectOption({ label: SIGNATORY });
  await sender.getByLabel('Qısa məzmun').fill(summary);
  await sender.getByLabel('Sənədin mətni').fill('Birgə layihə üzrə təkliflərimizi göndəririk.');
  const recipient = sender.getByRole('group', { name: 'Alıcı 1' });
  const choice = recipient.getByLabel('Təşkilat (siyahıdan)');
  await expect(choice.locator(`option[value="${counterpart.id}"]`)).toContainText('Platformada');
  await choice.selectOption(counterpart.id);
  await sender.getByLabel('Çatdırılma forması').selectOption({ label: 'Elektron sənəd dövriyyəsi sistemi' });
  await sender.getByLabel('Alınma bildirişi üçün müddət (iş günü)').fill('5');
  await sender.getByLabel('Nomenklatur').selectOption({ index: 1 });
  await expectAccessible(sender, 'outgoing form with the receipt period');
  await sender.getByRole('button', { name: 'Qeydiyyata al' }).click();
  const heading = sender.getByRole('heading', { level: 1, name: /^Göndərilən sənəd № / });
  await expect(heading).toBeVisible();
  const letterNumber = (await heading.textContent())!.replace(/^Göndərilən sənəd № /, '').trim();
  const letterId = new URL(sender.url()).searchParams.get('id')!;

  // The head signs it (a one-stage signing route, through the API: the Viza tab is signatures.spec.ts's)
  const clerk1 = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const employees = await clerk1.get<{ items: Array<{ id: string; username: string }> }>(
    '/api/v1/employees?limit=100',
  );
  const headId = employees.body.items.find((e) => e.username === 'head')!.id;
  await signThroughRoute(clerk1, apiClient(baseUrl, await tokenFor(baseUrl, 'head')), letterId, headId);

  // ... and the clerk sends it: the card shows its delivery to demo2
  await sender.reload();
  await expect(heading).toBeVisible();
  await sender.getByRole('button', { name: 'Göndər', exact: true }).click();
  await expect(sender.getByTestId('document-status')).toHaveText('Göndərilib');
  const delivery = sender.getByTestId('delivery').filter({ hasText: recipientName });
  await expect(delivery).toBeVisible();
  await expect(delivery.getByTestId('delivery-step-sent')).toContainText('Göndərilib');
  // The platform delivers it into demo2's queue; the receipt period runs from then.
  await expect(async () => {
    await sender.reload();
    await expect(delivery.getByTestId('delivery-receipt-due')).toContainText(
      'Alınma bildirişinin son tarixi:',
      {
        timeout: 2_000,
      },
    );
  }).toPass({ timeout: 30_000 });
  await expectAccessible(sender, 'outgoing card with its delivery');

  // Act 2: demo2's clerk finds the letter in the queue, verified, and registers it
  const recipientClerk = await signedInPage(browser, DEMO2.clerk);
  const menu = recipientClerk.getByRole('navigation', { name: 'Əsas menyu' });
  await menu.getByRole('link', { name: 'Elektron qəbul' }).click();
  await expect(
    recipientClerk.getByRole('heading', { level: 1, name: 'Daxil olan elektron sənədlər' }),
  ).toBeVisible();
  const item = recipientClerk.getByTestId('received-row').filter({ hasText: summary });
  await expect(async () => {
    await recipientClerk.reload();
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(item).toContainText(DEMO1);
  await expect(item).toContainText(`№ ${letterNumber}`);
  await expect(item).toContainText('Qurum (platforma)');
  await expect(item.getByTestId('verification-badge')).toHaveText('Təsdiqlənib');
  // The menu counts the documents waiting for registration.
  await expect(menu.getByTestId('received-count')).toBeVisible();
  await expectAccessible(recipientClerk, 'received documents queue');

  await item.getByRole('link', { name: DEMO1 }).click();
  await expect(
    recipientClerk.getByRole('heading', { level: 1, name: `Daxil olan elektron sənəd: ${DEMO1}` }),
  ).toBeVisible();
  await expect(recipientClerk.getByTestId('verification-result')).toContainText('Bütün imzalar etibarlıdır');
  const signature = recipientClerk.getByTestId('received-signature').first();
  await expect(signature).toContainText(SIGNATORY);
  await expect(signature).toContainText('Etibarlıdır');
  await expectAccessible(recipientClerk, 'received document card');

  await recipientClerk.getByRole('button', { name: 'Qeydiyyata al' }).click();
  const form = recipientClerk.getByRole('region', { name: 'Daxil olan sənəd kimi qeydiyyata al' });
  await expect(form).toBeVisible();
  await expectAccessible(recipientClerk, 'register form of a received document');
  await form.getByRole('button', { name: 'Qeydiyyata al' }).click();

  // Assert 1: the new incoming document carries the sender's number and date
  const incoming = recipientClerk.getByRole('heading', { level: 1, name: /^Daxil olan sənəd № / });
  await expect(incoming).toBeVisible();
  const incomingNumber = (await incoming.textContent())!.replace(/^Daxil olan sənəd № /, '').trim();
  const main = recipientClerk.getByRole('main');
  await expect(main).toContainText(letterNumber);
  await expect(main).toContainText(summary);

  // Assert 2: demo1's card shows the receipt: registered by demo2 as № … on …
  const registered = delivery.getByTestId('delivery-registered');
  await expect(async () => {
    await sender.reload();
    await expect(registered).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const clerk2 = apiClient(baseUrl, await tokenFor(baseUrl, DEMO2.clerk));
  const doc2 = await clerk2.get<{ registration: { at: string } }>(
    `/api/v1/documents/${new URL(recipientClerk.url()).searchParams.get('id')!}`,
  );
  const registeredOn = displayDate(
    new Date(Date.parse(doc2.body.registration.at) + 4 * 3_600_000).toISOString().slice(0, 10),
  );
  await expect(registered).toHaveText(
    `${recipientName} tərəfindən № ${incomingNumber} ilə ${registeredOn} tarixində qeydiyyata alınıb`,
  );
  await expect(delivery.getByTestId('delivery-step-registered')).toContainText('Qeydiyyata alınıb');
  // Both sides keep evidence: the sender's export holds the signed receipt notice, intact.
  const [download] = await Promise.all([
    sender.waitForEvent('download'),
    sender.getByRole('button', { name: 'Mübadilə sübutunu endir (JSON)' }).click(),
  ]);
  const evidence = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    side: string;
    deliveries: Array<{ registration?: { number: string }; receipt?: { intact: boolean } }>;
  };
  expect(evidence.side).toBe('sender');
  expect(evidence.deliveries[0]?.registration?.number).toBe(incomingNumber);
  expect(evidence.deliveries[0]?.receipt?.intact).toBe(true);
  await expectAccessible(sender, 'outgoing card with the receipt');

  // ... and the queue of demo2 has it among the registered ones
  await recipientClerk.goto('/received/?state=registered');
  await expect(recipientClerk.getByTestId('received-row').filter({ hasText: summary })).toBeVisible();

  // demo2's admin (the same person) sees the intake address and sets the receipt period
  await recipientClerk.goto('/admin/');
  const settings = recipientClerk.getByRole('region', { name: 'Elektron sənəd mübadiləsi' });
  await expect(settings.getByTestId('intake-address')).toHaveText(/^demo2@/);
  await settings.getByRole('button', { name: 'Mübadilə parametrlərini dəyişdir' }).click();
  await settings.getByLabel('Alınma bildirişi üçün müddət (iş günü)').fill('0');
  await settings.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(settings.getByText('1 ilə 60 arasında tam ədəd yazın.')).toBeVisible();
  await settings.getByLabel('Alınma bildirişi üçün müddət (iş günü)').fill('4');
  await settings.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(settings.getByRole('status')).toContainText('Mübadilə parametrləri saxlanıldı.');
  await expect(settings).toContainText('4 iş günü');
  await expectAccessible(recipientClerk, 'agency settings with the exchange section');
});

test('the recipient refuses a letter with a reason, and the sender’s card shows the refusal', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Arrange: a signed letter of demo1 sent to demo2 through the API
  const summary = `Rədd ediləcək məktub ${runId()}`;
  const letter = await sendThroughApi(summary);
  const reason = 'Məktub bizim qurumun səlahiyyətinə aid deyil.';

  // Act: demo2's clerk opens it from the queue and refuses it, the reason required
  const recipientClerk = await signedInPage(browser, DEMO2.clerk);
  const item = recipientClerk.getByTestId('received-row').filter({ hasText: summary });
  await expect(async () => {
    await recipientClerk.goto('/received/');
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await item.getByRole('link', { name: DEMO1 }).click();
  await recipientClerk.getByRole('button', { name: 'Rədd et' }).click();
  const form = recipientClerk.getByRole('region', { name: 'Sənədi rədd et' });
  await form.getByRole('button', { name: 'Rədd et' }).click();
  await expect(form.getByLabel('Rədd edilmə səbəbi')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(recipientClerk, 'refuse form with its error');
  await form.getByLabel('Rədd edilmə səbəbi').fill(reason);
  await form.getByRole('button', { name: 'Rədd et' }).click();

  // Assert: the item is refused (no actions left), in the refused tab, and the sender sees why
  await expect(recipientClerk.getByRole('status').filter({ hasText: 'Sənəd rədd edildi.' })).toBeVisible();
  await expect(recipientClerk.getByTestId('received-state')).toHaveText('Rədd edilib');
  await expect(recipientClerk.getByRole('button', { name: 'Qeydiyyata al' })).toHaveCount(0);
  await recipientClerk.goto('/received/?state=refused');
  await expect(recipientClerk.getByTestId('received-row').filter({ hasText: summary })).toBeVisible();

  const sender = await signedInPage(browser, clerkUser);
  const refused = sender.getByTestId('delivery-refused');
  await expect(async () => {
    await sender.goto(`/documents/view/?id=${letter.id}`);
    await expect(refused).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(refused).toContainText(reason);
  await expect(sender.getByTestId('delivery-step-refused')).toContainText('Rədd edilib');
  await expect(sender.getByTestId('delivery-step-registered')).toHaveCount(0);
  await expectAccessible(sender, 'outgoing card with a refused delivery');
});
