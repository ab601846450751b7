import { expect, test, type Page } from '@playwright/test';
import { apiClient, tokenFor, type Api } from '../support/api';
import {
  advanceClock,
  bakuDate,
  clerkUser,
  displayDate,
  expectAccessible,
  registerIncomingLetter,
  runId,
  serverNow,
  signedInPage,
  signIn,
} from './helpers';

// Resolutions, execution and control through the UI. The specs share one embedded default and run
// one after another: the last test moves its clock on (past a due date), so nothing here or in the
// specs after this one may depend on the machine's date; dates come from GET /local/clock.
test.describe.configure({ mode: 'serial' });

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const maildevApi = `http://127.0.0.1:${process.env.KARGUZAR_MAILDEV_PORT ?? Number(new URL(baseUrl).port) + 6}/api`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const people = {
  head: 'Həsənov Elçin Rafiq oğlu',
  deputy: 'Quliyeva Səbinə Vaqif qızı',
  controller: 'İsmayılov Fərid Ənvər oğlu',
  executor2: 'Abbasov Orxan Natiq oğlu',
  executor3: 'Nağıyeva Sevinc Rauf qızı',
  hr: 'Vəliyeva Könül Zakir qızı',
  hrinspector: 'Musayev Cavid Elxan oğlu',
};

type Doc = { id: string; version: number; status: string; registration?: { number: string } };
type Employee = { id: string; username: string; email: string; phone?: string };
type View = {
  documentVersion: number;
  assignments: Array<{ id: string; kind: string; ownerId: string; parentId?: string }>;
};

let employees: Employee[] = [];
const employee = (username: string) => {
  const found = employees.find((e) => e.username === username);
  expect(found, `demo user ${username}`).toBeDefined();
  return found as Employee;
};

/** "n gün qalıb" as the lists write it, n counted from the server's today (not the machine's). */
async function daysLeftText(due: string): Promise<string> {
  const today = bakuDate(await serverNow(baseUrl));
  return `${Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000)} gün qalıb`;
}

async function api(username: string): Promise<Api> {
  return apiClient(baseUrl, await tokenFor(baseUrl, username));
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Əsas menyu' });

/** The card of a document on its İcra tab, with the tree loaded. */
async function openExecutionTab(page: Page, docId: string) {
  await page.goto(`/documents/view/?id=${docId}&tab=execution`);
  await expect(page.getByRole('tab', { name: 'İcra', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Dərkənarlar və icra' })).toBeVisible();
}

test.beforeAll(async () => {
  const admin = await api('admin');
  const res = await admin.get<{ items: Employee[] }>('/api/v1/employees?limit=100');
  expect(res.status).toBe(200);
  employees = res.body.items;
});

test('a clerk registers, the acting head writes a resolution, executors report and close, the controller accepts', async ({
  browser,
  page,
}) => {
  test.setTimeout(420_000);
  const id = runId();
  const summary = `İcraya nəzarət sınağı ${id}`;
  const now = await serverNow(baseUrl);
  const due = bakuDate(now, 14);

  // Arrange: hr is away, hrinspector acts for hr (this run's substitution, from the server's today).
  const admin = await api('admin');
  const substitution = await admin.post('/api/v1/substitutions', {
    employeeId: employee('hr').id,
    substituteId: employee('hrinspector').id,
    from: bakuDate(now),
    to: bakuDate(now, 30),
    reason: `E2E ${id}`,
    active: true,
  });
  expect(substitution.status, JSON.stringify(substitution.body)).toBe(201);

  // The clerk registers an incoming appeal addressed to the head.
  await signIn(page, clerkUser);
  const { number, docId } = await registerIncomingLetter(page, {
    citizen: `Vətəndaş ${id}`,
    summary,
    addressee: people.head,
  });
  await page.getByRole('tab', { name: 'İcra', exact: true }).click();
  await expect(page.getByText('Sənədə hələ dərkənar yazılmayıb.')).toBeVisible();
  // The clerk may not write resolutions.
  await expect(page.getByRole('button', { name: 'Dərkənar yaz' })).toHaveCount(0);
  await expectAccessible(page, 'İcra tab without resolutions');

  // The deputy (head role) writes the resolution: two executors, a controller, a due date.
  const deputy = await signedInPage(browser, 'deputy');
  await openExecutionTab(deputy, docId);
  await deputy.getByRole('button', { name: 'Dərkənar yaz' }).click();
  const form = deputy.getByRole('region', { name: 'Yeni dərkənar' });
  await form.getByLabel('Dərkənarın mətni').fill('Araşdırıb vətəndaşa cavab hazırlayın.');
  await form.getByLabel('Məsul icraçı').selectOption({ label: people.executor2 });
  await form.getByRole('group', { name: 'Həmicraçılar' }).getByLabel(people.executor3).check();
  await form.getByRole('group', { name: 'Məlumat üçün' }).getByLabel(people.hr).check();
  await form.getByLabel('Nəzarətçi', { exact: true }).selectOption({ label: people.controller });
  // A due date in the past is refused next to its field.
  await form.getByLabel('İcra müddəti').fill('01.01.2020');
  await form.getByRole('button', { name: 'Dərkənarı göndər' }).click();
  await expect(form.getByLabel('İcra müddəti')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(deputy, 'resolution form with a field error');
  await form.getByLabel('İcra müddəti').fill(displayDate(due));
  await form.getByRole('button', { name: 'Dərkənarı göndər' }).click();
  await expect(deputy.getByRole('status').filter({ hasText: 'Dərkənar yazıldı' })).toBeVisible();
  await expect(deputy.getByTestId('document-status')).toHaveText('İcradadır');
  const resolution = deputy.getByTestId('resolution');
  await expect(
    resolution.getByRole('heading', { name: new RegExp(`^Dərkənar: ${people.deputy}`) }),
  ).toBeVisible();
  await expect(resolution).toContainText(displayDate(due));
  await expect(resolution).toContainText(people.controller);
  const responsibleItem = resolution.getByTestId('executor').filter({ hasText: people.executor2 });
  await expect(responsibleItem).toContainText('Məsul icraçı');
  await expect(responsibleItem).toContainText('İcra gözlənilir');
  await expect(resolution.getByTestId('executor').filter({ hasText: people.executor3 })).toContainText(
    'Həmicraçı',
  );
  // The for-information recipient is away: the substitute holds the notice on hr's behalf.
  const informed = resolution.getByTestId('informed').filter({ hasText: people.hr });
  await expect(informed).toContainText(`əvəz edən şəxs icra edir: ${people.hrinspector}`);
  await expect(informed).toContainText('Oxunmayıb');
  await expectAccessible(deputy, 'İcra tab with a resolution');
  // The approval box of a head: a real (here empty) list with the filter row.
  await menu(deputy).getByRole('link', { name: 'Razılaşdırmaya gələnlər' }).click();
  await expect(deputy.getByRole('heading', { level: 1, name: 'Razılaşdırmaya gələnlər' })).toBeVisible();
  await expect(deputy.getByLabel('Filtr: Qısa məzmun')).toBeVisible();
  await expectAccessible(deputy, 'for-approval list');
  await deputy.context().close();

  // The substitute reads the notice from Məlumata gələnlər, on hr's behalf.
  const inspector = await signedInPage(browser, 'hrinspector');
  await menu(inspector).getByRole('link', { name: 'Məlumata gələnlər' }).click();
  await expect(inspector.getByRole('heading', { level: 1, name: 'Məlumata gələnlər' })).toBeVisible();
  await inspector.getByLabel('Filtr: Qısa məzmun').fill(summary);
  await inspector.getByLabel('Filtr: Qısa məzmun').press('Enter');
  const infoRow = inspector.getByRole('row', { name: new RegExp(escape(number)) });
  await expect(infoRow).toContainText('Oxunmayıb');
  await expect(infoRow).toContainText(people.hr);
  await expectAccessible(inspector, 'for-information list');
  await infoRow.getByRole('button', { name: `Oxundu kimi qeyd et: ${number}` }).click();
  await expect(inspector.getByRole('status').filter({ hasText: 'oxundu kimi qeyd edildi' })).toBeVisible();
  await expect(infoRow).toContainText('Oxunub');
  await inspector.getByLabel('Filtr: Oxunub').selectOption({ label: 'Yalnız oxunmamış' });
  await expect(inspector.getByText('Məlumat üçün gələn sənəd yoxdur.')).toBeVisible();
  await inspector.context().close();

  // The co-executor finds the task in İcraya gələnlər and reports.
  const executor3 = await signedInPage(browser, 'executor3');
  await menu(executor3).getByRole('link', { name: 'İcraya gələnlər' }).click();
  await expect(executor3.getByRole('heading', { level: 1, name: 'İcraya gələnlər' })).toBeVisible();
  await executor3.getByLabel('Filtr: Qısa məzmun').fill(summary);
  await executor3.getByLabel('Filtr: Qısa məzmun').press('Enter');
  const taskRow = executor3.getByRole('row', { name: new RegExp(escape(number)) });
  await expect(taskRow).toContainText(displayDate(due));
  await expect(taskRow).toContainText(await daysLeftText(due));
  await expect(taskRow).toContainText('İcra gözlənilir');
  await expectAccessible(executor3, 'for-execution list');
  await taskRow.getByRole('link', { name: number }).click();
  await expect(executor3).toHaveURL(/tab=execution/);
  const mine3 = executor3.getByTestId('executor').filter({ hasText: people.executor3 });
  await mine3.getByRole('button', { name: 'Hesabat ver' }).click();
  const reportForm = executor3.getByRole('region', { name: 'Hesabat ver' });
  // Reporting nothing is refused next to the text.
  await reportForm.getByRole('button', { name: 'Hesabat ver' }).click();
  await expect(reportForm.getByLabel('Görülən iş')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(executor3, 'report form with a field error');
  await reportForm.getByLabel('Görülən iş').fill('Vətəndaşın ünvanı yoxlanıldı.');
  await reportForm.getByRole('button', { name: 'Hesabat ver' }).click();
  await expect(executor3.getByRole('status').filter({ hasText: 'Hesabat qeydə alındı.' })).toBeVisible();
  await expect(mine3).toContainText('Hesabat verilib');
  await expect(mine3).toContainText('Vətəndaşın ünvanı yoxlanıldı.');
  // A co-executor cannot close the execution.
  await expect(mine3.getByRole('button', { name: 'İcranı başa çatdır' })).toHaveCount(0);
  await executor3.context().close();

  // The responsible executor closes.
  const executor2 = await signedInPage(browser, 'executor2');
  await openExecutionTab(executor2, docId);
  const mine2 = executor2.getByTestId('executor').filter({ hasText: people.executor2 });
  await mine2.getByRole('button', { name: 'İcranı başa çatdır' }).click();
  const closeForm = executor2.getByRole('region', { name: 'İcranı başa çatdır' });
  await closeForm.getByLabel('Görülən iş').fill('Cavab hazırlanıb, vətəndaşa göndərilib.');
  await expectAccessible(executor2, 'close form');
  await closeForm.getByRole('button', { name: 'İcranı başa çatdır' }).click();
  await expect(executor2.getByRole('status').filter({ hasText: 'İcra başa çatdırıldı.' })).toBeVisible();
  await expect(executor2.getByTestId('resolution')).toContainText('nəzarətçinin qəbulunu gözləyir');
  // Etdiklərim: the document is in the executor's personal archive.
  await menu(executor2).getByRole('link', { name: 'Etdiklərim' }).click();
  await expect(executor2.getByRole('heading', { level: 1, name: 'Etdiklərim' })).toBeVisible();
  await expect(executor2.getByRole('row', { name: new RegExp(escape(number)) })).toBeVisible();
  await expectAccessible(executor2, 'my-documents list');
  await executor2.context().close();

  // The controller sees it under control, asks for a reason before returning, then accepts.
  const controller = await signedInPage(browser, 'controller');
  await menu(controller).getByRole('link', { name: 'Nəzarətimdə olanlar' }).click();
  await expect(controller.getByRole('heading', { level: 1, name: 'Nəzarətimdə olanlar' })).toBeVisible();
  const controlRow = controller.getByRole('row', { name: new RegExp(escape(number)) });
  await expect(controlRow).toContainText(await daysLeftText(due));
  await expect(controlRow).toContainText('Bağlanıb');
  await expectAccessible(controller, 'under-control list');
  await controlRow.getByRole('link', { name: number }).click();
  const controlled = controller.getByTestId('resolution');
  await controlled.getByRole('button', { name: 'Yenidən icraya qaytar' }).click();
  const returnForm = controller.getByRole('region', { name: 'Yenidən icraya qaytar' });
  await returnForm.getByRole('button', { name: 'Yenidən icraya qaytar' }).click();
  await expect(returnForm.getByLabel('Qaytarılma səbəbi')).toHaveAttribute('aria-invalid', 'true');
  await returnForm.getByRole('button', { name: 'İmtina' }).click();
  await controlled.getByRole('button', { name: 'İcranı qəbul et' }).click();
  const acceptForm = controller.getByRole('region', { name: 'İcranı qəbul et' });
  await expectAccessible(controller, 'accept form');
  await acceptForm.getByRole('button', { name: 'İcranı qəbul et' }).click();
  await expect(controller.getByRole('status').filter({ hasText: 'İcra qəbul edildi.' })).toBeVisible();
  await expect(controller.getByTestId('document-status')).toHaveText('İcra olunub');
  await expect(controlled).toContainText('İcra olunub');

  // Every step is in the operations log.
  await controller.getByRole('tab', { name: 'Əməliyyatlar', exact: true }).click();
  for (const action of [
    'Dərkənar yazılıb',
    'İcra hesabatı',
    'İcra başa çatdırılıb',
    'İcra qəbul edilib',
    'Oxunub',
  ]) {
    await expect(controller.getByRole('row', { name: new RegExp(action) }).first()).toBeVisible();
  }
  await expect(controller.getByRole('row', { name: /Oxunub/ }).first()).toContainText(people.hr);
  await expectAccessible(controller, 'operations log with execution entries');
  await controller.context().close();
});

test('the admin edits the working-day calendar; a user chooses notification channels', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const now = await serverNow(baseUrl);
  const year = Number(bakuDate(now).slice(0, 4));
  // A far day of next year: the deadlines of this run never reach it.
  const date = `${year + 1}-12-28`;

  const admin = await signedInPage(browser, 'admin');
  await menu(admin).getByRole('link', { name: 'İdarəetmə' }).click();
  await menu(admin).getByRole('link', { name: 'İş günləri təqvimi' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'İş günləri təqvimi' })).toBeVisible();
  await expect(
    admin.getByRole('heading', { level: 2, name: `${year}: qeyri-iş və iş günləri` }),
  ).toBeVisible();
  await expect(admin.getByText('Həftəlik istirahət günləri: Şənbə, Bazar.')).toBeVisible();
  await expectAccessible(admin, 'calendar page');

  // An agency day off, then undone.
  await admin.getByLabel('İl', { exact: true }).selectOption(String(year + 1));
  await admin.getByRole('textbox', { name: /^Tarix/ }).fill(displayDate(date));
  await admin.getByLabel('Növü').selectOption({ label: 'İstirahət günü' });
  await admin
    .getByRole('group', { name: 'Adı', exact: true })
    .getByLabel('Azərbaycanca')
    .fill('Təşkilatın günü');
  await admin.getByRole('button', { name: 'Yadda saxla' }).first().click();
  await expect(
    admin.getByRole('status').filter({ hasText: `${displayDate(date)} yadda saxlanıldı.` }),
  ).toBeVisible();
  const row = admin.getByRole('row', { name: new RegExp(escape(displayDate(date))) });
  await expect(row).toContainText('Təşkilatın günü');
  await expect(row).toContainText('təşkilatın dəyişikliyi');
  await expectAccessible(admin, 'calendar page with an edit');
  await admin.getByRole('button', { name: `Dəyişikliyi ləğv et: ${displayDate(date)}` }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'ləğv edildi' })).toBeVisible();
  await expect(row).toHaveCount(0);

  // A year with no Ramazan and Qurban data (past the built-in years and today): a warning, a way
  // to the form, errors announced, then the year entered.
  const bare = Math.max(year, 2027) + 6;
  await admin.getByLabel('İl', { exact: true }).selectOption(String(bare));
  await expect(
    admin.getByRole('heading', { level: 2, name: `${bare}: qeyri-iş və iş günləri` }),
  ).toBeVisible();
  const warning = admin.getByRole('note').filter({
    hasText: `${bare} üçün Ramazan və Qurban bayramlarının tarixləri daxil edilməyib.`,
  });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('yalnız sabit bayramlar və həftəlik istirahət günləri');
  // The fixed holidays are there all the same.
  await expect(admin.getByRole('row', { name: new RegExp(escape(`01.01.${bare}`)) })).toContainText(
    'Yeni il bayramı',
  );
  await expectAccessible(admin, 'calendar page of a year without yearly data');
  await warning.getByRole('button', { name: `${bare} üçün tarixləri daxil edin` }).click();
  const ramazan = admin.getByRole('textbox', { name: /^Ramazan bayramının birinci günü/ });
  const qurban = admin.getByRole('textbox', { name: /^Qurban bayramının birinci günü/ });
  await expect(ramazan).toBeFocused();
  const yearForm = admin.locator('form').filter({ has: ramazan });
  // Checked in the browser: a date of another year.
  await ramazan.fill(`03.04.${bare + 1}`);
  await qurban.fill(`10.06.${bare}`);
  await yearForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(yearForm.getByRole('alert')).toContainText('Xanaları yoxlayın.');
  await expect(ramazan).toHaveAttribute('aria-invalid', 'true');
  await expect(ramazan).toHaveAccessibleDescription(new RegExp(`Tarix ${bare} ilinə aid olmalıdır`));
  await expect(ramazan).toBeFocused();
  // Checked by the API: Qurban on Ramazan's second day.
  await ramazan.fill(`03.04.${bare}`);
  await qurban.fill(`04.04.${bare}`);
  await yearForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(yearForm.getByRole('alert')).toContainText(
    'Bu tarix başqa bayram və ya köçürmə günü ilə üst-üstə düşür',
  );
  await expect(qurban).toHaveAttribute('aria-invalid', 'true');
  await expect(qurban).toBeFocused();
  await expectAccessible(admin, 'year data form with errors');
  await qurban.fill(`10.06.${bare}`);
  await yearForm
    .getByLabel('Məlumatın vəziyyəti')
    .selectOption({ label: 'Təsdiqlənib (Nazirlər Kabinetinin qərarı)' });
  await yearForm.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(
    admin
      .getByRole('status')
      .filter({ hasText: `${bare} üçün Ramazan, Qurban və köçürmə tarixləri yadda saxlanıldı.` }),
  ).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expect(
    admin.getByText(
      `${bare} üçün Ramazan və Qurban bayramlarının tarixləri Nazirlər Kabinetinin qərarı ilə təsdiqlənib.`,
    ),
  ).toBeVisible();
  await expect(admin.getByRole('row', { name: new RegExp(escape(`03.04.${bare}`)) })).toContainText(
    'Ramazan bayramı',
  );
  await expect(ramazan).toHaveValue(`03.04.${bare}`);

  // The home page warns the admin when the current year (or, from 1 December, the next) lacks
  // the data. The server's clock decides which years; the answer is stubbed here so that the
  // check does not depend on the date.
  const lacking = bare + 1;
  await admin.route('**/api/v1/calendar/years', (route) =>
    route.fulfill({
      json: { today: bakuDate(now), years: [], missing: [lacking], version: 1 },
    }),
  );
  await admin.goto('/home/');
  const homeWarning = admin.getByRole('note').filter({ hasText: 'Ramazan və Qurban tarixləri çatışmır' });
  await expect(homeWarning).toContainText(
    `${lacking} üçün Ramazan və Qurban bayramlarının tarixləri daxil edilməyib`,
  );
  await expectAccessible(admin, 'home page with the calendar warning');
  await homeWarning.getByRole('link', { name: `${lacking} üçün tarixləri daxil edin` }).click();
  await expect(
    admin.getByRole('heading', { level: 2, name: `${lacking}: qeyri-iş və iş günləri` }),
  ).toBeVisible();
  await expect(admin.getByLabel('İl', { exact: true })).toHaveValue(String(lacking));
  await admin.unroute('**/api/v1/calendar/years');
  await admin.context().close();

  // The controller turns SMS on (the overdue notice of the next test also goes by SMS).
  const controller = await signedInPage(browser, 'controller');
  await controller.getByRole('link', { name: 'Bildirişlər' }).click();
  await expect(controller.getByRole('heading', { level: 1, name: 'Bildirişlər' })).toBeVisible();
  await expect(controller.getByLabel(/^E-poçt ilə/)).toBeChecked();
  await expectAccessible(controller, 'notification settings');
  await controller.getByLabel('SMS ilə').check();
  await controller.getByLabel('Bildirişlərin dili').selectOption({ label: 'Azərbaycanca' });
  await controller.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(
    controller.getByRole('status').filter({ hasText: 'Bildiriş ayarları yadda saxlanıldı.' }),
  ).toBeVisible();
  await controller.reload();
  await expect(controller.getByLabel('SMS ilə')).toBeChecked();
  await controller.context().close();
});

// Moves the shared clock past a due date: keep it the last test of the last spec that cares.
test('past its due date a controlled resolution is overdue: e-mail, SMS and the top of Nəzarətimdə olanlar', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const id = runId();
  const now = await serverNow(baseUrl);
  const today = bakuDate(now);
  const clerk = await api(clerkUser);
  const deputy = await api('deputy');
  const registered = await clerk.post<Doc>('/api/v1/documents/incoming', {
    sender: { kind: 'citizen', name: `Vətəndaş ${id}`, phone: '+994500002002' },
    summary: `Müddəti keçən sənəd ${id}`,
    addresseeId: employee('head').id,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const doc = registered.body;
  const number = doc.registration!.number;
  const resolved = await deputy.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
    version: doc.version,
    text: 'Bu gün icra edin.',
    executors: [{ employeeId: employee('executor2').id, responsible: true }],
    controllerId: employee('controller').id,
    dueDate: today,
  });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);

  // The clock passes the due date (midnight in Baku) and the deadline machine speaks.
  const tomorrow = bakuDate(now, 1);
  await advanceClock(
    baseUrl,
    Date.parse(`${tomorrow}T00:00:05+04:00`) - Date.parse(await serverNow(baseUrl)),
  );
  const controllerEmail = employee('controller').email;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${maildevApi}/email`)).json()) as Array<{
          subject: string;
          to: Array<{ address: string }>;
        }>;
        return mails.some(
          (m) =>
            m.subject === `İcra müddəti keçib: ${number}` && m.to.some((t) => t.address === controllerEmail),
        );
      },
      { timeout: 60_000, message: 'the overdue e-mail to the controller' },
    )
    .toBe(true);
  const phone = employee('controller').phone;
  await expect
    .poll(
      async () => {
        const sms = (await (await fetch(`${baseUrl}/local/sms?limit=500`)).json()) as {
          items: Array<{ phone: string; text: string }>;
        };
        return sms.items.some((s) => s.phone === phone && s.text.includes(number));
      },
      { timeout: 30_000, message: 'the overdue SMS to the controller' },
    )
    .toBe(true);

  // The controller's list: the overdue document leads, marked in words, not only by colour.
  await signIn(page, 'controller');
  await menu(page).getByRole('link', { name: 'Nəzarətimdə olanlar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nəzarətimdə olanlar' })).toBeVisible();
  const firstRow = page
    .locator('tbody tr')
    .filter({ has: page.getByRole('link') })
    .first();
  await expect(firstRow.getByRole('link', { name: number })).toBeVisible();
  await expect(firstRow).toContainText('Müddəti keçib: 1 gün');
  await expect(firstRow.getByTestId('overdue')).toBeVisible();
  await expectAccessible(page, 'under-control list with an overdue document');
  await page.getByLabel('Filtr: Dərkənar').selectOption({ label: 'Yalnız icra olunmamış' });
  await expect(page).toHaveURL(/[?&]open=true/);
  await expect(firstRow.getByRole('link', { name: number })).toBeVisible();

  // Clean up: executed, so a later run's overdue document leads the list again.
  const executor2 = await api('executor2');
  const controller = await api('controller');
  const view = async (who: Api) => (await who.get<View>(`/api/v1/documents/${doc.id}/execution`)).body;
  const task = (await view(executor2)).assignments.find((a) => a.kind === 'execution')!;
  const closed = await executor2.post(`/api/v1/documents/${doc.id}/assignments/${task.id}/close`, {
    version: (await view(executor2)).documentVersion,
    text: 'Gecikmə ilə icra olundu.',
  });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  const top = (await view(controller)).assignments.find((a) => a.kind === 'resolution')!;
  const accepted = await controller.post(`/api/v1/documents/${doc.id}/assignments/${top.id}/accept`, {
    version: (await view(controller)).documentVersion,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
});
