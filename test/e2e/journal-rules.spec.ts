import { expect, test } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { adminUser, clerkUser, expectAccessible, runId, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

test('an admin writes a journal rule in the lists, and a matching letter is numbered in its journal', async ({
  page,
}) => {
  test.setTimeout(120_000);

  // Arrange: a journal and a document type of this run only (the seeded rules stay as they are).
  const id = runId();
  const admin = apiClient(baseUrl, await tokenFor(baseUrl, adminUser));
  const clerk = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const journal = await admin.post<{ id: string }>('/api/v1/reference/journals', {
    name: { az: `Deputat sorğuları ${id}` },
    code: `dp-${id}`,
    pattern: `DP${id}-{seq}`,
    documentKind: 'incoming',
  });
  const type = await admin.post<{ id: string }>('/api/v1/reference/document-types', {
    name: { az: `Deputat sorğusu ${id}` },
  });
  expect(journal.status).toBe(201);
  expect(type.status).toBe(201);
  await signIn(page, adminUser);

  // Act: the rules list shows the agency's defaults in the order they are tried; a rule is added.
  await page.goto('/lists/journal-rules/');
  await expect(page.getByRole('heading', { level: 1, name: 'Jurnal seçimi qaydaları' })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /Vətəndaş müraciətləri — vətəndaş müraciətləri jurnalına/ }),
  ).toContainText('Vətəndaş');
  await expectAccessible(page, 'journal rules');
  await page.getByRole('button', { name: 'Element əlavə et' }).click();
  const form = page.getByRole('region', { name: /Element əlavə et/ });
  await form.getByRole('group', { name: 'Adı' }).getByLabel('Azərbaycanca').fill(`Deputat sorğuları ${id}`);
  await form.getByLabel('Növbə (kiçik ədəd əvvəl yoxlanılır)').fill('5');
  await form.getByLabel('Jurnal').selectOption({ label: `dp-${id} — Deputat sorğuları ${id}` });
  await form.getByRole('group', { name: 'Sənədlərin növləri' }).getByLabel(`Deputat sorğusu ${id}`).check();
  await expectAccessible(page, 'journal rule form');
  await form.getByRole('button', { name: 'Yadda saxla' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deputat sorğuları ${id}` })).toBeVisible();

  // Assert: a letter of that type goes to the rule's journal without being told to.
  const letter = await clerk.post<{ registration: { journalId: string; number: string } }>(
    '/api/v1/documents/incoming',
    {
      sender: { kind: 'citizen', name: 'Aysel Məmmədova' },
      summary: `Deputat sorğusu ${id}`,
      documentTypeId: type.body.id,
    },
  );
  expect(letter.status).toBe(201);
  expect(letter.body.registration).toMatchObject({ journalId: journal.body.id, number: `DP${id}-1` });
});
