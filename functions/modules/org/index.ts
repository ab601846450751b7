/** The public face of the org module: what other modules, the API and the wiring may use. */
export { notificationPreferences } from './api/org.schema';
export {
  assertNoCycle,
  defaultNotificationPreferences,
  positionKinds,
  type Department,
  type Employee,
  type NotificationPreferences,
  type Position,
  type PositionKind,
  type Substitution,
  type Tenant,
} from './domain/org';
export { absenceKinds, type Absence, type AbsenceKind, type AbsenceInput } from './domain/absence';
export { createAbsence, cancelAbsence, updateAbsence } from './usecases/absence.usecase';
export { resolveActor } from './usecases/actor.usecase';
export { getMyNotifications, updateMyNotifications } from './usecases/structure.usecase';
export { orgApi } from './api/org.api';
export { defaultDeadlinePolicy, type DeadlinePolicy } from './domain/org';
export { defaultTenantSms, tenantSms, type TenantSms } from './domain/org';
export { getTenant, updateTenantSms } from './usecases/tenant.usecase';
export { orgRoutes } from './api/org.routes';
export {
  createDepartment,
  createEmployee,
  createPosition,
  createSubstitution,
} from './usecases/structure.usecase';
export {
  departmentInput,
  employeeInput,
  positionInput,
  substitutionInput,
  absenceInput,
  tenantProfile,
} from './api/org.schema';
