import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { signThroughRoute } from '../support/approval';
import { clerkUser, expectAccessible, runId, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
/** maildev's REST API (under /api): the embedded default puts its web port at PORT+6 unless told otherwise. */
const maildevApi = `http://127.0.0.1:${process.env.KARGUZAR_MAILDEV_PORT ?? Number(new URL(baseUrl).port) + 6}/api`;
const scan = fileURLToPath(new URL('./fixtures/scan-3-pages.pdf', import.meta.url));
const FIN = '5ZK7QH2';
const APPLICANT = 'Məmmədova Aysel Elçin qızı';
const SIGNATORY = 'Həsənov Elçin Rafiq oğlu';

interface MaildevEmail {
  subject: string;
  to: Array<{ address: string }>;
  attachments?: Array<{ filename: string; contentType: string; size?: number }>;
}

/** Each tab of the card: select it, wait for its content, run axe. */
async function checkTab(page: Page, name: string, ready: (page: Page) => Promise<void>) {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await ready(page);
  await expectAccessible(page, `card tab ${name}`);
}

test('a clerk registers a repeated citizen appeal with a scan, previews it, replies by e-mail and prints the card', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // Arrange: an earlier appeal of the same applicant, registered through the API.
  const id = runId();
  const api = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const earlier = await api.post<{ id: string; registration: { number: string } }>(
    '/api/v1/documents/incoming',
    {
      sender: { kind: 'citizen', name: APPLICANT, fin: FIN },
      summary: `Mənzil növbəsi barədə ilk müraciət ${id}`,
    },
  );
  expect(earlier.status).toBe(201);
  const earlierNumber = earlier.body.registration.number;
  const summary = `Mənzil növbəsi barədə təkrar müraciət ${id}`;
  const replyTo = `reply.${id}@example.com`;

  await signIn(page, clerkUser);

  // Act: the registration form of an incoming document, the citizen filled from the registry.
  await page.goto('/documents/new/?kind=incoming');
  await expect(page.getByRole('heading', { level: 1, name: 'Daxil olan sənədin qeydiyyatı' })).toBeVisible();
  await expectAccessible(page, 'incoming registration form');
  await page.getByLabel('FİN', { exact: true }).fill(FIN.toLowerCase());
  await page.getByRole('button', { name: 'Reyestrdən doldur' }).click();
  await expect(page.getByLabel('Soyadı, adı, atasının adı')).toHaveValue(APPLICANT);
  await expect(page.getByLabel('Ünvan')).toHaveValue(/Nəsimi rayonu/);
  await page.getByLabel('Göndərənin sənədinin nömrəsi').fill(`E-${id}`);
  await page.getByLabel('Göndərənin sənədinin tarixi').fill('31.02.2026');
  await page.getByLabel('Qısa məzmun').fill(summary);

  // The earlier appeal is offered as the same matter, with its reason; the clerk links it.
  const repeat = page.getByRole('region', { name: 'Təkrar müraciət yoxlaması' });
  const candidate = repeat.getByRole('listitem').filter({ hasText: `№ ${earlierNumber}` });
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('eyni FİN');
  await candidate.getByRole('checkbox', { name: /Təkrar müraciət kimi bağla/ }).check();

  await page.getByLabel('Çatdırılma forması').selectOption({ label: 'Şəxsən' });
  await page.getByLabel('Vərəq sayı').fill('3');
  await page.getByLabel('Fayllar (skan edilmiş sənəd, əlavələr)').setInputFiles(scan);

  // A mistyped date is refused next to its field, in dd.MM.yyyy terms.
  await page.getByRole('button', { name: 'Qeydiyyata al' }).click();
  const senderDate = page.getByLabel('Göndərənin sənədinin tarixi');
  await expect(senderDate).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'incoming form with a field error');
  await senderDate.fill('02.03.2026');
  await page.getByRole('button', { name: 'Qeydiyyata al' }).click();

  // Assert: the card of the new document.
  await page.waitForURL(/\/documents\/view\/\?id=/);
  const heading = page.getByRole('heading', { level: 1, name: /^Daxil olan sənəd № / });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace(/^Daxil olan sənəd № /, '').trim();
  expect(number).not.toBe(earlierNumber);
  await expect(page.getByTestId('document-status')).toHaveText('Qeydiyyata alınıb');

  // The clerk finds it again through the incoming list's filter row and opens it from there.
  await page
    .getByRole('navigation', { name: 'Əsas menyu' })
    .getByRole('link', { name: 'Daxil olan' })
    .click();
  await page.getByLabel('Filtr: Qısa məzmun').fill(summary);
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(heading).toBeVisible();

  // Registration data is edited in place (PUT with the card's version).
  await page.getByRole('button', { name: 'Redaktə et' }).click();
  const edit = page.getByRole('region', { name: 'Qeydiyyat məlumatlarının redaktəsi' });
  await expect(edit.getByLabel('Soyadı, adı, atasının adı')).toHaveValue(APPLICANT);
  await edit.getByLabel('Qeyd').fill('Əsli poçtla da göndərilib');
  await expectAccessible(page, 'edit form');
  await edit.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByText('Dəyişikliklər saxlanıldı.')).toBeVisible();

  await checkTab(page, 'Əsas', async (p) => {
    await expect(p.getByRole('tabpanel')).toContainText(APPLICANT);
    await expect(p.getByRole('tabpanel')).toContainText('02.03.2026');
  });
  await checkTab(page, 'Tərkib', async (p) => {
    await expect(p.getByRole('row', { name: /scan-3-pages\.pdf/ })).toBeVisible();
    // pdf.js draws every page of the scan on a canvas (no PDF plugin in headless Chromium).
    await expect(p.getByRole('img', { name: 'scan-3-pages.pdf: səhifə 1 / 3' })).toBeVisible();
    await expect(p.locator('canvas.doc-pdf-page')).toHaveCount(3);
    await expect(p.getByText('Səhifələr: 3')).toBeVisible();
  });
  await checkTab(page, 'Viza', async (p) => {
    await expect(p.getByRole('tabpanel')).toContainText('marşrutlar bölməsi');
  });
  await checkTab(page, 'Əlaqəli sənədlər', async (p) => {
    const row = p.getByRole('row', { name: new RegExp(`№ ${earlierNumber}`) });
    await expect(row).toContainText('Təkrar müraciətdir');
  });
  await checkTab(page, 'Əməliyyatlar', async (p) => {
    await expect(p.getByRole('row', { name: /Qeydiyyata alınıb/ })).toContainText(
      'Cəfərova Günel Şahin qızı',
    );
    await expect(p.getByRole('row', { name: /Fayl əlavə edilib/ })).toContainText('scan-3-pages.pdf');
    await expect(p.getByRole('row', { name: /Redaktə edilib/ })).toContainText(
      'Qeyd: Əsli poçtla da göndərilib',
    );
  });

  // The printable registration card: decree 935 §146 code block on page 1, "Çap et" prints.
  await page.getByRole('link', { name: 'Qeydiyyat kartını çap et' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Qeydiyyat kartı' })).toBeVisible();
  const codeBlock = page.getByRole('region', { name: 'Qeydiyyat kodu' });
  await expect(codeBlock).toContainText('Rəqəmsal İnkişaf üzrə Dövlət Agentliyi');
  await expect(codeBlock).toContainText('Nümunə küçəsi 10');
  await expect(codeBlock).toContainText(number);
  await expect(codeBlock.getByRole('img', { name: `Qeydiyyat kodu (QR): ${number}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(summary);
  // The copy note counts the printed sheets (test/e2e/print.spec.ts), not the scan's 3 pages.
  await expect(page.getByRole('main')).toContainText('Elektron sənədin surəti. __ vərəq.');
  await expectAccessible(page, 'print page');
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Çap et' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.getByRole('link', { name: 'Karta qayıt' }).click();

  // A reply by e-mail: "Cavab hazırla" opens the outgoing form addressed to the applicant.
  await page.getByRole('link', { name: 'Cavab hazırla', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Göndərilən sənədin qeydiyyatı' })).toBeVisible();
  await expect(page.getByRole('link', { name: `№ ${number}`, exact: true })).toBeVisible();
  const recipient = page.getByRole('group', { name: 'Alıcı 1' });
  await expect(recipient.getByLabel('Alıcının adı')).toHaveValue(APPLICANT);
  await recipient.getByLabel('E-poçt').fill(replyTo);
  await page.getByLabel('İmzalayan şəxs').selectOption({ label: SIGNATORY });
  await page.getByLabel('Qısa məzmun').fill(`Təkrar müraciətə cavab ${id}`);
  await page.getByLabel('Sənədin mətni').fill('Müraciətiniz baxılıb; cavab əlavə olunur.');
  await page.getByLabel('Çatdırılma forması').selectOption({ label: 'E-poçt' });
  await page.getByLabel('Nomenklatur').selectOption({ index: 1 });
  await page.getByLabel('Fayllar (skan edilmiş sənəd, əlavələr)').setInputFiles(scan);
  await expectAccessible(page, 'outgoing registration form');
  await page.getByRole('button', { name: 'Qeydiyyata al' }).click();

  const replyHeading = page.getByRole('heading', { level: 1, name: /^Göndərilən sənəd № / });
  await expect(replyHeading).toBeVisible();
  const replyNumber = (await replyHeading.textContent())!.replace(/^Göndərilən sənəd № /, '').trim();
  // Decree 935 §147: an electronic letter leaves only signed by its signatory. The head signs the
  // reply from the task of a one-stage signing route (through the API here: the Viza tab is
  // signatures.spec.ts's), then the clerk sends it.
  const replyId = new URL(page.url()).searchParams.get('id')!;
  const clerkApi = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const employees = await clerkApi.get<{ items: Array<{ id: string; username: string }> }>(
    '/api/v1/employees?limit=100',
  );
  const headId = employees.body.items.find((e) => e.username === 'head')!.id;
  await signThroughRoute(clerkApi, apiClient(baseUrl, await tokenFor(baseUrl, 'head')), replyId, headId);
  await page.reload();
  await expect(replyHeading).toBeVisible();
  await page.getByRole('tab', { name: 'Tərkib', exact: true }).click();
  await expect(page.getByRole('row', { name: /scan-3-pages\.pdf/ })).toBeVisible();
  await page.getByRole('button', { name: 'Göndər', exact: true }).click();
  await expect(page.getByTestId('document-status')).toHaveText('Göndərilib');

  // The e-mail reaches the recipient with the signed single file attached (it carries the scan),
  // named after the reply's number.
  await expect
    .poll(
      async () => {
        const res = await fetch(`${maildevApi}/email`);
        const mails = (await res.json()) as MaildevEmail[];
        const mail = mails.find((m) => m.to.some((t) => t.address === replyTo));
        if (!mail) return undefined;
        return [
          mail.subject.startsWith(`${replyNumber} — `),
          ...(mail.attachments ?? []).map((a) => a.filename),
        ];
      },
      { timeout: 30_000 },
    )
    .toEqual([true, `${replyNumber.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`]);

  // The reply and the appeal point at each other.
  await page.getByRole('tab', { name: 'Əlaqəli sənədlər', exact: true }).click();
  const answered = page.getByRole('row', { name: new RegExp(`№ ${number}`) });
  await expect(answered).toContainText('Cavabdır');
  await answered.getByRole('link', { name: `№ ${number}` }).click();
  await expect(heading).toBeVisible();
  await page.getByRole('tab', { name: 'Əlaqəli sənədlər', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(`№ ${replyNumber}`) })).toContainText(
    'Bu sənədə cavab',
  );
});
