import { expect, test } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { readPdf } from '../support/scans';
import { clerkUser, runId, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

test('the printed registration card counts its own printed sheets in the copy note (decree 935 §143)', async ({
  page,
}) => {
  // An incoming paper of 7 pages, with a note long enough to print the card on more than one sheet.
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const note = Array.from({ length: 90 }, (_, i) => `Qeyd sətri ${i + 1}: əsli poçtla göndərilib.`).join(' ');
  const registered = await clerk.post<{ id: string; registration: { number: string } }>(
    '/api/v1/documents/incoming',
    {
      sender: { kind: 'citizen', name: 'Quliyeva Səbinə Tofiq qızı' },
      summary: `Çap sınağı ${runId()}`,
      pageCount: 7,
      note: note.slice(0, 4000),
    },
  );
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);

  await signIn(page, clerkUser);
  await page.goto(`/documents/print/?id=${registered.body.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Qeydiyyat kartı' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(registered.body.registration.number);
  // On screen the note is the decree's form; the count is the printout's, known when it is laid out.
  await expect(page.getByRole('main')).toContainText('Elektron sənədin surəti. __ vərəq.');

  const pages = (await readPdf(await page.pdf({ preferCSSPageSize: true }))).texts;
  expect(pages.length).toBeGreaterThan(1);
  for (const text of pages) expect(text).toContain(`Elektron sənədin surəti. ${pages.length} vərəq.`);
  expect(pages.join(' ')).not.toContain('7 vərəq');
});
