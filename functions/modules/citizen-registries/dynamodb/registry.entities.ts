import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  entityModel,
  fixed,
  optional,
  primaryKey,
  required,
} from '../../../platform/adapters/dynamodb/entities';
import { legalForms } from '../domain/identifiers';

/**
 * The registry dataset in the single table. It is global, not per tenant: the keys belong to the
 * service `registry`, so they start with `$registry#` while every tenant key starts with
 * `$karguzar#tenantId_` (entities.ts) — no tenant id can reach them. One partition per identifier
 * (pk `$registry#fin_…` / `$registry#voen_…`) keeps look-ups to a single GetItem.
 */
export function createRegistryModel(client: DynamoDBDocumentClient, table: string) {
  const config = { client, table };

  const person = new Entity(
    {
      model: entityModel('person', 'registry'),
      attributes: {
        ...fixed('string', 'fin'),
        ...required('string', 'surname', 'name'),
        ...optional('string', 'patronymic'),
        ...required('string', 'birthDate', 'address'),
        ...optional('string', 'phone', 'email'),
      },
      indexes: { primary: primaryKey(['fin'], []) },
    },
    config,
  );

  const organization = new Entity(
    {
      model: entityModel('organization', 'registry'),
      attributes: {
        ...fixed('string', 'voen'),
        ...required('string', 'name'),
        legalForm: { type: legalForms, required: true },
        ...required('string', 'address'),
        ...optional('string', 'director', 'phone', 'email'),
        ...required('string', 'registeredAt'),
      },
      indexes: { primary: primaryKey(['voen'], []) },
    },
    config,
  );

  /** One marker item: which version of the dataset was loaded completely, and when. */
  const dataset = new Entity(
    {
      model: entityModel('dataset', 'registry'),
      attributes: {
        ...fixed('string', 'name'),
        ...required('string', 'version'),
        ...required('number', 'persons', 'organizations'),
        ...required('string', 'loadedAt'),
      },
      indexes: { primary: primaryKey(['name'], []) },
    },
    config,
  );

  return { person, organization, dataset };
}

export type RegistryModel = ReturnType<typeof createRegistryModel>;
