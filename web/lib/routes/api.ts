import { api, listAll } from '../api';
import type { Department, Employee, Entity, Position } from '../types';

// Route shapes come from the domain the API validates against: one definition for both.
export {
  routeStates,
  stageKinds,
  stageModes,
  type DocumentRoute,
  type RouteParticipant,
  type RouteStage,
  type RouteState,
  type RouteStep,
  type RouteTemplateData,
  type StageKind,
  type StageMode,
  type StepAssignee,
} from '../../../functions/modules/documents/domain/route-copy';
import type {
  DocumentRoute,
  RouteStage,
  RouteTemplateData,
} from '../../../functions/modules/documents/domain/route-copy';

/** An agency's route template (şablon marşrut). */
export type RouteTemplate = RouteTemplateData & Entity;

/** The Viza tab's data: the route (its own, or the template proposed for the document) and what the caller may do. */
export interface RouteView {
  documentId: string;
  documentVersion: number;
  route: DocumentRoute | null;
  actions: Array<'edit' | 'start'>;
}

const docPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export async function listRouteTemplates(): Promise<RouteTemplate[]> {
  return (await api<{ items: RouteTemplate[] }>('/route-templates')).items;
}

export function getDocumentRoute(documentId: string) {
  return api<RouteView>(`${docPath(documentId)}/route`);
}

export function updateDocumentRoute(
  documentId: string,
  body: { version: number; templateId?: string; stages: RouteStage[] },
) {
  return api<RouteView>(`${docPath(documentId)}/route`, { method: 'PUT', body });
}

/** Starts the route, or resubmits it after a rejection (a new round). */
export function startDocumentRoute(documentId: string, body: { version: number; comment?: string }) {
  return api<RouteView>(`${docPath(documentId)}/route/start`, { method: 'POST', body });
}

/**
 * Whether the route machine has caught up: a running route waits on an active step. Between a
 * step's end (or the start) and the next step's tasks there is none for a moment.
 */
export function routeSettled(route: DocumentRoute | null | undefined): boolean {
  return !route || route.state !== 'running' || route.steps.some((s) => s.state === 'active');
}

/** Who can be named on a route: people, positions (with their holders) and departments. */
export interface RoutePeople {
  employees: Employee[];
  positions: Position[];
  departments: Department[];
}

export async function loadRoutePeople(): Promise<RoutePeople> {
  const [employees, positions, departments] = await Promise.all([
    listAll<Employee>('/employees'),
    listAll<Position>('/positions'),
    listAll<Department>('/departments'),
  ]);
  return { employees, positions, departments };
}
