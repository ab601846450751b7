import * as z from 'zod';
import { pageOf } from '../../../platform/http/common.schema';
import type { RouteDef } from '../../../platform/http/route';
import * as ref from './reference.schema';
import { TREE_LIST_PAGE } from '../domain/lists';

const V1 = '/api/v1';
const admin = ['admin'] as const;
const registry = ['admin', 'clerk'] as const;

/** Reference lists (siyahılar): every list's items, each validated by its own list's schema. */
export const referenceRoutes = [
  {
    method: 'GET',
    path: `${V1}/reference/{list}`,
    group: 'reference',
    operationId: 'listReferenceItems',
    summary: 'List the items of a reference list',
    tag: 'reference',
    auth: 'jwt',
    params: ref.listParam,
    query: ref.referenceListQuery,
    response: pageOf(ref.referenceItem, TREE_LIST_PAGE),
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${V1}/reference/{list}`,
    group: 'reference',
    operationId: 'createReferenceItem',
    summary: 'Add an item to a reference list',
    tag: 'reference',
    auth: 'jwt',
    roles: admin,
    params: ref.listParam,
    body: z.union(Object.values(ref.referenceInputs)),
    bodyFor: (params: z.output<typeof ref.listParam>) => ref.referenceInputs[params.list],
    idempotent: true,
    response: ref.referenceItem,
    successStatus: 201,
  },
  {
    method: 'GET',
    path: `${V1}/reference/{list}/{id}`,
    group: 'reference',
    operationId: 'getReferenceItem',
    summary: 'Get a reference list item',
    tag: 'reference',
    auth: 'jwt',
    params: ref.itemParam,
    response: ref.referenceItem,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: `${V1}/reference/{list}/{id}`,
    group: 'reference',
    operationId: 'updateReferenceItem',
    summary: 'Update a reference list item',
    tag: 'reference',
    auth: 'jwt',
    roles: admin,
    params: ref.itemParam,
    body: z.union(Object.values(ref.referenceUpdates)),
    bodyFor: (params: z.output<typeof ref.itemParam>) => ref.referenceUpdates[params.list],
    response: ref.referenceItem,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${V1}/counterparts`,
    group: 'reference',
    operationId: 'addCounterpart',
    summary: 'Add an organization to the counterparts while registering (registry clerks and admins)',
    tag: 'reference',
    auth: 'jwt',
    roles: registry,
    body: ref.counterpartInput,
    idempotent: true,
    response: ref.referenceItem,
    successStatus: 201,
  },
] as const satisfies readonly RouteDef[];
