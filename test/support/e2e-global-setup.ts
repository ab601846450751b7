import { startEmbeddedProcess } from './embedded';

/**
 * Playwright global setup: unless the caller pointed E2E_BASE_URL at a running instance, start the
 * embedded default on the port playwright.config.ts chose, with a fresh data folder (npm test
 * builds the web export before Playwright runs).
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.E2E_START_EMBEDDED !== '1') return;
  const port = Number(new URL(process.env.E2E_BASE_URL ?? '').port);
  const running = await startEmbeddedProcess({ port });
  return () => running.stop();
}
