import type { z } from 'zod';
import { idParam, pageOf } from '../../../platform/http/common.schema';
import type { RouteDef } from '../../../platform/http/route';
import * as org from './org.schema';

const V1 = '/api/v1';
const admin = ['admin'] as const;

/** CRUD routes of one org aggregate: list, create, get, update (named `list<Title>s`, `create<Title>`, …). */
function crud<
  Title extends string,
  Input extends z.ZodType,
  Update extends z.ZodType,
  Item extends z.ZodType,
  ListQuery extends z.ZodObject,
>(
  path: string,
  { name, title }: { name: string; title: Title },
  tag: string,
  s: { input: Input; update: Update; item: Item; listQuery: ListQuery },
) {
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
  ] as const; // checked against RouteDef where the slice is (a `satisfies` here would widen the types)
}

/** The signed-in employee, the tenant, and the org structure: departments, positions, employees, substitutions. */
export const orgRoutes = [
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
  ...crud('departments', { name: 'department', title: 'Department' }, 'org', {
    input: org.departmentInput,
    update: org.departmentUpdate,
    item: org.department,
    listQuery: org.departmentListQuery,
  }),
  ...crud('positions', { name: 'position', title: 'Position' }, 'org', {
    input: org.positionInput,
    update: org.positionUpdate,
    item: org.position,
    listQuery: org.positionListQuery,
  }),
  ...crud('employees', { name: 'employee', title: 'Employee' }, 'org', {
    input: org.employeeInput,
    update: org.employeeUpdate,
    item: org.employee,
    listQuery: org.employeeListQuery,
  }),
  ...crud('substitutions', { name: 'substitution', title: 'Substitution' }, 'org', {
    input: org.substitutionInput,
    update: org.substitutionUpdate,
    item: org.substitution,
    listQuery: org.substitutionListQuery,
  }),
] as const satisfies readonly RouteDef[];
