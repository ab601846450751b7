/** The public face of the exchange module: received electronic documents, deliveries and receipts (Decree 935 §141–§150). */
export { exchangeRoutes } from './api/exchange.routes';
export * from './domain/received';
export {
  takeInMail,
  classifyMail,
  PLATFORM_INTAKE_TENANT,
  type IntakeOutcome,
  type MailIntakeDeps,
} from './usecases/mail-intake.usecase';
export { mailIntakeTask, intakeEvent, type IntakeEvent } from './tasks/mail-intake.task';
export { MAIL_LIMITS, attachmentVerdict, attachmentsVerdict } from './domain/mail-checks';
