import { Entity, Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createModel } from '../../../platform/adapters/dynamodb/entities';

/**
 * Documents in the single table. A document has its own partition (tenant + id), so its log,
 * links and look-up keys never crowd one tenant partition; lists query gsi1 by tenant and kind,
 * sorted by the Baku local registration time.
 */
export function createDocumentModel(client: DynamoDBDocumentClient, table: string) {
  const base = createModel(client, table);
  const config = { client, table };

  const document = new Entity(
    {
      model: { service: 'karguzar', entity: 'document', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true, readOnly: true },
        id: { type: 'string', required: true, readOnly: true },
        kind: { type: 'string', required: true, readOnly: true },
        status: { type: 'string', required: true },
        listedAt: { type: 'string', required: true },
        number: { type: 'string' },
        documentNumber: { type: 'string' },
        documentDate: { type: 'string' },
        summaryFold: { type: 'string', required: true },
        partyFold: { type: 'string', required: true },
        documentTypeId: { type: 'string' },
        classificationId: { type: 'string' },
        nomenclatureId: { type: 'string' },
        addresseeId: { type: 'string' },
        controllerId: { type: 'string' },
        signatoryId: { type: 'string' },
        authorId: { type: 'string' },
        category: { type: 'string' },
        controlled: { type: 'boolean', required: true },
        participants: { type: 'list', items: { type: 'string' }, required: true },
        data: { type: 'any', required: true },
        version: { type: 'number', required: true },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'id'], casing: 'none' },
          sk: { field: 'sk', composite: [], casing: 'none' },
        },
        byKind: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['tenantId', 'kind'], casing: 'none' },
          sk: { field: 'gsi1sk', composite: ['listedAt', 'id'], casing: 'none' },
        },
      },
    },
    config,
  );

  /** The last number a journal gave in a year; moved only together with the document it numbers. */
  const counter = new Entity(
    {
      model: { service: 'karguzar', entity: 'journalCounter', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        journalId: { type: 'string', required: true },
        year: { type: 'number', required: true },
        seq: { type: 'number', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'journalId', 'year'], casing: 'none' },
          sk: { field: 'sk', composite: [], casing: 'none' },
        },
      },
    },
    config,
  );

  const operation = new Entity(
    {
      model: { service: 'karguzar', entity: 'documentOperation', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        documentId: { type: 'string', required: true },
        at: { type: 'string', required: true },
        opId: { type: 'string', required: true },
        actorId: { type: 'string', required: true },
        onBehalfOf: { type: 'string' },
        action: { type: 'string', required: true },
        changes: { type: 'any', required: true },
        comment: { type: 'string' },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'documentId'], casing: 'none' },
          sk: { field: 'sk', composite: ['at', 'opId'], casing: 'none' },
        },
      },
    },
    config,
  );

  const link = new Entity(
    {
      model: { service: 'karguzar', entity: 'documentLink', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        documentId: { type: 'string', required: true },
        otherId: { type: 'string', required: true },
        type: { type: 'string', required: true },
        direction: { type: ['out', 'in'] as const, required: true },
        createdAt: { type: 'string', required: true },
        createdBy: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'documentId'], casing: 'none' },
          sk: { field: 'sk', composite: ['otherId', 'type'], casing: 'none' },
        },
      },
    },
    config,
  );

  /** Look-up keys for repeat detection (same FİN, same sender number, same sender). */
  const lookup = new Entity(
    {
      model: { service: 'karguzar', entity: 'documentLookup', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        key: { type: 'string', required: true },
        localAt: { type: 'string', required: true },
        documentId: { type: 'string', required: true },
        summary: { type: 'string', required: true },
        number: { type: 'string' },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'key'], casing: 'none' },
          sk: { field: 'sk', composite: ['localAt', 'documentId'], casing: 'none' },
        },
      },
    },
    config,
  );

  /** Resolutions and assignments live in their document's partition: one query gives the tree. */
  const assignment = new Entity(
    {
      model: { service: 'karguzar', entity: 'assignment', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true, readOnly: true },
        documentId: { type: 'string', required: true, readOnly: true },
        id: { type: 'string', required: true, readOnly: true },
        kind: { type: 'string', required: true },
        status: { type: 'string', required: true },
        assigneeId: { type: 'string', required: true },
        data: { type: 'any', required: true },
        version: { type: 'number', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'documentId'], casing: 'none' },
          sk: { field: 'sk', composite: ['id'], casing: 'none' },
        },
      },
    },
    config,
  );

  /**
   * A line of a personal list. The primary key names the line (user, list, document, assignment);
   * gsi2 orders the list, and a whole-item put moves the line when its order changes.
   */
  const inboxEntry = new Entity(
    {
      model: { service: 'karguzar', entity: 'inboxEntry', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        userId: { type: 'string', required: true },
        box: { type: 'string', required: true },
        documentId: { type: 'string', required: true },
        assignmentId: { type: 'string', required: true },
        sortKey: { type: 'string', required: true },
        open: { type: 'boolean', required: true },
        receivedAt: { type: 'string', required: true },
        dueDate: { type: 'string' },
        read: { type: 'boolean' },
        status: { type: 'string', required: true },
        onBehalfOf: { type: 'string' },
        taskKind: { type: 'string' },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'userId', 'box'], casing: 'none' },
          sk: { field: 'sk', composite: ['documentId', 'assignmentId'], casing: 'none' },
        },
        ordered: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['tenantId', 'userId', 'box'], casing: 'none' },
          sk: { field: 'gsi2sk', composite: ['sortKey'], casing: 'none' },
        },
      },
    },
    config,
  );

  /** A notification already sent (at-least-once senders skip a logical send found here). */
  const sentNotification = new Entity(
    {
      model: { service: 'karguzar', entity: 'sentNotification', version: '1' },
      attributes: {
        tenantId: { type: 'string', required: true },
        key: { type: 'string', required: true },
        at: { type: 'string', required: true },
        ttl: { type: 'number', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['tenantId', 'key'], casing: 'none' },
          sk: { field: 'sk', composite: [], casing: 'none' },
        },
      },
    },
    config,
  );

  const service = new Service(
    {
      document,
      counter,
      operation,
      link,
      lookup,
      assignment,
      inboxEntry,
      unique: base.unique,
      idempotency: base.idempotency,
    },
    config,
  );
  return {
    document,
    counter,
    operation,
    link,
    lookup,
    assignment,
    inboxEntry,
    sentNotification,
    unique: base.unique,
    idempotency: base.idempotency,
    service,
  };
}

export type DocumentModel = ReturnType<typeof createDocumentModel>;
