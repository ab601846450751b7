import { Entity, Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createModel,
  entityModel,
  fixed,
  optional,
  primaryKey,
  required,
  secondaryKey,
} from '../../../platform/adapters/dynamodb/entities';

/**
 * Documents in the single table. A document has its own partition (tenant + id), so its log,
 * links and look-up keys never crowd one tenant partition; lists query gsi1 by tenant and kind,
 * or gsi2 by tenant, kind and status, sorted by the Baku local registration time.
 */
export function createDocumentModel(client: DynamoDBDocumentClient, table: string) {
  const base = createModel(client, table);
  const config = { client, table };

  const document = new Entity(
    {
      model: entityModel('document'),
      attributes: {
        ...fixed('string', 'tenantId', 'id', 'kind'),
        ...required('string', 'status', 'listedAt'),
        ...optional('string', 'number', 'documentNumber', 'documentDate'),
        // The numbers folded for prefix filters (`numberKey`); rows written before them get them
        // from the start-up migration (migrateListingKeys).
        ...optional('string', 'numberKey', 'documentNumberKey'),
        ...required('string', 'summaryFold', 'partyFold'),
        ...optional('string', 'documentTypeId', 'classificationId', 'nomenclatureId', 'addresseeId'),
        ...optional('string', 'controllerId', 'signatoryId', 'authorId', 'category'),
        ...required('boolean', 'controlled'),
        participants: { type: 'list', items: { type: 'string' }, required: true },
        // Need-to-know: the participants' units (with the units above them) and confidentiality;
        // rows written before them get the units from the start-up migration.
        participantUnits: { type: 'list', items: { type: 'string' } },
        accessList: { type: 'list', items: { type: 'string' } },
        ...optional('boolean', 'confidential'),
        ...required('any', 'data'),
        ...required('number', 'version'),
        ...required('string', 'createdAt', 'updatedAt'),
      },
      indexes: {
        primary: primaryKey(['tenantId', 'id'], []),
        byKind: secondaryKey('gsi1', ['tenantId', 'kind'], ['listedAt', 'id']),
        // A status is a key condition (docs/access-patterns.md): the kind's list of one status.
        byStatus: secondaryKey('gsi2', ['tenantId', 'kind', 'status'], ['listedAt', 'id']),
      },
    },
    config,
  );

  /** The last number a journal gave in a year; moved only together with the document it numbers. */
  const counter = new Entity(
    {
      model: entityModel('journalCounter'),
      attributes: {
        ...required('string', 'tenantId', 'journalId'),
        ...required('number', 'year', 'seq'),
        // The hash of the journal entry numbered `seq` (absent on counters from before the chain).
        ...optional('string', 'hash'),
      },
      indexes: { primary: primaryKey(['tenantId', 'journalId', 'year'], []) },
    },
    config,
  );

  /**
   * One entry of a registration journal (a number given), hash-chained to the one before it in the
   * journal's year; written in the transaction that moves the counter. `position` is `seq` padded,
   * so a query reads the journal in order; gsi1 lists a (Baku) day's entries for its Merkle root.
   */
  const journalEntry = new Entity(
    {
      model: entityModel('journalEntry'),
      attributes: {
        ...required('string', 'tenantId', 'journalId', 'position', 'number', 'documentId', 'at', 'day'),
        ...required('number', 'year', 'seq'),
        ...required('string', 'prevHash', 'hash'),
      },
      indexes: {
        primary: primaryKey(['tenantId', 'journalId', 'year'], ['position']),
        byDay: secondaryKey('gsi1', ['tenantId', 'day'], ['at', 'journalId', 'position']),
      },
    },
    config,
  );

  /** The head of a document's operations-log chain: the last entry's `seq` and hash. */
  const operationHead = new Entity(
    {
      model: entityModel('operationHead'),
      attributes: { ...required('string', 'tenantId', 'documentId', 'hash'), ...required('number', 'seq') },
      indexes: { primary: primaryKey(['tenantId', 'documentId'], []) },
    },
    config,
  );

  const operation = new Entity(
    {
      model: entityModel('documentOperation'),
      attributes: {
        ...required('string', 'tenantId', 'documentId', 'at', 'opId', 'actorId'),
        ...optional('string', 'onBehalfOf'),
        ...required('string', 'action'),
        ...required('any', 'changes'),
        ...optional('string', 'comment'),
        // The chain (absent on entries from before it): place, the previous entry's hash, own hash,
        // and the Baku day the entry belongs to (gsi1 lists a day's entries for its Merkle root).
        ...optional('number', 'seq'),
        ...optional('string', 'prevHash', 'hash', 'day'),
      },
      indexes: {
        primary: primaryKey(['tenantId', 'documentId'], ['at', 'opId']),
        byDay: secondaryKey('gsi1', ['tenantId', 'day'], ['at', 'documentId', 'opId']),
      },
    },
    config,
  );

  const link = new Entity(
    {
      model: entityModel('documentLink'),
      attributes: {
        ...required('string', 'tenantId', 'documentId', 'otherId', 'type'),
        direction: { type: ['out', 'in'] as const, required: true },
        ...required('string', 'createdAt', 'createdBy'),
      },
      indexes: { primary: primaryKey(['tenantId', 'documentId'], ['otherId', 'type']) },
    },
    config,
  );

  /** Look-up keys for repeat detection (same FİN, same sender number, same sender). */
  const lookup = new Entity(
    {
      model: entityModel('documentLookup'),
      attributes: {
        ...required('string', 'tenantId', 'key', 'localAt', 'documentId', 'summary'),
        ...optional('string', 'number'),
      },
      indexes: { primary: primaryKey(['tenantId', 'key'], ['localAt', 'documentId']) },
    },
    config,
  );

  /** Resolutions and assignments live in their document's partition: one query gives the tree. */
  const assignment = new Entity(
    {
      model: entityModel('assignment'),
      attributes: {
        ...fixed('string', 'tenantId', 'documentId', 'id'),
        ...required('string', 'kind', 'status', 'assigneeId'),
        ...required('any', 'data'),
        ...required('number', 'version'),
      },
      indexes: { primary: primaryKey(['tenantId', 'documentId'], ['id']) },
    },
    config,
  );

  /**
   * A line of a personal list. The primary key names the line (user, list, document, assignment);
   * gsi2 orders the list, and a whole-item put moves the line when its order changes.
   */
  const inboxEntry = new Entity(
    {
      model: entityModel('inboxEntry'),
      attributes: {
        ...required('string', 'tenantId', 'userId', 'box', 'documentId', 'assignmentId', 'sortKey'),
        ...required('boolean', 'open'),
        ...required('string', 'receivedAt'),
        ...optional('string', 'dueDate'),
        ...optional('boolean', 'read'),
        ...required('string', 'status'),
        ...optional('string', 'onBehalfOf', 'taskKind'),
      },
      indexes: {
        primary: primaryKey(['tenantId', 'userId', 'box'], ['documentId', 'assignmentId']),
        ordered: secondaryKey('gsi2', ['tenantId', 'userId', 'box'], ['sortKey']),
      },
    },
    config,
  );

  /** A notification already sent (at-least-once senders skip a logical send found here). */
  const sentNotification = new Entity(
    {
      model: entityModel('sentNotification'),
      attributes: { ...required('string', 'tenantId', 'key', 'at'), ...required('number', 'ttl') },
      indexes: { primary: primaryKey(['tenantId', 'key'], []) },
    },
    config,
  );

  const service = new Service(
    {
      document,
      counter,
      journalEntry,
      operation,
      operationHead,
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
    journalEntry,
    operation,
    operationHead,
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
