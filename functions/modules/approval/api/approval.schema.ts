import * as z from 'zod';
import { documentKinds, documentRoute, routeStage } from '../../documents';
import { id, meta, versioned } from '../../../platform/http/common.schema';

const templateFields = {
  name: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(documentKinds)).min(1).max(4),
  classificationIds: z.array(id).max(100),
  stages: z.array(routeStage).min(1).max(20),
};

export const routeTemplateInput = z
  .object(templateFields)
  .strict()
  .meta({ id: 'ApprovalRouteTemplateInput' });
export const routeTemplateUpdate = z
  .object({ ...templateFields, ...versioned })
  .strict()
  .meta({ id: 'ApprovalRouteTemplateUpdate' });
export const routeTemplate = z.object({ ...templateFields, ...meta }).meta({ id: 'ApprovalRouteTemplate' });
export const routeTemplateList = z.object({ items: z.array(routeTemplate).max(1000) });
export const templateIdParam = z.object({ id }).strict();

export const routeView = z
  .object({
    documentId: id,
    documentVersion: z.int(),
    route: documentRoute.nullable(),
    actions: z.array(z.enum(['edit', 'start'])).max(2),
  })
  .meta({ id: 'ApprovalRouteView' });

export const routeUpdate = z
  .object({ ...versioned, templateId: id.optional(), stages: z.array(routeStage).min(1).max(20) })
  .strict()
  .meta({ id: 'ApprovalRouteUpdate' });

export const routeStart = z
  .object({ ...versioned, comment: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ id: 'ApprovalRouteStart' });
