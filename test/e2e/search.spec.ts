import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { clerkUser, expectAccessible, registerIncomingLetter, runId, signIn } from './helpers';

// Issue 16: a clerk registers a letter with a scan and finds it on the search page by a word of its
// summary (the word highlighted, a facet applied), by a word that only the scan's pixels carry, and
// by the prefix of its registration number in the header's jump.
const appealsHead = 'Rzayev Vüsal Təbriz oğlu';

/** A "scan": black text on white pixels, no text layer. */
async function scanOf(line: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="260">
    <rect width="100%" height="100%" fill="white"/>
    <text x="60" y="160" font-family="DejaVu Sans, sans-serif" font-size="72" fill="black">${line}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png().toBuffer();
}

test('a clerk finds a letter by a word of its summary and jumps to it by its number', async ({ page }) => {
  test.setTimeout(180_000);
  const id = runId();
  const word = `axtarış${id}`;

  // Arrange: the letter, registered through the form
  await signIn(page, clerkUser);
  const { number, docId } = await registerIncomingLetter(page, {
    citizen: `Vətəndaş ${id}`,
    summary: `Torpaq sahəsi barədə ${word} müraciət`,
    addressee: appealsHead,
    files: [{ name: 'skan.png', mimeType: 'image/png', buffer: await scanOf('KALIBRATOR ZAVODU') }],
  });

  // Act: the search page, typing a word (results come as one types)
  await page.goto('/search/');
  await expect(page.getByRole('heading', { level: 1, name: 'Axtarış' })).toBeVisible();
  const box = page.getByTestId('search-box');
  await box.fill(word);
  const hits = page.getByTestId('search-hits');
  const hit = hits.getByRole('link', { name: new RegExp(number.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) });
  // The index follows the table within seconds: the stream may not have delivered it yet.
  await expect(async () => {
    await box.fill('');
    await box.fill(word);
    await expect(hit).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // Assert: highlighted, facets with counts, and a facet combined with the text
  await expect(hits.locator('mark', { hasText: word })).toBeVisible();
  await expect(page.getByTestId('search-total')).toHaveText('Tapıldı: 1');
  const facets = page.getByRole('complementary', { name: 'Süzgəclər' });
  await facets.getByRole('checkbox', { name: /Daxil olan sənəd \(1\)/ }).check();
  await expect(hit).toBeVisible();
  await expectAccessible(page, 'search page with results');

  // Act + Assert: a word that only the scan carries finds it once the indexer has read the scan
  await facets.getByRole('checkbox', { name: /Daxil olan sənəd/ }).uncheck();
  await expect(async () => {
    await box.fill('');
    await box.fill('kalibrator zavodu');
    await expect(hit).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });

  // Act + Assert: the header's jump by the number's prefix
  const prefix = number.slice(0, number.indexOf('/'));
  await page.goto('/home/');
  const quick = page.getByTestId('quick-search');
  await quick.fill(number.toLowerCase());
  const jump = page.getByRole('list', { name: 'Nömrəyə uyğun sənədlər' }).getByRole('link', {
    name: new RegExp(word),
  });
  await expect(jump).toBeVisible();
  await quick.fill(prefix);
  await expect(page.getByRole('list', { name: 'Nömrəyə uyğun sənədlər' })).toBeVisible();
  await quick.fill(number);
  await expect(jump).toBeVisible();
  await expectAccessible(page, 'header quick search');
  await quick.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('id') === docId);
});
