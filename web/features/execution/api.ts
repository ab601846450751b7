import { api, type Page } from '../../lib/api';
import type { ListFilters } from '../documents/list/api';
import type { DocumentCard, DocumentRecord } from '../documents/types';

// Shapes come from the API contract (generated from the OpenAPI document).
export {
  assignmentActions,
  type Assignment,
  type AssignmentAction,
  type AssignmentKind,
  type AssignmentStatus,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarOverride,
  type CalendarUpdate,
  type CalendarView,
  type CalendarYearUpdate,
  type CalendarYearView,
  type CalendarYears,
  type ExecutionView,
  type ExecutorRole,
  type InboxBox,
  type InboxRow,
  type MovableHolidayState,
  type MovableHolidayStatus,
  type ResolutionInput,
} from '../../api/contract';
import type {
  AssignmentAction,
  AssignmentActionInput,
  CalendarUpdate,
  CalendarView,
  CalendarYearUpdate,
  CalendarYearView,
  CalendarYears,
  ExecutionView,
  InboxBox,
  InboxRow,
  ResolutionInput,
} from '../../api/contract';

const docPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function getExecution(documentId: string) {
  return api<ExecutionView>(`${docPath(documentId)}/execution`);
}

export function writeResolution(documentId: string, body: ResolutionInput) {
  return api<DocumentRecord>(`${docPath(documentId)}/resolutions`, { method: 'POST', body });
}

export function actOnAssignment(
  documentId: string,
  assignmentId: string,
  action: AssignmentAction,
  body: AssignmentActionInput,
) {
  return api<DocumentCard>(
    `${docPath(documentId)}/assignments/${encodeURIComponent(assignmentId)}/${action}`,
    { method: 'POST', body },
  );
}

// ---------------------------------------------------------------------------------------------
// Personal lists

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

export function getCalendar(year: number) {
  return api<CalendarView>('/calendar', { query: { year } });
}

export function updateCalendar(body: CalendarUpdate) {
  return api<CalendarView>('/calendar', { method: 'PUT', body });
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
