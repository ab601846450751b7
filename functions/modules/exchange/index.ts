/** The public face of the exchange module: received electronic documents, deliveries and receipts (Decree 935 §141–§150). */
export { exchangeRoutes } from './api/exchange.routes';
export * from './domain/received';
