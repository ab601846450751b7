import { api, listAll } from '../../lib/api';
import type {
  Department,
  Employee,
  Position,
  ApprovalRoute,
  ApprovalStage,
  ApprovalRouteTemplate,
  ApprovalRouteView,
} from '../../api/contract';

// Route shapes come from the API contract (generated from the OpenAPI document).
export {
  stageKinds,
  stageModes,
  type ApprovalRoute,
  type ApprovalParticipant,
  type ApprovalStage,
  type ApprovalRouteState,
  type ApprovalStep,
  type ApprovalRouteTemplate,
  type ApprovalRouteView,
  type StageKind,
  type StageMode,
  type StepAssignee,
} from '../../api/contract';

const docPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export async function listApprovalRouteTemplates(): Promise<ApprovalRouteTemplate[]> {
  return (await api<{ items: ApprovalRouteTemplate[] }>('/approval-route-templates')).items;
}

export function getApprovalRoute(documentId: string) {
  return api<ApprovalRouteView>(`${docPath(documentId)}/approval-route`);
}

export function updateApprovalRoute(
  documentId: string,
  body: { version: number; templateId?: string; stages: ApprovalStage[] },
) {
  return api<ApprovalRouteView>(`${docPath(documentId)}/approval-route`, { method: 'PUT', body });
}

/** Starts the route, or resubmits it after a rejection (a new round). */
export function startApprovalRoute(documentId: string, body: { version: number; comment?: string }) {
  return api<ApprovalRouteView>(`${docPath(documentId)}/approval-route/start`, { method: 'POST', body });
}

/**
 * Whether the route machine has caught up: a running route waits on an active step. Between a
 * step's end (or the start) and the next step's tasks there is none for a moment.
 */
export function routeSettled(route: ApprovalRoute | null | undefined): boolean {
  return !route || route.state !== 'running' || route.steps.some((s) => s.state === 'active');
}

/** Who can be named on a route: people, positions (with their holders) and departments. */
export interface ApprovalPeople {
  employees: Employee[];
  positions: Position[];
  departments: Department[];
}

export async function loadRoutePeople(): Promise<ApprovalPeople> {
  const [employees, positions, departments] = await Promise.all([
    listAll<Employee>('/employees'),
    listAll<Position>('/positions'),
    listAll<Department>('/departments'),
  ]);
  return { employees, positions, departments };
}
