import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDocumentStore } from '../functions/modules/documents';

/**
 * Stores the folded number keys on documents written before the list filters matched numbers by
 * prefix (see docs/decisions.md, 2026-12-05). The embedded default runs the same backfill at each
 * start; an AWS stage that holds such documents runs this once, with the stage's credentials:
 * `TABLE_NAME=<table> AWS_REGION=<region> node --import tsx scripts/backfill-number-keys.ts`
 * (`DYNAMODB_ENDPOINT` points it at another endpoint, e.g. a local one).
 */
const table = process.env.TABLE_NAME;
if (!table) throw new Error('TABLE_NAME is required');
const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'eu-central-1',
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);
const result = await new DynamoDocumentStore(client, table).backfillNumberKeys();
process.stdout.write(`${JSON.stringify(result)}\n`);
