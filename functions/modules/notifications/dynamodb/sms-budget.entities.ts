import { Entity, Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityModel, optional, primaryKey, required } from '../../../platform/adapters/dynamodb/entities';

/**
 * The SMS budget's items, under the tenant's key prefix: one counter per agency and Baku month,
 * and one reservation per logical send (so a retried send is counted once). Pinned in
 * test/unit/platform/table-keys.test.ts.
 */
export function createSmsBudgetModel(client: DynamoDBDocumentClient, table: string) {
  const config = { client, table };

  /** The parts counted in a month; `exceededAt` when a send first did not fit. */
  const smsMonth = new Entity(
    {
      model: entityModel('smsMonth'),
      attributes: {
        ...required('string', 'tenantId', 'month'),
        ...required('number', 'used'),
        ...optional('string', 'exceededAt'),
      },
      indexes: { primary: primaryKey(['tenantId'], ['month']) },
    },
    config,
  );

  /** One send's parts; expires after about 400 days like the sent-notification marks. */
  const smsReservation = new Entity(
    {
      model: entityModel('smsReservation'),
      attributes: {
        ...required('string', 'tenantId', 'key', 'month', 'at'),
        ...required('number', 'parts', 'ttl'),
      },
      indexes: { primary: primaryKey(['tenantId'], ['key']) },
    },
    config,
  );

  const service = new Service({ smsMonth, smsReservation }, config);
  return { smsMonth, smsReservation, service };
}
