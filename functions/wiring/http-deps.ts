import type { HttpDeps } from '../platform/http/group-handler';
import { resolveActor } from '../modules/org';
import { getContainer } from './container';

/** What every route group's handler needs: the token verifier and the acting employee behind a token. */
export const httpDeps = (): HttpDeps => ({
  verifier: getContainer().verifier,
  resolveActor: (principal) => resolveActor(getContainer(), principal),
});
