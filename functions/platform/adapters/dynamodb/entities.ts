import { Entity, Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// ---------------------------------------------------------------------------------------------
// Builders of the entity definitions. Each call makes fresh objects (ElectroDB annotates the ones
// it is given). What they build is what the table stores: the key fields and the key templates
// (`$service#name_value…`, values keep their case) must stay as they are — data outlives the code
// (test/unit/platform/table-keys.test.ts holds the items every entity writes).

type AttributeType = 'string' | 'number' | 'boolean' | 'any';

/** The model of an entity of the service (`karguzar`, or `registry` for the global dataset). */
export function entityModel<const E extends string>(entity: E, service = 'karguzar') {
  return { service, entity, version: '1' } as const;
}

/** Required attributes of one type, by name. */
export function required<const T extends AttributeType, const K extends string>(type: T, ...names: K[]) {
  return Object.fromEntries(names.map((name) => [name, { type, required: true }])) as {
    [N in K]: { readonly type: T; readonly required: true };
  };
}

/** Required attributes that an update never changes (the parts of the item's identity). */
export function fixed<const T extends AttributeType, const K extends string>(type: T, ...names: K[]) {
  return Object.fromEntries(names.map((name) => [name, { type, required: true, readOnly: true }])) as {
    [N in K]: { readonly type: T; readonly required: true; readonly readOnly: true };
  };
}

/** Optional attributes of one type, by name. */
export function optional<const T extends AttributeType, const K extends string>(type: T, ...names: K[]) {
  return Object.fromEntries(names.map((name) => [name, { type }])) as { [N in K]: { readonly type: T } };
}

function key<const F extends string, const C extends readonly string[]>(field: F, composite: C) {
  return { field, composite, casing: 'none' } as const;
}

/** The table's key (pk, sk) built from the given attributes. */
export function primaryKey<const P extends readonly string[], const S extends readonly string[]>(
  pk: P,
  sk: S,
) {
  return { pk: key('pk', pk), sk: key('sk', sk) };
}

/** A global secondary index of the table (gsi1: gsi1pk/gsi1sk, gsi2: gsi2pk/gsi2sk). */
export function secondaryKey<
  const I extends 'gsi1' | 'gsi2',
  const P extends readonly string[],
  const S extends readonly string[],
>(index: I, pk: P, sk: S) {
  return { index, pk: key(`${index}pk`, pk), sk: key(`${index}sk`, sk) };
}

/**
 * The single-table model. Every key starts with the tenant. Composite values keep their case.
 * Table: pk/sk, gsi1 (gsi1pk/gsi1sk), gsi2 (gsi2pk/gsi2sk) — the same in CDK and locally.
 */
export function createModel(client: DynamoDBDocumentClient, table: string) {
  const config = { client, table };

  const aggregate = new Entity(
    {
      model: entityModel('aggregate'),
      attributes: {
        ...fixed('string', 'tenantId', 'type', 'id'),
        ...required('string', 'parentKey', 'sortKey'),
        ...required('any', 'data'),
        ...required('number', 'version'),
        ...required('string', 'createdAt', 'updatedAt'),
      },
      indexes: {
        primary: primaryKey(['tenantId'], ['type', 'id']),
        byParent: secondaryKey('gsi1', ['tenantId', 'type', 'parentKey'], ['sortKey', 'id']),
        byType: secondaryKey('gsi2', ['tenantId', 'type'], ['sortKey', 'id']),
      },
    },
    config,
  );

  const unique = new Entity(
    {
      model: entityModel('unique'),
      attributes: required('string', 'tenantId', 'scope', 'value', 'ownerId'),
      indexes: { primary: primaryKey(['tenantId'], ['scope', 'value']) },
    },
    config,
  );

  const idempotency = new Entity(
    {
      model: entityModel('idempotency'),
      attributes: {
        ...required('string', 'tenantId', 'key', 'requestHash', 'aggregateType', 'aggregateId', 'createdAt'),
        ...required('number', 'ttl'),
      },
      indexes: { primary: primaryKey(['tenantId'], ['key']) },
    },
    config,
  );

  const change = new Entity(
    {
      model: entityModel('change'),
      attributes: {
        ...required('string', 'tenantId', 'aggregateId', 'aggregateType', 'at', 'changeId', 'actorId'),
        action: { type: ['create', 'update'] as const, required: true },
        ...optional('any', 'before'),
        ...required('any', 'after'),
      },
      indexes: { primary: primaryKey(['tenantId', 'aggregateId'], ['at', 'changeId']) },
    },
    config,
  );

  /** A human step's task token, kept next to its assignment until the user decides. */
  const humanTask = new Entity(
    {
      model: entityModel('humanTask'),
      attributes: required('string', 'tenantId', 'assignmentId', 'assignee', 'taskToken', 'executionId'),
      indexes: { primary: primaryKey(['tenantId'], ['assignmentId']) },
    },
    config,
  );

  const service = new Service({ aggregate, unique, idempotency, change }, config);
  return { aggregate, unique, idempotency, change, humanTask, service };
}

export type Model = ReturnType<typeof createModel>;
