/**
 * `SearchIndex` on OpenSearch (the stack's OpenSearch Serverless collection), through the official
 * client signed with SigV4 (`aoss`). One index holds every tenant; every query filters by tenant.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import type { SearchDocument } from '../domain/search-document';
import type { SearchQuery, SearchResult } from '../domain/search-query';
import type { SearchIndex } from '../ports';
import { buildSearchBody, mapSearchResponse, type SearchResponseBody } from './request';
import { indexBody } from './settings';
import { bulkFailures, removeActions, upsertActions, type BulkResponseBody } from './writes';

export { buildSearchBody, decodeCursor, encodeCursor, mapSearchResponse, visibilityFilter } from './request';
export { analysis, indexBody, mappings, numberFields, textFields } from './settings';
export { docId, removeActions, upsertActions, versionKey } from './writes';

/** The slice of the OpenSearch client this adapter calls (tests pass a client over a fake connection). */
export type OpenSearchClient = Pick<Client, 'bulk' | 'search' | 'count' | 'indices'>;

export interface OpenSearchIndexOptions {
  /** The collection endpoint, `https://<id>.<region>.aoss.amazonaws.com`. */
  endpoint: string;
  region: string;
  indexName: string;
  /** A ready client (tests); otherwise one is built with SigV4 and the default credential chain. */
  client?: OpenSearchClient;
  /** `aoss` for OpenSearch Serverless (the default), `es` for a managed domain. */
  service?: 'aoss' | 'es';
}

export class OpenSearchWriteError extends Error {
  constructor(readonly failures: string[]) {
    super(`OpenSearch refused ${failures.length} item(s): ${failures.slice(0, 3).join('; ')}`);
    this.name = 'OpenSearchWriteError';
  }
}

export function createOpenSearchClient(options: {
  endpoint: string;
  region: string;
  service?: 'aoss' | 'es';
}): Client {
  const credentials = defaultProvider();
  return new Client({
    ...AwsSigv4Signer({
      region: options.region,
      service: options.service ?? 'aoss',
      getCredentials: () => credentials(),
    }),
    node: options.endpoint,
  });
}

export function createOpenSearchIndex(options: OpenSearchIndexOptions): SearchIndex & {
  /** Creates the index with its settings and mappings when it does not exist (idempotent). */
  ensureIndex(): Promise<void>;
} {
  const client: OpenSearchClient = options.client ?? createOpenSearchClient(options);
  const index = options.indexName;
  let ready: Promise<void> | undefined;

  async function create(): Promise<void> {
    const exists = await client.indices.exists({ index });
    if (exists.body) return;
    try {
      await client.indices.create({ index, body: indexBody() as never });
    } catch (err) {
      // Another writer created it first.
      if (errorType(err) !== 'resource_already_exists_exception') throw err;
    }
  }

  function ensureIndex(): Promise<void> {
    ready ??= create().catch((err: unknown) => {
      ready = undefined;
      throw err;
    });
    return ready;
  }

  async function bulk(actions: Record<string, unknown>[]): Promise<void> {
    if (actions.length === 0) return;
    await ensureIndex();
    const res = await client.bulk({ body: actions as never });
    const failures = bulkFailures(res.body as unknown as BulkResponseBody);
    if (failures.length > 0) throw new OpenSearchWriteError(failures);
  }

  return {
    ensureIndex,
    upsert: (docs: readonly SearchDocument[]) => bulk(upsertActions(index, docs)),
    remove: (refs) => bulk(removeActions(index, refs)),
    async search(query: SearchQuery): Promise<SearchResult> {
      await ensureIndex();
      const res = await client.search({ index, body: buildSearchBody(query) as never });
      return mapSearchResponse(res.body as unknown as SearchResponseBody, query);
    },
    async count(tenantId: string): Promise<number> {
      await ensureIndex();
      const res = await client.count({
        index,
        body: {
          query: {
            bool: { filter: [{ term: { tenantId } }], must_not: [{ term: { deleted: true } }] },
          },
        },
      });
      return (res.body as { count: number }).count;
    },
  };
}

function errorType(err: unknown): string | undefined {
  const body = (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body;
  return body?.error?.type;
}
