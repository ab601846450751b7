import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDocumentStore } from '../functions/modules/documents';
import {
  createEmbeddedSearchIndex,
  createOpenSearchIndex,
  createTextExtractor,
  rebuildSearchIndex,
  type SearchDeps,
} from '../functions/modules/search';
import { DynamoAggregateStore } from '../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { createObjectStore } from '../functions/platform/adapters/s3/object-store.adapter';

/**
 * Fills the search index from the table: every document of every agency with its resolutions,
 * reports and contents' texts, page by page (queries per agency, never a scan), printing progress.
 * Idempotent: run it again at will; items the index already holds as new are left alone.
 *
 * AWS: `TABLE_NAME=<table> SEARCH_ENDPOINT=<collection endpoint> AWS_REGION=<region>
 * [ATTACHMENTS_BUCKET=<bucket>] node --import tsx scripts/search-backfill.ts [tenant ...]`.
 * Embedded default (stopped: the engine's folder has one writer): `SEARCH_DIR=<data>/search
 * TABLE_NAME=karguzar DYNAMODB_ENDPOINT=http://127.0.0.1:<port> …` (it also rebuilds by itself at
 * start when the folder is missing or empty). With ATTACHMENTS_BUCKET the contents' texts are read
 * (and extracted where missing); without it, documents are indexed by their requisites and
 * resolutions only. Agencies named on the command line are added to those of the archive's register.
 */
const env = process.env;
const table = env.TABLE_NAME;
if (!table) throw new Error('TABLE_NAME is required');
if (!env.SEARCH_ENDPOINT && !env.SEARCH_DIR) throw new Error('SEARCH_ENDPOINT or SEARCH_DIR is required');
const region = env.AWS_REGION ?? 'eu-central-1';
const local = { accessKeyId: 'local', secretAccessKey: 'local' };
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, credentials: local } : {}),
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);
const search = env.SEARCH_ENDPOINT
  ? createOpenSearchIndex({
      endpoint: env.SEARCH_ENDPOINT,
      region,
      indexName: env.SEARCH_INDEX ?? 'karguzar-documents',
    })
  : createEmbeddedSearchIndex({ dir: env.SEARCH_DIR! });
const objects = env.ATTACHMENTS_BUCKET
  ? createObjectStore({
      region,
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      buckets: { attachments: env.ATTACHMENTS_BUCKET, archive: env.ARCHIVE_BUCKET ?? env.ATTACHMENTS_BUCKET },
    })
  : undefined;
const extractor = objects ? createTextExtractor() : undefined;
const deps: SearchDeps = {
  store: new DynamoAggregateStore(client, table),
  documents: new DynamoDocumentStore(client, table),
  clock: { now: () => new Date() },
  search,
  searchEnabled: true,
  ...(objects ? { objects } : {}),
  ...(extractor ? { extractor } : {}),
  log: {
    warn: (message, fields) =>
      process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...fields })}\n`),
    error: (message, fields) =>
      process.stderr.write(`${JSON.stringify({ level: 'error', message, ...fields })}\n`),
  },
};
const started = Date.now();
let last = '';
try {
  const result = await rebuildSearchIndex(deps, {
    tenants: process.argv.slice(2),
    onProgress: ({ tenantId, indexed }) => {
      const line = `${tenantId}: ${indexed} indexed`;
      if (line !== last) process.stdout.write(`${line}\n`);
      last = line;
    },
  });
  process.stdout.write(`${JSON.stringify({ ...result, ms: Date.now() - started })}\n`);
} finally {
  await extractor?.close();
  // The embedded engine writes its snapshot and releases its folder.
  if ('close' in search) await search.close();
}
