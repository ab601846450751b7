import { fileURLToPath } from 'node:url';

/**
 * Where the Lambda entry files live, relative to the project root. The one place to change when
 * the Lambda entries in `functions/api/` move: the constructs never build an entry
 * path themselves. An entry that does not exist is skipped with a synth warning.
 */
export interface EntryPaths {
  /** API Lambda of a route group of the shared route table. */
  routeGroup(group: string): string;
  /** Step Functions task Lambda named by a `${fn_<name>}` placeholder. */
  task(name: string): string;
  /** DynamoDB stream consumer (search indexer, notification fan-out). */
  readonly stream: string;
}

export const routeGroupEntry = (group: string): string => `functions/api/handlers/${group}.handler.ts`;
export const taskEntry = (name: string): string => `functions/api/tasks/${name}.task.ts`;
export const streamEntry = 'functions/api/stream.handler.ts';

export const entries: EntryPaths = { routeGroup: routeGroupEntry, task: taskEntry, stream: streamEntry };

/** The Cognito pre-token trigger belongs to the infrastructure (absolute path, not project-relative). */
export const preTokenEntry = fileURLToPath(new URL('./lambda/pre-token.ts', import.meta.url));
