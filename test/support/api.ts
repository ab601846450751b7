import { obtainToken } from '../../infra/local/oidc/token-flow';
import { contractViolation } from './contract';

export const DEMO_PASSWORD = 'Demo2026!';

export async function tokenFor(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  return obtainToken({
    issuer: `${baseUrl}/oidc`,
    clientId: 'karguzar-web',
    redirectUri: `${baseUrl}/auth/callback/`,
    username,
    password,
  });
}

/** An API problem (application/problem+json) with its field errors. */
export type Problem = {
  type: string;
  status: number;
  code: string;
  title: string;
  errors?: Array<{ path: string; code: string; message: string }>;
  [key: string]: unknown;
};

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small JSON client for the API under test. */
export function apiClient(baseUrl: string, token?: string, lang = 'az') {
  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'accept-language': lang,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    const violation = contractViolation(method, path, res.status, res.headers.get('content-type'), parsed);
    if (violation) {
      throw new Error(
        `The answer to ${method} ${path} (${res.status}) breaks the API contract of ${violation.operation}: ${violation.problem}`,
      );
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    call,
  };
}

export type Api = ReturnType<typeof apiClient>;

/** An item of a list answer, as the tests read it. */
export type ListItem = { id: string; version: number } & Record<string, unknown>;

/** Every item a list answers, page by page (100 a page); a page that is not 200 fails the test. */
export async function allItems<T = ListItem>(api: Api, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get<{ items: T[]; nextCursor?: string }>(
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}
