import { z } from 'zod';
import { idParam, pageOf } from '../schemas/common.schema';
import * as org from '../schemas/org.schema';
import * as ref from '../schemas/reference.schema';
import type { ReferenceListName } from '../domain/reference/lists';
import type { RouteDef } from './route';
import { documentRoutes } from './routes/documents.routes';
import { executionRoutes } from './routes/execution.routes';
import { registryRoutes } from './routes/registry.routes';

const V1 = '/api/v1';

const health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    components: z.record(
      z.string().max(40),
      z.object({ ok: z.boolean(), detail: z.string().max(200).optional() }),
    ),
  })
  .meta({ id: 'Health' });

const clientConfig = z
  .object({
    oidc: z.object({
      authority: z.string().max(500),
      clientId: z.string().max(200),
      logoutUrl: z.string().max(500).optional(),
    }),
    apiBase: z.string().max(100),
    /** The server's now: the web app's "today" (the embedded default's clock may be moved). */
    serverTime: z.iso.datetime(),
  })
  .meta({ id: 'ClientConfig' });

const admin = ['admin'] as const;

/** CRUD routes of one org aggregate: list, create, get, update. */
function crud(
  path: string,
  name: string,
  tag: string,
  s: { input: z.ZodType; update: z.ZodType; item: z.ZodType; listQuery: z.ZodObject },
): RouteDef[] {
  const title = name[0]?.toUpperCase() + name.slice(1);
  return [
    {
      method: 'GET',
      path: `${V1}/${path}`,
      group: 'org',
      operationId: `list${title}s`,
      summary: `List ${name}s`,
      tag,
      auth: 'jwt',
      query: s.listQuery,
      response: pageOf(s.item),
      successStatus: 200,
    },
    {
      method: 'POST',
      path: `${V1}/${path}`,
      group: 'org',
      operationId: `create${title}`,
      summary: `Create a ${name}`,
      tag,
      auth: 'jwt',
      roles: admin,
      body: s.input,
      idempotent: true,
      response: s.item,
      successStatus: 201,
    },
    {
      method: 'GET',
      path: `${V1}/${path}/{id}`,
      group: 'org',
      operationId: `get${title}`,
      summary: `Get a ${name}`,
      tag,
      auth: 'jwt',
      params: idParam,
      response: s.item,
      successStatus: 200,
    },
    {
      method: 'PUT',
      path: `${V1}/${path}/{id}`,
      group: 'org',
      operationId: `update${title}`,
      summary: `Update a ${name}`,
      tag,
      auth: 'jwt',
      roles: admin,
      params: idParam,
      body: s.update,
      response: s.item,
      successStatus: 200,
    },
  ];
}

/** The one route table: the local gateway, CDK and the OpenAPI document all read it. */
export const routes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/health',
    group: 'system',
    operationId: 'getHealth',
    summary: 'Health of the API and its components',
    tag: 'system',
    auth: 'public',
    response: health,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/client-config`,
    group: 'system',
    operationId: 'getClientConfig',
    summary: 'Public configuration of the web client',
    tag: 'system',
    auth: 'public',
    response: clientConfig,
    successStatus: 200,
  },

  {
    method: 'GET',
    path: `${V1}/me`,
    group: 'org',
    operationId: 'getMe',
    summary: 'The signed-in employee, tenant and roles',
    tag: 'org',
    auth: 'jwt',
    response: org.me,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/tenant`,
    group: 'org',
    operationId: 'getTenant',
    summary: "The caller's agency profile",
    tag: 'org',
    auth: 'jwt',
    response: org.tenant,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: `${V1}/tenant`,
    group: 'org',
    operationId: 'updateTenant',
    summary: "Update the caller's agency profile",
    tag: 'org',
    auth: 'jwt',
    roles: admin,
    body: org.tenantUpdate,
    response: org.tenant,
    successStatus: 200,
  },
  ...crud('departments', 'department', 'org', {
    input: org.departmentInput,
    update: org.departmentUpdate,
    item: org.department,
    listQuery: org.departmentListQuery,
  }),
  ...crud('positions', 'position', 'org', {
    input: org.positionInput,
    update: org.positionUpdate,
    item: org.position,
    listQuery: org.positionListQuery,
  }),
  ...crud('employees', 'employee', 'org', {
    input: org.employeeInput,
    update: org.employeeUpdate,
    item: org.employee,
    listQuery: org.employeeListQuery,
  }),
  ...crud('substitutions', 'substitution', 'org', {
    input: org.substitutionInput,
    update: org.substitutionUpdate,
    item: org.substitution,
    listQuery: org.substitutionListQuery,
  }),

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
    response: pageOf(ref.referenceItem),
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
    bodyFor: (params) => ref.referenceInputs[params.list as ReferenceListName],
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
    bodyFor: (params) => ref.referenceUpdates[params.list as ReferenceListName],
    response: ref.referenceItem,
    successStatus: 200,
  },
  ...documentRoutes,
  ...registryRoutes,
  ...executionRoutes,
];
