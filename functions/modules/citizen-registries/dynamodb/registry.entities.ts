import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { legalForms } from '../domain/identifiers';

/**
 * The registry dataset in the single table. It is global, not per tenant: the keys belong to the
 * service `registry`, so they start with `$registry#` while every tenant key starts with
 * `$karguzar#tenantId_` (entities.ts) — no tenant id can reach them. One partition per identifier
 * (pk `$registry#fin_…` / `$registry#voen_…`) keeps look-ups to a single GetItem.
 */
export function createRegistryModel(client: DynamoDBDocumentClient, table: string) {
  const person = new Entity(
    {
      model: { service: 'registry', entity: 'person', version: '1' },
      attributes: {
        fin: { type: 'string', required: true, readOnly: true },
        surname: { type: 'string', required: true },
        name: { type: 'string', required: true },
        patronymic: { type: 'string' },
        birthDate: { type: 'string', required: true },
        address: { type: 'string', required: true },
        phone: { type: 'string' },
        email: { type: 'string' },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['fin'], casing: 'none' },
          sk: { field: 'sk', composite: [], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  const organization = new Entity(
    {
      model: { service: 'registry', entity: 'organization', version: '1' },
      attributes: {
        voen: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        legalForm: { type: legalForms, required: true },
        address: { type: 'string', required: true },
        director: { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
        registeredAt: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['voen'], casing: 'none' },
          sk: { field: 'sk', composite: [], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  /** One marker item: which version of the dataset was loaded completely, and when. */
  const dataset = new Entity(
    {
      model: { service: 'registry', entity: 'dataset', version: '1' },
      attributes: {
        name: { type: 'string', required: true, readOnly: true },
        version: { type: 'string', required: true },
        persons: { type: 'number', required: true },
        organizations: { type: 'number', required: true },
        loadedAt: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['name'], casing: 'none' },
          sk: { field: 'sk', composite: [], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  return { person, organization, dataset };
}

export type RegistryModel = ReturnType<typeof createRegistryModel>;
