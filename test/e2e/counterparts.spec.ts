import { expect, test } from '@playwright/test';
import { apiClient, tokenFor } from '../support/api';
import { clerkUser, expectAccessible, runId, signIn } from './helpers';

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

type Counterpart = { id: string; voen?: string; name: { az: string }; regionId?: string };

/**
 * Companies of the (fictional) business registry that the counterparts list does not hold at the
 * start, with the region their registry address names. The first one still missing is used, so
 * that the spec also runs again on the same data.
 */
const candidates = [
  { voen: '2145842471', name: '"Abşeron Su Texnologiyaları" QSC', region: 'Buzovna qəsəbəsi' },
  { voen: '2044106721', name: '"Qafqaz Nəqliyyat Sığorta" ASC', region: 'Səbail rayonu' },
  { voen: '2654288221', name: '"Bakı Rəqəmsal Həllər" MMC', region: 'Yasamal rayonu' },
  { voen: '1721998021', name: '"Abşeron Tikinti Qrupu" MMC', region: 'Nərimanov rayonu' },
];

test('a clerk adds a company found by VÖEN to the counterparts mid-registration and registers its letter', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Arrange: a registry company that is not a counterpart yet.
  const api = apiClient(baseUrl, await tokenFor(baseUrl, clerkUser));
  const counterparts = async () => {
    const all: Counterpart[] = [];
    let cursor: string | undefined;
    do {
      const res = await api.get<{ items: Counterpart[]; nextCursor?: string }>(
        `/api/v1/reference/counterparts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return all;
  };
  const before = await counterparts();
  const company = candidates.find((c) => !before.some((b) => b.voen === c.voen));
  expect(company, 'a registry company not in the counterparts list').toBeDefined();
  const summary = `Əməkdaşlıq memorandumu layihəsi ${runId()}`;
  await signIn(page, clerkUser);

  // Act: the registration form; the sender is looked up by VÖEN.
  await page.goto('/documents/new/?kind=incoming');
  await expect(page.getByRole('heading', { level: 1, name: 'Daxil olan sənədin qeydiyyatı' })).toBeVisible();
  await page.getByRole('radio', { name: 'Təşkilat (əks-tərəflər siyahısından)' }).check();
  await page.getByLabel('VÖEN', { exact: true }).fill(company!.voen);
  await page.getByRole('button', { name: 'Reyestrdən doldur' }).click();

  // Assert (defect 3): once the registry answered, the company stays an organization sender and
  // is offered for the list.
  await expect(page.getByText(`${company!.name} əks-tərəflər siyahısında yoxdur`)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Təşkilat (əks-tərəflər siyahısından)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Vətəndaş' })).not.toBeChecked();
  const panel = page.getByRole('region', { name: 'Yeni əks-tərəf' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Təşkilatın adı')).toHaveValue(company!.name);
  await expect(panel.getByLabel('Hüquqi ünvan: region, rayon, qəsəbə').locator('option:checked')).toHaveText(
    new RegExp(company!.region),
  );
  await expectAccessible(page, 'registration form with a new counterpart');

  // Act: the clerk completes the company's data and adds it to the list.
  await panel.getByLabel('Poçt indeksi').fill('AZ1000');
  await panel.getByLabel('E-poçt', { exact: true }).fill(`office.${runId()}@example.com`);
  await panel.getByLabel('Sənədləri elektron (e-poçtla) qəbul edir').check();
  await panel.getByRole('button', { name: 'Siyahıya əlavə et və seç' }).click();

  // Assert: added and chosen as the sender.
  await expect(page.getByText(`«${company!.name}» əks-tərəflər siyahısına əlavə edildi`)).toBeVisible();
  await expect(panel).toHaveCount(0);
  await expect(
    page.getByRole('combobox', { name: 'Təşkilat (mütləqdir)' }).locator('option:checked'),
  ).toHaveText(company!.name);
  await expectAccessible(page, 'registration form after adding the counterpart');

  // Act: the letter is registered with the new counterpart as its sender.
  await page.getByLabel('Qısa məzmun').fill(summary);
  await page.getByRole('button', { name: 'Qeydiyyata al' }).click();

  // Assert: an organization's letter, numbered in the incoming journal by the agency's rules.
  await page.waitForURL(/\/documents\/view\/\?id=/);
  const heading = page.getByRole('heading', { level: 1, name: /^Daxil olan sənəd № D-\d+\/\d{2}$/ });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText(company!.name);
  await expectAccessible(page, 'card of the letter');
  const added = (await counterparts()).filter((c) => c.voen === company!.voen);
  expect(added).toHaveLength(1);
  const id = new URL(page.url()).searchParams.get('id')!;
  const doc = await api.get<{ incoming: { sender: Record<string, unknown> } }>(`/api/v1/documents/${id}`);
  expect(doc.body.incoming.sender).toMatchObject({
    kind: 'organization',
    counterpartId: added[0]!.id,
    voen: company!.voen,
  });

  // The next letter from the same company finds it in the list: no second entry is made.
  await page.goto('/documents/new/?kind=incoming');
  await page.getByRole('radio', { name: 'Təşkilat (əks-tərəflər siyahısından)' }).check();
  await page.getByLabel('VÖEN', { exact: true }).fill(company!.voen);
  await page.getByRole('button', { name: 'Reyestrdən doldur' }).click();
  await expect(page.getByText(`Reyestrdən tapıldı və siyahıdan seçildi: ${company!.name}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Yeni əks-tərəf' })).toHaveCount(0);
  await expect(
    page.getByRole('combobox', { name: 'Təşkilat (mütləqdir)' }).locator('option:checked'),
  ).toHaveText(company!.name);
});
