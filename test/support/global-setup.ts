import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedProcess, type RunningEmbedded } from './embedded';

let running: RunningEmbedded | undefined;

/**
 * Everything the shared embedded default printed during the run (its warnings and errors: the
 * stack of a 500 an integration test saw), kept after the run. Git-ignored; not under
 * test-results/, which Playwright empties when it starts.
 */
export const EMBEDDED_LOG = resolve('test-logs/embedded-api.log');

/** One embedded default for the API integration tests; crash tests start their own. */
export async function setup(project: TestProject): Promise<void> {
  running = await startEmbeddedProcess({ logFile: EMBEDDED_LOG });
  project.provide('baseUrl', running.baseUrl);
}

export async function teardown(): Promise<void> {
  await running?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
