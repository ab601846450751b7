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

/**
 * One embedded default shared by every integration file that neither crashes it, moves its clock
 * nor needs a quiet table (those start their own, test/support/own-embedded.ts): each file works
 * on data of its own (unique names and numbers), so the files may run in any order and at once.
 */
export async function setup(project: TestProject): Promise<void> {
  running = await startEmbeddedProcess({ logFile: EMBEDDED_LOG });
  project.provide('baseUrl', running.baseUrl);
  project.provide('embeddedDataDir', running.dataDir);
}

export async function teardown(): Promise<void> {
  await running?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The shared embedded default's data folder (its DynamoDB Local pid file, for the loopback probe). */
    embeddedDataDir: string;
  }
}
