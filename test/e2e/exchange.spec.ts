import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { allItems, apiClient, tokenFor, type Api } from '../support/api';
import { signThroughRoute } from '../support/approval';
import { adminUser, clerkUser, displayDate, expectAccessible, runId, signedInPage } from './helpers';

// Exchange of electronic documents between the two demo tenants (Decree 935 §141, §148, §149): the
// records office of demo1 sends a signed letter to demo2 through the platform ("Elektron sənəd
// dövriyyəsi sistemi"); demo2's clerk finds it verified in the queue and registers it; the receipt
// notice comes back and demo1's card shows "registered by demo2 as № … on …".
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const SIGNATORY = 'Həsənov Elçin Rafiq oğlu';
const DEMO1 = 'Rəqəmsal İnkişaf üzrə Dövlət Agentliyi (demo)';
const DEMO2 = { name: 'Xəzər Logistika MMC (demo)', voen: '1900000021', clerk: 'admin2' };

type Counterpart = { id: string; voen?: string; name: { az: string }; onPlatform?: boolean };

/** demo1's counterpart for demo2 (by its VÖEN): the seeded one, or one the admin adds. */
async function demo2Counterpart(admin: Api): Promise<Counterpart> {
  const existing = (await allItems<Counterpart>(admin, '/api/v1/reference/counterparts')).find(
    (c) => c.voen === DEMO2.voen,
  );
  if (existing) return existing;
  const created = await admin.post<Counterpart>('/api/v1/reference/counterparts', {
    name: { az: DEMO2.name },
    kind: 'organization',
    voen: DEMO2.voen,
    email: 'office@xezer-logistika.example.az',
    receivesElectronically: true,
    active: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

test('two agencies exchange a signed letter and its receipt through the platform', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = runId();
  const summary = `Elektron mübadilə məktubu ${id}`;

  // Arrange: demo2 is a counterpart of demo1 (by its VÖEN), which receives on the platform
  const admin1 = apiClient(baseUrl, await tokenFor(baseUrl, adminUser));
  const counterpart = await demo2Counterpart(admin1);
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
