import { getAccessToken } from './auth-client';
import { loadClientConfig } from './config';
import { currentLocale } from './i18n';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details as the API sends them (already localized by Accept-Language). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  /** duplicate_voen: the counterpart that already holds the VÖEN. */
  existingId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  /** Field errors keyed by path ("name.az"), first message wins. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^\//, '').replace(/\//g, '.');
      out[key] ??= e.message;
      // "positionIds.0" belongs to the positionIds field.
      const field = key.replace(/(\.\d+)+$/, '');
      if (field !== key) out[field] ??= e.message;
    }
    return out;
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
/** The session shell listens for 401s to send the user back to the landing page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key on creates a client may retry). */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(path, options, 'application/json, application/problem+json');
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * The public API (`/api/public/v1`: the citizens' e-services, no login) on the same origin as the
 * API: no bearer token is sent, problems become ApiError as everywhere.
 */
export async function publicApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(path, options, 'application/json, application/problem+json', true);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Where the public API lives: beside the API (`…/api/v1` → `…/api/public/v1`). */
export function publicApiBase(apiBase: string): string {
  return apiBase.replace(/\/$/, '').replace(/\/api\/v1$/, '') + '/api/public/v1';
}

/** A file the API answers (e.g. an export): its bytes and its download name. */
export async function apiFile(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const res = await request(path, options, '*/*');
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  const fileName = encoded ? decodeURIComponent(encoded) : (plain ?? 'download');
  return { blob: await res.blob(), fileName };
}

/** One API request with the session's token and language; a refusal becomes an ApiError. */
async function request(
  path: string,
  options: RequestOptions,
  accept: string,
  anonymous = false,
): Promise<Response> {
  const config = await loadClientConfig();
  const token = anonymous ? null : await getAccessToken();
  const base = anonymous ? publicApiBase(config.apiBase) : config.apiBase.replace(/\/$/, '');
  const url = new URL(base + path, window.location.origin);
  for (const [k, v] of Object.entries(options.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': currentLocale(),
    ...options.headers,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ title: '', status: 0, code: 'network' });
  }
  if (res.status === 401 && !anonymous) unauthorizedListeners.forEach((l) => l());
  if (!res.ok) {
    let problem: Problem = { title: res.statusText, status: res.status };
    try {
      const body = (await res.json()) as Partial<Problem>;
      problem = {
        ...problem,
        ...body,
        status: body.status ?? res.status,
        title: body.title ?? res.statusText,
      };
    } catch {
      // Not JSON (a proxy error page): keep the status line.
    }
    throw new ApiError(problem);
  }
  return res;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Every page of a list (for pickers and trees); stops at `max` items as a guard. */
export async function listAll<T>(
  path: string,
  query: Record<string, string | undefined> = {},
  max = 2000,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<T>>(path, { query: { ...query, limit: 100, cursor } });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < max);
  return all;
}
