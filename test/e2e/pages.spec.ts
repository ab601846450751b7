import { expect, test } from '@playwright/test';
import { navigation, type NavItem } from '../../web/ui/shell/nav';
import { expectAccessible, signIn } from './helpers';

const allPages = (items: NavItem[]): string[] =>
  items.flatMap((i) => [i.href, ...allPages(i.children ?? [])]);

test('every page of the menu renders with a heading and passes axe, for the roles that see it', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const visited = new Set<string>();
  for (const username of ['admin', 'head', 'clerk', 'controller', 'archivist']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, username);
    const menu = page.getByRole('navigation', { name: 'Əsas menyu' });
    const links = () =>
      menu.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    // A section's sub-pages appear in the menu once the section is open: keep a queue.
    const queue = await links();
    const seenHere = new Set<string>();
    while (queue.length > 0) {
      const href = queue.shift() as string;
      if (seenHere.has(href)) continue;
      seenHere.add(href);
      await page.goto(href);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      if (!visited.has(href)) await expectAccessible(page, `${href} as ${username}`);
      visited.add(href);
      queue.push(...(await links()).filter((h) => !seenHere.has(h)));
    }
    await context.close();
  }
  expect([...visited].sort()).toEqual([...new Set(allPages(navigation))].sort());
});
