import { expect, test, type Page } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { clerkUser, expectAccessible, runId, signedInPage } from './helpers';

// E-signatures on an outgoing letter (Decree 935 §142.5, §144, §145): the legal department's head
// endorses it and the records office's head signs it on its Viza tab; the card's contents tab then
// shows both PAdES signatures on the single file, verified.
const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const people = {
  approver: 'Məmmədov Rəşad Əli oğlu',
  recordshead: 'Babayeva Nərmin Səməd qızı',
};

type Doc = { id: string; version: number };
type Employee = { id: string; username: string };

async function openRouteTab(page: Page, docId: string) {
  await page.goto(`/documents/view/?id=${docId}&tab=route`);
  await expect(page.getByRole('tab', { name: 'Viza', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Marşrut və viza' })).toBeVisible();
}

/** The participant's decision on the Viza tab: the button under their name, then the form's. */
async function decide(page: Page, name: string, action: 'Razılaşdır' | 'İmzala', done: string) {
  const mine = page.getByTestId('route-person').filter({ hasText: name });
  await mine.getByRole('button', { name: action }).click();
  const form = page.getByRole('region', { name: action });
  await form.getByRole('button', { name: action }).click();
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible();
}

test('heads endorse and sign an outgoing letter on its Viza tab; the card shows both signatures verified', async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // Arrange: an outgoing letter of this run with a route — the legal head's viza, the records head's signature
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const employees = await clerk.get<{ items: Employee[] }>('/api/v1/employees?limit=100');
  const emp = (username: string) => employees.body.items.find((e) => e.username === username)!.id;
  const summary = `İmzalı xaric olan məktub ${runId()}`;
  const letter = await clerk.post<Doc>('/api/v1/documents/outgoing', {
    summary,
    signatoryId: emp('recordshead'),
    recipients: [{ name: 'Rəqəmsal İnkişaf Nazirliyi' }],
  });
  expect(letter.status, JSON.stringify(letter.body)).toBe(201);
  const routed = await clerk.put<{ documentVersion: number }>(
    `/api/v1/documents/${letter.body.id}/approval-route`,
    {
      version: letter.body.version,
      stages: [
        { kind: 'endorsement', mode: 'sequential', participants: [{ employeeId: emp('approver') }] },
        { kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp('recordshead') }] },
      ],
    },
  );
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
  const started = await clerk.post(`/api/v1/documents/${letter.body.id}/approval-route/start`, {
    version: routed.body.documentVersion,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(200);

  // Act: the legal head endorses, the records head signs, each on the Viza tab
  const approver = await signedInPage(browser, 'approver');
  await openRouteTab(approver, letter.body.id);
  await decide(approver, people.approver, 'Razılaşdır', 'Viza verildi.');
  const head = await signedInPage(browser, 'recordshead');
  await openRouteTab(head, letter.body.id);
  await decide(head, people.recordshead, 'İmzala', 'Sənəd imzalandı.');

  // Assert: the contents tab lists the viza and the signature, each intact, chained and authorised
  await head.goto(`/documents/view/?id=${letter.body.id}`);
  await head.getByRole('tab', { name: 'Tərkib', exact: true }).click();
  const panel = head.getByRole('region', { name: 'Elektron imzalar' });
  const rows = panel.getByTestId('signature-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await expect(rows.nth(0)).toContainText(`Viza: ${people.approver}`);
  await expect(rows.nth(1)).toContainText(`İmza: ${people.recordshead}`);
  for (const i of [0, 1]) await expect(rows.nth(i)).toContainText('Etibarlıdır');
  await expect(rows.nth(1)).toContainText('bütün faylı əhatə edir');
  await expect(panel.getByRole('status')).toContainText('Bütün imzalar etibarlıdır');
  await expectAccessible(head, 'card contents tab with the verified signatures');
});
