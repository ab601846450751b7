import { Entity, Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The single-table model. Every key starts with the tenant. Composite values keep their case.
 * Table: pk/sk, gsi1 (gsi1pk/gsi1sk), gsi2 (gsi2pk/gsi2sk) — the same in CDK and locally.
 */
export function createModel(client: DynamoDBDocumentClient, table: string) {
  const aggregate = new Entity(
    {
      model: { service: 'karguzar', entity: 'aggregate', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true, readOnly: true },
        type: { type: 'string', required: true, readOnly: true },
        id: { type: 'string', required: true, readOnly: true },
        parentKey: { type: 'string', required: true },
        sortKey: { type: 'string', required: true },
        data: { type: 'any', required: true },
        version: { type: 'number', required: true },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId'], casing: 'none' },
          sk: { field: 'sk', composite: ['type', 'id'], casing: 'none' },
        },
        byParent: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['tenantId', 'type', 'parentKey'], casing: 'none' },
          sk: { field: 'gsi1sk', composite: ['sortKey', 'id'], casing: 'none' },
        },
        byType: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['tenantId', 'type'], casing: 'none' },
          sk: { field: 'gsi2sk', composite: ['sortKey', 'id'], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  const unique = new Entity(
    {
      model: { service: 'karguzar', entity: 'unique', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        scope: { type: 'string', required: true },
        value: { type: 'string', required: true },
        ownerId: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId'], casing: 'none' },
          sk: { field: 'sk', composite: ['scope', 'value'], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  const idempotency = new Entity(
    {
      model: { service: 'karguzar', entity: 'idempotency', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        key: { type: 'string', required: true },
        requestHash: { type: 'string', required: true },
        aggregateType: { type: 'string', required: true },
        aggregateId: { type: 'string', required: true },
        createdAt: { type: 'string', required: true },
        ttl: { type: 'number', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId'], casing: 'none' },
          sk: { field: 'sk', composite: ['key'], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  const change = new Entity(
    {
      model: { service: 'karguzar', entity: 'change', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        aggregateId: { type: 'string', required: true },
        aggregateType: { type: 'string', required: true },
        at: { type: 'string', required: true },
        changeId: { type: 'string', required: true },
        actorId: { type: 'string', required: true },
        action: { type: ['create', 'update'] as const, required: true },
        before: { type: 'any' },
        after: { type: 'any', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'aggregateId'], casing: 'none' },
          sk: { field: 'sk', composite: ['at', 'changeId'], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  /** A human step's task token, kept next to its assignment until the user decides. */
  const humanTask = new Entity(
    {
      model: { service: 'karguzar', entity: 'humanTask', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        assignmentId: { type: 'string', required: true },
        assignee: { type: 'string', required: true },
        taskToken: { type: 'string', required: true },
        executionId: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId'], casing: 'none' },
          sk: { field: 'sk', composite: ['assignmentId'], casing: 'none' },
        },
      },
    },
    { client, table },
  );

  const service = new Service({ aggregate, unique, idempotency, change }, { client, table });
  return { aggregate, unique, idempotency, change, humanTask, service };
}

export type Model = ReturnType<typeof createModel>;
