import * as z from 'zod';
import { postedAssignmentActions } from '../domain/assignment';
import {
  assignmentKinds,
  assignmentStatuses,
  executorRoles,
  inboxBoxes,
  document,
  documentListQuery,
  groupDocuments,
} from '../../documents';
import { movableHolidayStates, movableHolidayStatuses } from '../domain/calendar/movable-holidays';
import { id, isoDate, versioned } from '../../../platform/http/common.schema';

const longText = (max: number) => z.string().trim().min(1).max(max);

export const resolutionInput = z
  .object({
    ...versioned,
    text: longText(4000),
    executors: z
      .array(z.object({ employeeId: id, responsible: z.boolean().optional() }).strict())
      .min(1)
      .max(30),
    forInformation: z.array(id).max(50).optional(),
    controllerId: id.optional(),
    dueDate: isoDate.optional(),
    /** A sub-resolution under the caller's own execution assignment. */
    parentId: id.optional(),
  })
  .strict()
  .meta({ id: 'ResolutionInput' });

/** One resolution for many documents: a top-level resolution (no parent) on each selected document. */
export const groupResolutionInput = resolutionInput
  .omit({ version: true, parentId: true })
  .extend({ documents: groupDocuments })
  .strict()
  .meta({ id: 'GroupResolutionInput' });

export const assignmentActions = postedAssignmentActions;

export const assignmentParam = z.object({ id, assignmentId: id, action: z.enum(assignmentActions) }).strict();

export const assignmentActionInput = z
  .object({
    ...versioned,
    text: z.string().trim().max(4000).optional(),
    replyDocumentId: id.optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'AssignmentActionInput' });

const report = z.object({
  at: z.iso.datetime(),
  by: z.string().max(4000),
  onBehalfOf: z.string().max(4000).optional(),
  text: z.string().max(4000),
  documentId: z.string().max(4000).optional(),
});

export const assignment = z
  .object({
    id,
    documentId: id,
    kind: z.enum(assignmentKinds),
    parentId: id.optional(),
    rootId: id,
    authorId: z.string().max(4000),
    assigneeId: z.string().max(4000),
    ownerId: z.string().max(4000),
    role: z.enum(executorRoles).optional(),
    text: z.string().max(4000).optional(),
    dueDate: isoDate.optional(),
    controllerId: z.string().max(4000).optional(),
    status: z.enum(assignmentStatuses),
    reports: z.array(report).max(1000),
    comment: z.string().max(4000).optional(),
    version: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().optional(),
    routeStep: z.int().optional(),
    actions: z.array(z.enum([...assignmentActions, 'sub-resolution'])).max(10),
  })
  .meta({ id: 'Assignment' });

export const executionView = z
  .object({
    documentId: id,
    documentVersion: z.int(),
    documentStatus: z.string().max(4000),
    canResolve: z.boolean(),
    assignments: z.array(assignment).max(2000),
  })
  .meta({ id: 'ExecutionView' });

export const boxParam = z.object({ box: z.enum(inboxBoxes) }).strict();

export const inboxQuery = documentListQuery
  .extend({
    kind: documentListQuery.shape.kind.optional(),
    period: z.string().trim().max(40).optional(),
    open: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const inboxRow = z
  .object({
    line: z.object({
      box: z.enum(inboxBoxes),
      documentId: id,
      assignmentId: z.string().max(4000),
      open: z.boolean(),
      receivedAt: z.iso.datetime(),
      dueDate: isoDate.optional(),
      read: z.boolean().optional(),
      status: z.string().max(4000),
      onBehalfOf: z.string().max(4000).optional(),
      taskKind: z.enum(assignmentKinds).optional(),
    }),
    document,
    daysLeft: z.int().optional(),
    overdue: z.boolean(),
  })
  .meta({ id: 'InboxRow' });

export const inboxPage = z.object({
  items: z.array(inboxRow).max(100),
  nextCursor: z.string().max(4000).optional(),
});

const calendarDayKind = z.enum(['holiday', 'day-off', 'working']);
const localizedName = z.object({ az: z.string().max(200), en: z.string().max(200), ru: z.string().max(200) });

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

export const calendarView = z
  .object({
    year: z.int(),
    weekend: z.array(z.int().min(1).max(7)).max(7),
    days: z
      .array(
        z.object({
          date: isoDate,
          kind: calendarDayKind,
          name: localizedName.optional(),
          provisional: z.boolean().optional(),
        }),
      )
      .max(400),
    overrides: z
      .array(
        z.object({
          date: isoDate,
          kind: z.enum(['holiday', 'day-off', 'working', 'normal']),
          name: localizedName.optional(),
        }),
      )
      .max(400),
    movableHolidays: z.enum(movableHolidayStates),
    version: z.int(),
  })
  .meta({ id: 'WorkingCalendar' });

export const calendarUpdate = z
  .object({
    version: z.int().min(0),
    /** Replace only this year's edits (the others stay); without it, all edits are replaced. */
    year: z.int().min(2000).max(2100).optional(),
    weekend: z.array(z.int().min(1).max(7)).max(7).optional(),
    days: z
      .array(
        z
          .object({
            date: isoDate,
            kind: z.enum(['holiday', 'day-off', 'working', 'normal']),
            name: localizedName.optional(),
          })
          .strict(),
      )
      .max(400),
  })
  .strict()
  .meta({ id: 'WorkingCalendarUpdate' });

const calendarYear = z.coerce.number().int().min(2000).max(2100);
const yearDataSource = z.enum(['built-in', 'agency']);

export const calendarYearParam = z.object({ year: calendarYear }).strict();

/** A year's data that no rule gives: the lunar holidays and the Cabinet's transfers. */
export const calendarYearUpdate = z
  .object({
    version: z.int().min(0),
    status: z.enum(movableHolidayStatuses),
    /** First days of Ramazan Bayram (two days each); two in a year that has it twice. */
    ramazan: z.array(isoDate).min(1).max(2),
    /** First days of Qurban Bayram (two days each). */
    qurban: z.array(isoDate).min(1).max(2),
    /** Cabinet transfers: weekend days made working days. */
    workingDays: z.array(isoDate).max(20).optional(),
    /** Cabinet transfers: working days made days off. */
    restDays: z.array(isoDate).max(20).optional(),
  })
  .strict()
  .meta({ id: 'WorkingCalendarYearUpdate' });

export const calendarYearView = z
  .object({
    year: z.int(),
    /** missing: no data for the year (deadlines count fixed holidays and weekends only). */
    movableHolidays: z.enum(movableHolidayStates),
    source: yearDataSource.optional(),
    ramazan: z.array(isoDate).max(2),
    qurban: z.array(isoDate).max(2),
    workingDays: z.array(isoDate).max(20),
    restDays: z.array(isoDate).max(20),
    version: z.int(),
  })
  .meta({ id: 'WorkingCalendarYear' });

export const calendarYearsView = z
  .object({
    /** The server's date in Baku. */
    today: isoDate,
    years: z
      .array(
        z.object({
          year: z.int(),
          movableHolidays: z.enum(movableHolidayStatuses),
          source: yearDataSource,
        }),
      )
      .max(200),
    /** Years to fill in now: the current one, and from 1 December the next, when they lack data. */
    missing: z.array(z.int()).max(2),
    version: z.int(),
  })
  .meta({ id: 'WorkingCalendarYears' });
