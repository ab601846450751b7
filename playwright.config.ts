import { defineConfig } from '@playwright/test';
import { FETCH_BLOCKED_PORTS } from './infra/local/port-plan';
import { chromiumPath } from './test/support/chromium';

// Without E2E_BASE_URL the run starts its own embedded default (global setup) on a port picked
// here, once, in the runner (below the kernel's ephemeral ports, and apart from the vitest range
// 20000–32009); the workers inherit the variable. A base whose ten ports include one that fetch
// and browsers refuse (10080) is skipped.
if (!process.env.E2E_BASE_URL) {
  let slot = process.pid % 900;
  const blocked = (base: number) =>
    Array.from({ length: 10 }, (_, i) => base + i).some((p) => FETCH_BLOCKED_PORTS.has(p));
  while (blocked(10000 + slot * 10)) slot = (slot + 1) % 900;
  process.env.E2E_START_EMBEDDED = '1';
  process.env.E2E_BASE_URL = `http://127.0.0.1:${10000 + slot * 10}`;
}

export default defineConfig({
  globalSetup: './test/support/e2e-global-setup.ts',
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // The specs share one embedded default (one tenant's data): run them one after the other.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'az-AZ',
    timezoneId: 'Asia/Baku',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
