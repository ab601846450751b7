/** The public face of the exchange module: received electronic documents, deliveries and receipts (Decree 935 §141–§150). */
export { exchangeRoutes } from './api/exchange.routes';
export * from './domain/received';
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
