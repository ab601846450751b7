import type { Api } from '../../support/api';
import { eventually } from '../../support/eventually';

export type Hit = {
  id: string;
  kind: string;
  registrationNumber?: string;
  summary: string;
  highlights: Array<{ field: string; fragments: string[] }>;
};
export type Result = {
  total: number;
  hits: Hit[];
  facets: Record<string, Array<{ value: string; count: number }> | undefined>;
  nextCursor?: string;
};

/** A word of its own per call (letters and digits: one token for every analyzer). */
export function marker(prefix = 'zq'): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}7`;
}

/** One search: `params` as the web page sends them (repeated keys for several values). */
export async function search(api: Api, params: Array<[string, string]>): Promise<Result> {
  const query = new URLSearchParams(params).toString();
  const res = await api.get<Result>(`/api/v1/search?${query}`);
  if (res.status !== 200) throw new Error(`search ${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The ids a search finds (the first 100). */
export async function found(api: Api, params: Array<[string, string]>): Promise<string[]> {
  return (await search(api, [...params, ['limit', '100']])).hits.map((h) => h.id);
}

/** Waits until the search finds `id` (the stream has delivered the write and the index holds it). */
export function foundEventually(
  api: Api,
  params: Array<[string, string]>,
  id: string,
  what: string,
  ms?: number,
) {
  return eventually(async () => ((await found(api, params)).includes(id) ? true : undefined), what, ms);
}
