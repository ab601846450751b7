/**
 * The execution-control report (the brochure's weekly control meeting): every controlled
 * resolution (dərkənar with a controller) falls in exactly one state on a given Baku day.
 *
 * - executed on time: the controller accepted it and the responsible executor's report came on or
 *   before the due date;
 * - executed late: accepted, the report came after the due date;
 * - not executed: still in work (open, or closed and awaiting the controller); `overdue` when its
 *   due date has passed (overdue ⊂ not executed).
 *
 * Withdrawn resolutions (ended with a parent) are not under control any more and are left out.
 */
export const controlReports = ['overdue', 'on-time', 'late', 'not-executed', 'all'] as const;
export type ControlReport = (typeof controlReports)[number];

export type ControlState = 'on-time' | 'late' | 'not-executed';

export interface ResolutionFacts {
  status: string;
  dueDate?: string;
  /** Baku date the responsible executor reported (or the resolution was accepted, without a report). */
  executedOn?: string;
}

export function controlState(r: ResolutionFacts): ControlState | undefined {
  if (r.status === 'executed') {
    if (!r.dueDate || !r.executedOn) return 'on-time';
    return r.executedOn <= r.dueDate ? 'on-time' : 'late';
  }
  if (r.status === 'open' || r.status === 'closed') return 'not-executed';
  return undefined;
}

export function isOverdue(r: ResolutionFacts, today: string): boolean {
  return controlState(r) === 'not-executed' && r.dueDate !== undefined && r.dueDate < today;
}

/** Whether a resolution in `state` belongs to `report`. */
export function inReport(report: ControlReport, r: ResolutionFacts, today: string): boolean {
  const state = controlState(r);
  if (!state) return false;
  if (report === 'all') return true;
  if (report === 'overdue') return isOverdue(r, today);
  return state === report;
}

/** One line of the report, with the brochure's columns (display-independent values). */
export interface ControlRow {
  documentId: string;
  resolutionId: string;
  kind: string;
  /** Registration: number and Baku local date (yyyy-MM-dd). */
  number: string;
  registeredOn?: string;
  classification: string;
  summary: string;
  /** From whom: the sender (incoming) or the recipients. */
  party: string;
  dueDate?: string;
  state: ControlState;
  overdue: boolean;
  /**
   * Working days: positive = days left until the due date (still in work), negative = working days
   * late (still in work past the due date, or executed after it); 0 on the day / on time.
   */
  workingDays?: number;
  department: string;
  departmentId?: string;
  executor: string;
  executorId: string;
  controller: string;
  controllerId: string;
  /** Who acted last (the responsible executor's report, or the controller's acceptance) and when. */
  actedBy: string;
  actedAt?: string;
  status: string;
}
