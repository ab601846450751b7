import type { Actor } from '../../../../platform/kernel/aggregate';
import { ConflictError } from '../../../../platform/kernel/errors';
import { hasRole, type DocumentRecord, type ApprovalRoute, type ApprovalStep } from '../../../documents';
import type { ExecutionDeps } from '../../../execution';
import { chooseTemplate } from '../../domain/approval-route';
import { listTemplates } from './queries/templates';

/** The route a document would get now: its own, or the template chosen by kind and classification. */
export async function currentRoute(
  deps: ExecutionDeps,
  actor: Actor,
  doc: DocumentRecord,
): Promise<ApprovalRoute | undefined> {
  if (doc.route) return doc.route;
  const templates = await listTemplates(deps, actor);
  const named = doc.incoming?.routeTemplateId
    ? templates.find((t) => t.id === doc.incoming!.routeTemplateId)
    : undefined;
  const t = named ?? chooseTemplate(templates, doc.kind, doc.classificationId);
  if (!t) return undefined;
  return { templateId: t.id, templateName: t.name, state: 'draft', round: 0, stages: t.stages, steps: [] };
}

/** Who may shape and start the route: the document's author, the registry office, the head. */
export function mayRoute(actor: Actor, doc: DocumentRecord): boolean {
  return doc.authorId === actor.employeeId || hasRole(actor, 'clerk', 'head');
}

export const editable = (route: ApprovalRoute | undefined) =>
  !route || route.state === 'draft' || route.state === 'rejected';

export interface ApprovalRouteView {
  documentId: string;
  documentVersion: number;
  route: ApprovalRoute | null;
  actions: Array<'edit' | 'start'>;
}

/** A route as the Viza tab shows it (task tokens stay on the server). */
export function view(doc: DocumentRecord, route: ApprovalRoute | undefined, actor: Actor): ApprovalRouteView {
  const actions: ApprovalRouteView['actions'] = [];
  if (mayRoute(actor, doc) && editable(route) && doc.status !== 'cancelled') {
    actions.push('edit');
    if (route && route.stages.length > 0) actions.push('start');
  }
  return {
    documentId: doc.id,
    documentVersion: doc.version,
    route: route
      ? { ...route, steps: route.steps.map(({ taskToken: _token, ...step }) => step as ApprovalStep) }
      : null,
    actions,
  };
}

export function refuseRunning(): never {
  throw new ConflictError('route_running', 'The route has started; it can change only after a rejection');
}
