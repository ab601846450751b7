/** The public face of the approval module: what other modules, the API and the wiring may use. */
export {
  routeStates,
  stageKinds,
  stageModes,
  type ApprovalRoute,
  type ApprovalParticipant,
  type ApprovalStage,
  type ApprovalRouteState,
  type ApprovalStep,
  type ApprovalRouteTemplateData,
  type StageKind,
  type StageMode,
  type StepAssignee,
} from '../documents';
export { signalStep } from './usecases/approval-progress';
export { createTemplate, updateTemplate } from './usecases/approval-route/commands/templates';
export { updateRoute } from './usecases/approval-route/commands/update-route';
export { ensureRouteMachine, startRoute } from './usecases/approval-route/commands/start-route';
export { getTemplate, listTemplates } from './usecases/approval-route/queries/templates';
export { getRoute } from './usecases/approval-route/queries/document-route';
export { approvalApi } from './api/approval.api';
export { approvalRoutes } from './api/approval.routes';
export { routeStepTask } from './tasks/routeStep.task';
export { approvalProgress } from './usecases/approval-progress';

export { routeTemplateInput } from './api/approval.schema';
