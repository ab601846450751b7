import { z } from 'zod';
import { documentKinds } from '../domain/documents/document';
import { routeStates, stageKinds, stageModes } from '../domain/routes/route';
import { id, isoDate, meta, versioned } from './common.schema';

const participant = z.union([z.object({ positionId: id }).strict(), z.object({ employeeId: id }).strict()]);

export const routeStage = z
  .object({
    kind: z.enum(stageKinds),
    mode: z.enum(stageModes),
    participants: z.array(participant).min(1).max(30),
    deadlineDays: z.int().min(1).max(250).optional(),
    deadlineDate: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'RouteStage' });

const templateFields = {
  name: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(documentKinds)).min(1).max(4),
  classificationIds: z.array(id).max(100),
  stages: z.array(routeStage).min(1).max(20),
};

export const routeTemplateInput = z.object(templateFields).strict().meta({ id: 'RouteTemplateInput' });
export const routeTemplateUpdate = z
  .object({ ...templateFields, ...versioned })
  .strict()
  .meta({ id: 'RouteTemplateUpdate' });
export const routeTemplate = z.object({ ...templateFields, ...meta }).meta({ id: 'RouteTemplate' });
export const routeTemplateList = z.object({ items: z.array(routeTemplate).max(1000) });
export const templateIdParam = z.object({ id }).strict();

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
  .meta({ id: 'DocumentRoute' });

export const routeView = z
  .object({
    documentId: id,
    documentVersion: z.int(),
    route: documentRoute.nullable(),
    actions: z.array(z.enum(['edit', 'start'])).max(2),
  })
  .meta({ id: 'RouteView' });

export const routeUpdate = z
  .object({ ...versioned, templateId: id.optional(), stages: z.array(routeStage).min(1).max(20) })
  .strict()
  .meta({ id: 'RouteUpdate' });

export const routeStart = z
  .object({ ...versioned, comment: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ id: 'RouteStart' });
