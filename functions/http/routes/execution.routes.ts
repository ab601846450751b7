import { notificationPreferences } from '../../schemas/org.schema';
import { documentIdParam } from '../../schemas/documents.schema';
import { versioned } from '../../schemas/common.schema';
import * as x from '../../schemas/execution.schema';
import { document } from '../../schemas/documents.schema';
import type { RouteDef } from '../route';

const V1 = '/api/v1';
const tag = 'execution';

/** Resolutions (dərkənar), execution and control, personal lists, the working-day calendar, notices. */
export const executionRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: `${V1}/documents/{id}/execution`,
    group: 'execution',
    operationId: 'getExecution',
    summary: 'The resolution tree of a document, with the actions the caller may take on each assignment',
    tag,
    auth: 'jwt',
    params: documentIdParam,
    response: x.executionView,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${V1}/documents/{id}/resolutions`,
    group: 'execution',
    operationId: 'writeResolution',
    summary:
      'Write a resolution (or a sub-resolution under the caller’s assignment): executors, controller, due date',
    tag,
    auth: 'jwt',
    params: documentIdParam,
    body: x.resolutionInput,
    response: document,
    successStatus: 201,
  },
  {
    method: 'POST',
    path: `${V1}/documents/{id}/assignments/{assignmentId}/{action}`,
    group: 'execution',
    operationId: 'actOnAssignment',
    summary: 'Report, close (responsible executor), accept or return (controller), or mark as read',
    tag,
    auth: 'jwt',
    params: x.assignmentParam,
    body: x.assignmentActionInput,
    response: document,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/inbox/{box}`,
    group: 'execution',
    operationId: 'listInbox',
    summary:
      'A personal list (for execution, for approval, for information, under my control, my documents) with the filter row',
    tag,
    auth: 'jwt',
    params: x.boxParam,
    query: x.inboxQuery,
    response: x.inboxPage,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/calendar`,
    group: 'execution',
    operationId: 'getCalendar',
    summary: 'The working-day calendar of a year: holidays, days off and working weekend days',
    tag,
    auth: 'jwt',
    query: x.calendarQuery,
    response: x.calendarView,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: `${V1}/calendar`,
    group: 'execution',
    operationId: 'updateCalendar',
    summary: 'Replace the agency’s edits of the working-day calendar',
    tag,
    auth: 'jwt',
    roles: ['admin'],
    body: x.calendarUpdate,
    response: x.calendarView,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/me/notifications`,
    group: 'execution',
    operationId: 'getMyNotifications',
    summary: 'My notification channels and language',
    tag,
    auth: 'jwt',
    response: notificationPreferences.extend(versioned),
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: `${V1}/me/notifications`,
    group: 'execution',
    operationId: 'updateMyNotifications',
    summary: 'Change my notification channels and language',
    tag,
    auth: 'jwt',
    body: notificationPreferences.extend(versioned).strict(),
    response: notificationPreferences.extend(versioned),
    successStatus: 200,
  },
];
