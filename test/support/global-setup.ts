import type { TestProject } from 'vitest/node';
import { startEmbeddedProcess, type RunningEmbedded } from './embedded';

let running: RunningEmbedded | undefined;

/** One embedded default for the API integration tests; crash tests start their own. */
export async function setup(project: TestProject): Promise<void> {
  running = await startEmbeddedProcess();
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
