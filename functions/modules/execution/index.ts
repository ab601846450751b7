/** The public face of the execution module: what other modules, the API and the wiring may use. */
export { executionRoutes } from './api/execution.routes';
export { postedAssignmentActions } from './domain/assignment';
export { type MovableHolidayState, type MovableHolidayStatus } from './domain/calendar/movable-holidays';
export {
  addWorkingDays,
  workingDaysBetween,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarOverride,
  type LocalizedName,
} from './domain/calendar/working-days';
export {
  actingHolder,
  linesOfAll,
  notifyNewTasks,
  tenantCalendar,
  today,
  type ExecutionDeps,
} from './usecases/common';
export { ensureDigestMachine } from './usecases/digest.usecase';
export { ensureDeadline } from './usecases/resolution/deadline-machine';
export { ensureSubstitutionMachine } from './usecases/substitution.usecase';
export { executionApi } from './api/execution.api';
export { deadlineNotifyTask } from './tasks/deadlineNotify.task';
export { deadlinePlanTask } from './tasks/deadlinePlan.task';
export { digestPlanTask } from './tasks/digestPlan.task';
export { digestRecipientsTask } from './tasks/digestRecipients.task';
export { digestSendTask } from './tasks/digestSend.task';
export { digestStartTask } from './tasks/digestStart.task';
export { substitutionShiftTask } from './tasks/substitutionShift.task';
export { type ApprovalProgress } from './ports';
