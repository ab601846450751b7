import { z } from 'zod';
import {
  assignmentKinds,
  assignmentStatuses,
  executorRoles,
  inboxBoxes,
  postedAssignmentActions,
} from '../domain/execution/assignment';
import { document, documentListQuery } from './documents.schema';
import { id, isoDate, versioned } from './common.schema';

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
