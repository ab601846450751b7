import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedProcess, type RunningEmbedded } from './embedded';

/**
 * An embedded default of the test file's own (crash tests, tests that move the clock): started
 * before the file's tests (before the hooks registered after this call) and stopped after them.
 * The handle reads the running process, so it may be used in hooks and tests, not at import time.
 */
export function ownEmbedded(): RunningEmbedded {
  let running: RunningEmbedded | undefined;
  beforeAll(async () => {
    running = await startEmbeddedProcess();
  }, 240_000);
  afterAll(async () => {
    if (process.env.DEBUG_EMBEDDED && running) process.stderr.write(running.logs().slice(-8000));
    await running?.stop();
  });
  const current = (): RunningEmbedded => {
    if (!running) throw new Error('the embedded default of this file has not started');
    return running;
  };
  return {
    get baseUrl() {
      return current().baseUrl;
    },
    get port() {
      return current().port;
    },
    get dataDir() {
      return current().dataDir;
    },
    kill9: () => current().kill9(),
    stop: () => current().stop(),
    restart: () => current().restart(),
    logs: () => current().logs(),
  };
}
