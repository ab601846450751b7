import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../functions/platform/adapters/dynamodb/entities';
import { createQuotaEntity } from '../../../functions/platform/adapters/dynamodb/tenant-quota.adapter';
import { createDocumentModel } from '../../../functions/modules/documents/dynamodb/document.entities';
import { createRegistryModel } from '../../../functions/modules/citizen-registries/dynamodb/registry.entities';
import { createSmsBudgetModel } from '../../../functions/modules/notifications/dynamodb/sms-budget.entities';

/**
 * The items every entity writes to the single table: key values (pk, sk, gsi keys), attribute
 * names and ElectroDB's own markers. Data stays in the table across restarts and deployments, so
 * any change here is a migration, never a refactoring: the expected items below were taken from
 * the entity definitions as they stood and must not be edited to make a refactoring pass.
 * (2026-12-05: the document row gained `numberKey` and `documentNumberKey`, a migration with its
 * backfill — see docs/decisions.md; and need-to-know's `participantUnits` (backfilled at start),
 * `confidential` and `accessList`, new attributes only: no key changed. Issue 18: the SMS budget's
 * month counter and reservations, new entities under the tenant's key prefix. Issue 17: the
 * document row gained gsi2 keys (a status's own list), backfilled at start: `backfillStatusKeys`.)
 */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' }));
const TABLE = 'karguzar-test';

interface AttributeDefinition {
  type: string | readonly string[];
  items?: AttributeDefinition;
}
interface SchemaEntity {
  schema: { attributes: Record<string, AttributeDefinition> };
  put: (item: Record<string, unknown>) => { params: () => { Item: Record<string, unknown> } };
}

/** A value of each attribute's type that names the attribute (so the keys show what they hold). */
function sample(name: string, definition: AttributeDefinition): unknown {
  const { type } = definition;
  if (Array.isArray(type)) return type[0];
  if (type === 'number') return name.length;
  if (type === 'boolean') return true;
  if (type === 'list') return [sample(`${name}0`, definition.items ?? { type: 'string' })];
  if (type === 'any') return { of: name };
  return `${name}-Value`;
}

/** The item `put` would write for a sample of every attribute of the entity. */
function written(entity: unknown): Record<string, unknown> {
  const { schema, put } = entity as SchemaEntity;
  const item = Object.fromEntries(
    Object.entries(schema.attributes).map(([name, definition]) => [name, sample(name, definition)]),
  );
  return put.call(entity, item).params().Item;
}

describe('the items the entities write to the single table', () => {
  const base = createModel(client, TABLE);
  const documents = createDocumentModel(client, TABLE);
  const registry = createRegistryModel(client, TABLE);
  const smsBudget = createSmsBudgetModel(client, TABLE);

  it('keep their keys and attribute names: the shared model', () => {
    expect(written(base.aggregate)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "aggregate",
        "__edb_v__": "1",
        "createdAt": "createdAt-Value",
        "data": {
          "of": "data",
        },
        "gsi1pk": "$karguzar#tenantId_tenantId-Value#type_type-Value#parentKey_parentKey-Value",
        "gsi1sk": "$aggregate_1#sortKey_sortKey-Value#id_id-Value",
        "gsi2pk": "$karguzar#tenantId_tenantId-Value#type_type-Value",
        "gsi2sk": "$aggregate_1#sortKey_sortKey-Value#id_id-Value",
        "id": "id-Value",
        "parentKey": "parentKey-Value",
        "pk": "$karguzar#tenantId_tenantId-Value",
        "sk": "$aggregate_1#type_type-Value#id_id-Value",
        "sortKey": "sortKey-Value",
        "tenantId": "tenantId-Value",
        "type": "type-Value",
        "updatedAt": "updatedAt-Value",
        "version": 7,
      }
    `);
    expect(written(base.unique)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "unique",
        "__edb_v__": "1",
        "ownerId": "ownerId-Value",
        "pk": "$karguzar#tenantId_tenantId-Value",
        "scope": "scope-Value",
        "sk": "$unique_1#scope_scope-Value#value_value-Value",
        "tenantId": "tenantId-Value",
        "value": "value-Value",
      }
    `);
    expect(written(base.idempotency)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "idempotency",
        "__edb_v__": "1",
        "aggregateId": "aggregateId-Value",
        "aggregateType": "aggregateType-Value",
        "createdAt": "createdAt-Value",
        "key": "key-Value",
        "pk": "$karguzar#tenantId_tenantId-Value",
        "requestHash": "requestHash-Value",
        "sk": "$idempotency_1#key_key-Value",
        "tenantId": "tenantId-Value",
        "ttl": 3,
      }
    `);
    expect(written(base.change)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "change",
        "__edb_v__": "1",
        "action": "create",
        "actorId": "actorId-Value",
        "after": {
          "of": "after",
        },
        "aggregateId": "aggregateId-Value",
        "aggregateType": "aggregateType-Value",
        "at": "at-Value",
        "before": {
          "of": "before",
        },
        "changeId": "changeId-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#aggregateId_aggregateId-Value",
        "sk": "$change_1#at_at-Value#changeId_changeId-Value",
        "tenantId": "tenantId-Value",
      }
    `);
    expect(written(base.humanTask)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "humanTask",
        "__edb_v__": "1",
        "assignee": "assignee-Value",
        "assignmentId": "assignmentId-Value",
        "executionId": "executionId-Value",
        "pk": "$karguzar#tenantId_tenantId-Value",
        "sk": "$humanTask_1#assignmentId_assignmentId-Value",
        "taskToken": "taskToken-Value",
        "tenantId": "tenantId-Value",
      }
    `);
  });

  it('keep their keys and attribute names: documents', () => {
    expect(written(documents.document)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "document",
        "__edb_v__": "1",
        "accessList": [
          "accessList0-Value",
        ],
        "addresseeId": "addresseeId-Value",
        "authorId": "authorId-Value",
        "category": "category-Value",
        "classificationId": "classificationId-Value",
        "confidential": true,
        "controlled": true,
        "controllerId": "controllerId-Value",
        "createdAt": "createdAt-Value",
        "data": {
          "of": "data",
        },
        "documentDate": "documentDate-Value",
        "documentNumber": "documentNumber-Value",
        "documentNumberKey": "documentNumberKey-Value",
        "documentTypeId": "documentTypeId-Value",
        "gsi1pk": "$karguzar#tenantId_tenantId-Value#kind_kind-Value",
        "gsi1sk": "$document_1#listedAt_listedAt-Value#id_id-Value",
        "gsi2pk": "$karguzar#tenantId_tenantId-Value#kind_kind-Value#status_status-Value",
        "gsi2sk": "$document_1#listedAt_listedAt-Value#id_id-Value",
        "id": "id-Value",
        "kind": "kind-Value",
        "listedAt": "listedAt-Value",
        "nomenclatureId": "nomenclatureId-Value",
        "number": "number-Value",
        "numberKey": "numberKey-Value",
        "participantUnits": [
          "participantUnits0-Value",
        ],
        "participants": [
          "participants0-Value",
        ],
        "partyFold": "partyFold-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#id_id-Value",
        "signatoryId": "signatoryId-Value",
        "sk": "$document_1",
        "status": "status-Value",
        "summaryFold": "summaryFold-Value",
        "tenantId": "tenantId-Value",
        "updatedAt": "updatedAt-Value",
        "version": 7,
      }
    `);
    expect(written(documents.counter)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "journalCounter",
        "__edb_v__": "1",
        "hash": "hash-Value",
        "journalId": "journalId-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#journalId_journalId-Value#year_4",
        "seq": 3,
        "sk": "$journalCounter_1",
        "tenantId": "tenantId-Value",
        "year": 4,
      }
    `);
    expect(written(documents.operation)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "documentOperation",
        "__edb_v__": "1",
        "action": "action-Value",
        "actorId": "actorId-Value",
        "at": "at-Value",
        "changes": {
          "of": "changes",
        },
        "comment": "comment-Value",
        "day": "day-Value",
        "documentId": "documentId-Value",
        "gsi1pk": "$karguzar#tenantId_tenantId-Value#day_day-Value",
        "gsi1sk": "$documentOperation_1#at_at-Value#documentId_documentId-Value#opId_opId-Value",
        "hash": "hash-Value",
        "onBehalfOf": "onBehalfOf-Value",
        "opId": "opId-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#documentId_documentId-Value",
        "prevHash": "prevHash-Value",
        "seq": 3,
        "sk": "$documentOperation_1#at_at-Value#opId_opId-Value",
        "tenantId": "tenantId-Value",
      }
    `);
    expect(written(documents.link)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "documentLink",
        "__edb_v__": "1",
        "createdAt": "createdAt-Value",
        "createdBy": "createdBy-Value",
        "direction": "out",
        "documentId": "documentId-Value",
        "otherId": "otherId-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#documentId_documentId-Value",
        "sk": "$documentLink_1#otherId_otherId-Value#type_type-Value",
        "tenantId": "tenantId-Value",
        "type": "type-Value",
      }
    `);
    expect(written(documents.lookup)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "documentLookup",
        "__edb_v__": "1",
        "documentId": "documentId-Value",
        "key": "key-Value",
        "localAt": "localAt-Value",
        "number": "number-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#key_key-Value",
        "sk": "$documentLookup_1#localAt_localAt-Value#documentId_documentId-Value",
        "summary": "summary-Value",
        "tenantId": "tenantId-Value",
      }
    `);
    expect(written(documents.assignment)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "assignment",
        "__edb_v__": "1",
        "assigneeId": "assigneeId-Value",
        "data": {
          "of": "data",
        },
        "documentId": "documentId-Value",
        "id": "id-Value",
        "kind": "kind-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#documentId_documentId-Value",
        "sk": "$assignment_1#id_id-Value",
        "status": "status-Value",
        "tenantId": "tenantId-Value",
        "version": 7,
      }
    `);
    expect(written(documents.inboxEntry)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "inboxEntry",
        "__edb_v__": "1",
        "assignmentId": "assignmentId-Value",
        "box": "box-Value",
        "documentId": "documentId-Value",
        "dueDate": "dueDate-Value",
        "gsi2pk": "$karguzar#tenantId_tenantId-Value#userId_userId-Value#box_box-Value",
        "gsi2sk": "$inboxEntry_1#sortKey_sortKey-Value",
        "onBehalfOf": "onBehalfOf-Value",
        "open": true,
        "pk": "$karguzar#tenantId_tenantId-Value#userId_userId-Value#box_box-Value",
        "read": true,
        "receivedAt": "receivedAt-Value",
        "sk": "$inboxEntry_1#documentId_documentId-Value#assignmentId_assignmentId-Value",
        "sortKey": "sortKey-Value",
        "status": "status-Value",
        "taskKind": "taskKind-Value",
        "tenantId": "tenantId-Value",
        "userId": "userId-Value",
      }
    `);
    expect(written(documents.sentNotification)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "sentNotification",
        "__edb_v__": "1",
        "at": "at-Value",
        "key": "key-Value",
        "pk": "$karguzar#tenantId_tenantId-Value#key_key-Value",
        "sk": "$sentNotification_1",
        "tenantId": "tenantId-Value",
        "ttl": 3,
      }
    `);
    expect(written(documents.unique)).toEqual(written(base.unique));
    expect(written(documents.idempotency)).toEqual(written(base.idempotency));
  });

  it('keep their keys and attribute names: citizen registries', () => {
    expect(written(registry.person)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "person",
        "__edb_v__": "1",
        "address": "address-Value",
        "birthDate": "birthDate-Value",
        "email": "email-Value",
        "fin": "fin-Value",
        "name": "name-Value",
        "patronymic": "patronymic-Value",
        "phone": "phone-Value",
        "pk": "$registry#fin_fin-Value",
        "sk": "$person_1",
        "surname": "surname-Value",
      }
    `);
    expect(written(registry.organization)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "organization",
        "__edb_v__": "1",
        "address": "address-Value",
        "director": "director-Value",
        "email": "email-Value",
        "legalForm": "llc",
        "name": "name-Value",
        "phone": "phone-Value",
        "pk": "$registry#voen_voen-Value",
        "registeredAt": "registeredAt-Value",
        "sk": "$organization_1",
        "voen": "voen-Value",
      }
    `);
    expect(written(registry.dataset)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "dataset",
        "__edb_v__": "1",
        "loadedAt": "loadedAt-Value",
        "name": "name-Value",
        "organizations": 13,
        "persons": 7,
        "pk": "$registry#name_name-Value",
        "sk": "$dataset_1",
        "version": "version-Value",
      }
    `);
  });

  it('keep their keys and attribute names: the tenant quota (written by update only)', () => {
    const quota = createQuotaEntity(client, TABLE);
    expect(written(quota)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "tenantQuota",
        "__edb_v__": "1",
        "count": 5,
        "pk": "$karguzar#tenantId_tenantId-Value",
        "sk": "$tenantQuota_1#window_window-Value",
        "tenantId": "tenantId-Value",
        "ttl": 3,
        "window": "window-Value",
      }
    `);
    const update = quota
      .update({ tenantId: 'tenantId-Value', window: '2031-03-14T09:26:00.000Z' })
      .add({ count: 1 })
      .set({ ttl: 1_962_869_220 })
      .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, 6000)}`)
      .params();
    expect(update).toMatchInlineSnapshot(`
      {
        "ConditionExpression": "attribute_not_exists(#count) OR #count < :count0",
        "ExpressionAttributeNames": {
          "#__edb_e__": "__edb_e__",
          "#__edb_v__": "__edb_v__",
          "#count": "count",
          "#tenantId": "tenantId",
          "#ttl": "ttl",
          "#window": "window",
        },
        "ExpressionAttributeValues": {
          ":__edb_e___u0": "tenantQuota",
          ":__edb_v___u0": "1",
          ":count0": 6000,
          ":count_u0": 1,
          ":tenantId_u0": "tenantId-Value",
          ":ttl_u0": 1962869220,
          ":window_u0": "2031-03-14T09:26:00.000Z",
        },
        "Key": {
          "pk": "$karguzar#tenantId_tenantId-Value",
          "sk": "$tenantQuota_1#window_2031-03-14T09:26:00.000Z",
        },
        "TableName": "karguzar-test",
        "UpdateExpression": "SET #ttl = :ttl_u0, #tenantId = :tenantId_u0, #window = :window_u0, #__edb_e__ = :__edb_e___u0, #__edb_v__ = :__edb_v___u0 ADD #count :count_u0",
      }
    `);
  });

  it('keep their keys and attribute names: the SMS budget (under the tenant prefix)', () => {
    expect(written(smsBudget.smsMonth)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "smsMonth",
        "__edb_v__": "1",
        "exceededAt": "exceededAt-Value",
        "month": "month-Value",
        "pk": "$karguzar#tenantId_tenantId-Value",
        "sk": "$smsMonth_1#month_month-Value",
        "tenantId": "tenantId-Value",
        "used": 4,
      }
    `);
    expect(written(smsBudget.smsReservation)).toMatchInlineSnapshot(`
      {
        "__edb_e__": "smsReservation",
        "__edb_v__": "1",
        "at": "at-Value",
        "key": "key-Value",
        "month": "month-Value",
        "parts": 5,
        "pk": "$karguzar#tenantId_tenantId-Value",
        "sk": "$smsReservation_1#key_key-Value",
        "tenantId": "tenantId-Value",
        "ttl": 3,
      }
    `);
  });
});
