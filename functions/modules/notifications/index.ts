/** The public face of the notifications module: what other modules, the API and the wiring may use. */
export { DynamoTaskInbox } from './dynamodb/task-inbox.adapter';
export { type TaskInbox, type SmsBudget, type SmsReservation } from './ports';
export { DynamoSmsBudget } from './dynamodb/sms-budget.adapter';
export { smsParts, type SmsParts } from './domain/sms-parts';
export { notifyEmployees, type NotifyDeps } from './usecases/notify.usecase';
export { renderDigest, type DigestSection } from './usecases/templates';
export { notificationsApi } from './api/notifications.api';
export { notificationRoutes } from './api/notifications.routes';
export { smsSettingsRoutes } from './api/sms-settings.routes';
export { smsSettingsApi } from './api/sms-settings.api';
export { registerTaskTask } from './tasks/registerTask.task';
export { sendNotificationTask } from './tasks/sendNotification.task';
export { adminAlerts, archiveAlerts } from './usecases/admin-alerts.usecase';
