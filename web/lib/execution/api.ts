import { api, type Page } from '../api';
import type { ListFilters } from '../documents/list';
import type { DocumentCard, DocumentRecord } from '../documents/types';

// Shapes come from the domain the API validates against: one definition for both.
export {
  assignmentStatuses,
  executorRoles,
  inboxBoxes,
  type AssignmentKind,
  type AssignmentStatus,
  type ExecutorRole,
  type InboxBox,
  type InboxEntry,
} from '../../../functions/modules/documents/domain/tasks';
export type {
  CalendarDay,
  CalendarDayKind,
  CalendarOverride,
  LocalizedName,
} from '../../../functions/modules/execution/domain/calendar/working-days';
export type {
  MovableHolidayState,
  MovableHolidayStatus,
} from '../../../functions/modules/execution/domain/calendar/movable-holidays';
export type { NotificationPreferences } from '../../../functions/modules/org/domain/org';
import type {
  MovableHolidayState,
  MovableHolidayStatus,
} from '../../../functions/modules/execution/domain/calendar/movable-holidays';
import { postedAssignmentActions } from '../../../functions/modules/execution/domain/assignment';
import {
  type AssignmentRecord,
  type InboxBox,
  type InboxEntry,
} from '../../../functions/modules/documents/domain/tasks';
import type {
  CalendarDay,
  CalendarOverride,
  LocalizedName,
} from '../../../functions/modules/execution/domain/calendar/working-days';
import type { NotificationPreferences } from '../../../functions/modules/org/domain/org';

// report … read: execution and control; approve, sign, reject: route tasks (the Viza tab).
export const assignmentActions = postedAssignmentActions;
export type AssignmentAction = (typeof assignmentActions)[number];

/** An assignment as the card shows it: with what the caller may do on it. */
export type Assignment = Omit<AssignmentRecord, 'tenantId' | 'deadlineExecution'> & {
  actions: Array<AssignmentAction | 'sub-resolution'>;
};

export interface ExecutionView {
  documentId: string;
  documentVersion: number;
  documentStatus: string;
  canResolve: boolean;
  assignments: Assignment[];
}

const docPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function getExecution(documentId: string) {
  return api<ExecutionView>(`${docPath(documentId)}/execution`);
}

export interface ResolutionBody {
  version: number;
  text: string;
  executors: Array<{ employeeId: string; responsible?: boolean }>;
  forInformation?: string[];
  controllerId?: string;
  dueDate?: string;
  /** A sub-resolution under the caller's own execution assignment. */
  parentId?: string;
}

export function writeResolution(documentId: string, body: ResolutionBody) {
  return api<DocumentRecord>(`${docPath(documentId)}/resolutions`, { method: 'POST', body });
}

export interface AssignmentActionBody {
  version: number;
  text?: string;
  replyDocumentId?: string;
  comment?: string;
}

export function actOnAssignment(
  documentId: string,
  assignmentId: string,
  action: AssignmentAction,
  body: AssignmentActionBody,
) {
  return api<DocumentCard>(
    `${docPath(documentId)}/assignments/${encodeURIComponent(assignmentId)}/${action}`,
    { method: 'POST', body },
  );
}

// ---------------------------------------------------------------------------------------------
// Personal lists

export interface InboxRow {
  line: Omit<InboxEntry, 'tenantId' | 'userId' | 'sortKey'>;
  document: DocumentRecord;
  /** Days to the due date (negative: overdue). */
  daysLeft?: number;
  overdue: boolean;
}

export const INBOX_PAGE_SIZE = 25;

export function listInbox(
  box: InboxBox,
  filters: ListFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<InboxRow>> {
  return api<Page<InboxRow>>(`/inbox/${box}`, {
    query: { ...filters, limit: INBOX_PAGE_SIZE, cursor },
    signal,
  });
}

// ---------------------------------------------------------------------------------------------
// The working-day calendar

export interface CalendarView {
  year: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are rest days. */
  weekend: number[];
  /** The year's exceptions with the agency's edits applied. */
  days: CalendarDay[];
  /** The agency's own edits of the year. */
  overrides: Array<{ date: string; kind: CalendarOverride['kind']; name?: LocalizedName }>;
  /** Whether the year's Ramazan, Qurban and transfer data is missing, provisional or confirmed. */
  movableHolidays: MovableHolidayState;
  version: number;
}

export function getCalendar(year: number) {
  return api<CalendarView>('/calendar', { query: { year } });
}

export interface CalendarUpdate {
  version: number;
  /** Replace only this year's edits (the other years' stay); without it, every edit of every year. */
  year?: number;
  weekend?: number[];
  days: Array<{ date: string; kind: CalendarOverride['kind']; name?: LocalizedName }>;
}

export function updateCalendar(body: CalendarUpdate) {
  return api<CalendarView>('/calendar', { method: 'PUT', body });
}

/** A year's data that no rule gives: Ramazan and Qurban (first days) and the Cabinet's transfers. */
export interface CalendarYearView {
  year: number;
  movableHolidays: MovableHolidayState;
  source?: 'built-in' | 'agency';
  ramazan: string[];
  qurban: string[];
  workingDays: string[];
  restDays: string[];
  /** Of the agency's yearly data as a whole (0: none entered yet). */
  version: number;
}

export interface CalendarYearUpdate {
  version: number;
  status: MovableHolidayStatus;
  ramazan: string[];
  qurban: string[];
  workingDays: string[];
  restDays: string[];
}

export interface CalendarYears {
  /** The server's date in Baku. */
  today: string;
  years: Array<{ year: number; movableHolidays: MovableHolidayStatus; source: 'built-in' | 'agency' }>;
  /** Years to fill in now: the current one, and from 1 December the next, when they lack data. */
  missing: number[];
  version: number;
}

export function getCalendarYear(year: number) {
  return api<CalendarYearView>(`/calendar/years/${year}`);
}

export function updateCalendarYear(year: number, body: CalendarYearUpdate) {
  return api<CalendarYearView>(`/calendar/years/${year}`, { method: 'PUT', body });
}

export function listCalendarYears() {
  return api<CalendarYears>('/calendar/years');
}

// ---------------------------------------------------------------------------------------------
// My notification channels

export type MyNotifications = NotificationPreferences & { version: number };

export function getMyNotifications() {
  return api<MyNotifications>('/me/notifications');
}

export function updateMyNotifications(body: MyNotifications) {
  return api<MyNotifications>('/me/notifications', { method: 'PUT', body });
}
