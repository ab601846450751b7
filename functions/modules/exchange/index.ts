/** The public face of the exchange module: received electronic documents, deliveries and receipts (Decree 935 §141–§150). */
export { exchangeRoutes } from './api/exchange.routes';
export { exchangeApi } from './api/exchange.api';
export * from './domain/received';
export type { Envelope, EnvelopeManifest } from './domain/envelope';
export { envelopeBytes } from './usecases/envelope';
export type { ExchangeDeps } from './ports';
export { acceptEnvelope } from './usecases/accept-envelope.usecase';
export { buildEnvelope, deliverOutgoing } from './usecases/deliver.usecase';
export { reportBack } from './usecases/report-back.usecase';
export {
  RECEIPT_MACHINE,
  checkReceipt,
  ensureReceiptWatch,
  receiptExecutionName,
  type ReceiptCheck,
  type ReceiptDeps,
} from './usecases/no-receipt.usecase';
export { receiptDueAt, type ReceiptCalendar } from './usecases/receipt-due';
export { receiptCheckTask } from './tasks/receiptCheck.task';
export {
  takeInMail,
  classifyMail,
  PLATFORM_INTAKE_TENANT,
  type IntakeOutcome,
  type MailIntakeDeps,
} from './usecases/mail-intake.usecase';
export { mailIntakeTask, intakeEvent, type IntakeEvent } from './tasks/mail-intake.task';
export { MAIL_LIMITS, attachmentVerdict, attachmentsVerdict } from './domain/mail-checks';
