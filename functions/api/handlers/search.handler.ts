import { searchApi, searchRoutes } from '../../modules/search';
import { search } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `search` group, from its modules' slices. */
export const groupRoutes = [...searchRoutes];

/** The Lambda of the `search` route group: queries the collection, reads nothing else. */
export const handler = apiGroupHandler('search', groupRoutes, { ...searchApi }, { search });
