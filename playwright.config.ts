import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

/** Debian's chromium (no Playwright browser download on these machines). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('which chromium', { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

// Without E2E_BASE_URL the run starts its own embedded default (global setup) on a port picked
// here, once, in the runner (below the kernel's ephemeral ports, and apart from the vitest range
// 20000–32009); the workers inherit the variable.
if (!process.env.E2E_BASE_URL) {
  process.env.E2E_START_EMBEDDED = '1';
  process.env.E2E_BASE_URL = `http://127.0.0.1:${10000 + (process.pid % 900) * 10}`;
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
