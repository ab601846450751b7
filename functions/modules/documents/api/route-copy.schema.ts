import * as z from 'zod';
import { id, isoDate } from '../../../platform/http/common.schema';
import { routeStates, stageKinds, stageModes } from '../domain/route-copy';

/** The route a document carries (its copy of a template), as the API shows and takes it. */
const participant = z.union([z.object({ positionId: id }).strict(), z.object({ employeeId: id }).strict()]);

export const routeStage = z
  .object({
    kind: z.enum(stageKinds),
    mode: z.enum(stageModes),
    participants: z.array(participant).min(1).max(30),
    deadlineDays: z.int().min(1).max(250).optional(),
    deadlineDate: isoDate.optional(),
    /** An execution stage's instruction: the text of the resolution it gives its executors. */
    instruction: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .meta({ id: 'ApprovalStage' });

const stepAssignee = z.object({
  employeeId: z.string().max(4000),
  assignmentId: z.string().max(4000),
  status: z.enum(['pending', 'approved', 'rejected', 'signed', 'done', 'withdrawn']),
  decidedAt: z.iso.datetime().optional(),
  decidedBy: z.string().max(4000).optional(),
  comment: z.string().max(4000).optional(),
});

const routeStep = z.object({
  stage: z.int(),
  kind: z.enum(stageKinds),
  employeeIds: z.array(z.string().max(4000)).max(1000),
  state: z.enum(['waiting', 'active', 'done', 'rejected']),
  dueDate: isoDate.optional(),
  assignees: z.array(stepAssignee).max(1000),
  startedAt: z.iso.datetime().optional(),
  endedAt: z.iso.datetime().optional(),
});

export const documentRoute = z
  .object({
    templateId: z.string().max(4000).optional(),
    templateName: z.string().max(4000).optional(),
    state: z.enum(routeStates),
    round: z.int(),
    stages: z.array(routeStage).max(20),
    steps: z.array(routeStep).max(1000),
    rejection: z
      .object({
        by: z.string().max(4000),
        at: z.iso.datetime(),
        comment: z.string().max(4000),
        onBehalfOf: z.string().max(4000).optional(),
      })
      .optional(),
    startedAt: z.iso.datetime().optional(),
    completedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'ApprovalRoute' });
