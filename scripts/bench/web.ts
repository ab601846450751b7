import { request } from 'node:http';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from '../../test/support/chromium';

/** Issue 17: the JS a browser fetches before the first rows of a list (and the card) show. */
export const WEB_GOAL_KB = 250;

export interface ShippedJs {
  files: number;
  /** Bytes on the wire, as the local gateway sends them for each Accept-Encoding. */
  identity: number;
  gzip: number;
  br: number;
}

export interface WebFigures {
  list: ShippedJs;
  card: ShippedJs;
}

/** The size of a body as sent for one Accept-Encoding (read raw: no decoding on the way). */
function sentBytes(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => (size += chunk.length));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(size) : reject(new Error(`${url}: ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function shipped(urls: Set<string>): Promise<ShippedJs> {
  const sum = async (acceptEncoding: string) =>
    (await Promise.all([...urls].map((url) => sentBytes(url, acceptEncoding)))).reduce((a, b) => a + b, 0);
  return { files: urls.size, identity: await sum('identity'), gzip: await sum('gzip'), br: await sum('br') };
}

/** The JavaScript files the page fetches while `load` runs (the browser cache is off). */
async function scriptsFetched(page: Page, load: () => Promise<void>): Promise<Set<string>> {
  const urls = new Set<string>();
  const listener = (response: { url(): string; request(): { resourceType(): string } }) => {
    if (response.request().resourceType() === 'script') urls.add(response.url());
  };
  page.on('response', listener);
  try {
    await load();
  } finally {
    page.off('response', listener);
  }
  return urls;
}

/**
 * Signs in as the clerk in Chromium, loads the incoming list until its first document row shows
 * and that document's card until its heading shows, each as a fresh page load with the cache off,
 * and adds up the JS fetched meanwhile as the gateway sends it without, with gzip and with brotli.
 * Needs the built web export (web/out) and at least one incoming document the clerk sees.
 */
export async function webFirstLoad(baseUrl: string, password: string): Promise<WebFigures> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'az-AZ' });
    // Prefetches of the routes the page links to (the menu) are not what the page needs to show its
    // rows, and land before or after them by chance: refused, so that the figure is the page's own.
    let prefetches = 0;
    await context.route('**/*', (route) => {
      if (route.request().headers()['next-router-prefetch'] === undefined) return route.continue();
      prefetches++;
      return route.abort();
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    await page.goto('/');
    await page.getByRole('button', { name: 'Sistemə daxil ol' }).click();
    await page.waitForURL(/\/oidc\//);
    const username = page.locator('input[name="username"], input[name="login"]').first();
    await username.fill('clerk');
    await page.locator('input[type="password"]').first().fill(password);
    await username.locator('xpath=ancestor::form').locator('button[type="submit"]').first().click();
    await page.getByRole('navigation', { name: 'Əsas menyu' }).waitFor();

    let cardHref = '';
    const list = await scriptsFetched(page, async () => {
      await page.goto('/incoming/');
      const firstRow = page.locator('tbody tr a[href*="/documents/view/"]').first();
      await firstRow.waitFor();
      cardHref = (await firstRow.getAttribute('href')) ?? '';
    });
    const card = await scriptsFetched(page, async () => {
      await page.goto(cardHref);
      await page.locator('#doc-card-title').waitFor();
    });
    if (process.env.BENCH_WEB_FILES === '1')
      process.stdout.write(
        `${[...list].join('\n')}\n--\n${[...card].join('\n')}\n${prefetches} prefetches refused\n`,
      );
    return { list: await shipped(list), card: await shipped(card) };
  } finally {
    await browser.close();
  }
}

/** One line per page: the bytes beside the goal. */
export function webLines(figures: WebFigures): string[] {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;
  const line = (what: string, js: ShippedJs) =>
    `${what.padEnd(44)} ${kb(js.br).padStart(7)} br, ${kb(js.gzip).padStart(7)} gzip (goal ≤ ${WEB_GOAL_KB} KB compressed; ` +
    `${kb(js.identity)} uncompressed, ${js.files} files) — ${Math.max(js.br, js.gzip) <= WEB_GOAL_KB * 1000 ? 'met' : 'not met'}`;
  return [
    line('web JS before the first rows of /incoming/', figures.list),
    line('web JS before the document card shows', figures.card),
  ];
}
