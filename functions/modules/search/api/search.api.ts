import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { SearchDeps } from '../usecases/deps';
import { quickSearch, searchDocuments } from '../usecases/search.usecase';
import type { searchRoutes } from './search.routes';

/** The search routes' implementations. */
export const searchApi: RouteImpls<typeof searchRoutes, SearchDeps> = {
  search: async (ctx, deps) => searchDocuments(deps, authed(ctx).actor, ctx.query),
  quickSearch: async (ctx, deps) => quickSearch(deps, authed(ctx).actor, ctx.query.q),
};
