/**
 * Obtains an access token from the local identity provider the way a browser would: the real
 * Authorization Code + PKCE (S256) flow over HTTP with fetch. It follows the redirects to the login
 * interaction, posts the login form, captures the code from the redirect to `redirectUri` (without
 * requesting the web app) and exchanges it at the token endpoint. Used by `npm run token` and the
 * integration tests; works against any provider whose login page is this project's (pages.ts).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface ObtainTokenOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  /** default "openid profile email aws.cognito.signin.user.admin" */
  scope?: string;
  /**
   * The authenticator's current code, for a login with two-step sign-in (TOTP): asked for when
   * the provider shows the code form after the password. Without it such a login fails.
   */
  totpCode?: () => string;
  /** Resource indicator (RFC 8707); default: the provider's default resource. */
  resource?: string;
}

export class TokenFlowError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TokenFlowError';
  }
}

const MAX_REDIRECTS = 10;

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Minimal cookie jar for one origin: honours Path, Max-Age=0 and past Expires (deletions). */
export class CookieJar {
  private readonly cookies = new Map<string, Cookie>();

  store(response: Response, requestUrl: URL): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = requestUrl.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k = '', v = ''] = attr.split('=').map((s) => s.trim());
        const key = k.toLowerCase();
        if (key === 'path' && v.startsWith('/')) path = v;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      const id = `${name}\u0000${path}`;
      if (expired) this.cookies.delete(id);
      else this.cookies.set(id, { name, value, path });
    }
  }

  header(url: URL): string | undefined {
    const matching = [...this.cookies.values()].filter(
      (c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
    );
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  /** A request as a browser with these cookies makes it: they are sent, new ones kept, no redirect followed. */
  async fetch(url: URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(res, url);
    return res;
  }
}

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function isRedirectTarget(location: URL, redirectUri: URL): boolean {
  return location.origin === redirectUri.origin && location.pathname === redirectUri.pathname;
}

function decodeHtmlAttr(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

export interface CodeFlowResult {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  /** The browser-side cookies after the flow (the provider's session), e.g. for a logout. */
  cookies: CookieJar;
}

/** Returns the access token of a completed Authorization Code + PKCE flow. */
export async function obtainToken(opts: ObtainTokenOptions): Promise<string> {
  return (await runCodeFlow(opts)).accessToken;
}

/** The whole flow, with every token of the response and the cookie jar. */
export async function runCodeFlow(
  opts: ObtainTokenOptions & { cookies?: CookieJar },
): Promise<CodeFlowResult> {
  const issuer = opts.issuer.replace(/\/+$/, '');
  const redirectUri = new URL(opts.redirectUri);
  const jar = opts.cookies ?? new CookieJar();

  const discoveryRes = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!discoveryRes.ok)
    throw new TokenFlowError(
      `discovery failed at ${issuer}: HTTP ${discoveryRes.status}`,
      discoveryRes.status,
    );
  const discovery = (await discoveryRes.json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
    issuer: string;
  };
  if (discovery.issuer !== issuer)
    throw new TokenFlowError(`discovery issuer ${discovery.issuer} differs from ${issuer}`);

  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const authUrl = new URL(discovery.authorization_endpoint);
  authUrl.search = new URLSearchParams({
    client_id: opts.clientId,
    redirect_uri: opts.redirectUri,
    response_type: 'code',
    scope: opts.scope ?? 'openid profile email aws.cognito.signin.user.admin',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(opts.resource ? { resource: opts.resource } : {}),
  }).toString();

  const request = (url: URL, init?: RequestInit) => jar.fetch(url, init);

  /** Follows redirects until a page is returned (→ Response) or the client's redirect URI is reached (→ URL). */
  const follow = async (
    start: Response,
    from: URL,
  ): Promise<{ page: Response; url: URL } | { callback: URL }> => {
    let res = start;
    let url = from;
    for (let i = 0; i <= MAX_REDIRECTS; i += 1) {
      if (res.status < 300 || res.status >= 400) return { page: res, url };
      const location = res.headers.get('location');
      if (!location) throw new TokenFlowError(`redirect without Location from ${url.pathname}`, res.status);
      await res.body?.cancel();
      const next = new URL(location, url);
      if (isRedirectTarget(next, redirectUri)) return { callback: next };
      url = next;
      res = await request(url);
    }
    throw new TokenFlowError('too many redirects');
  };

  const toLogin = await follow(await request(authUrl), authUrl);
  if ('callback' in toLogin) return exchange(toLogin.callback);
  if (toLogin.page.status !== 200) {
    throw new TokenFlowError(
      `authorization request refused (HTTP ${toLogin.page.status}): ${(await toLogin.page.text())
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 300)}`,
      toLogin.page.status,
    );
  }
  const html = await toLogin.page.text();
  const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html)?.[1];
  const loginUrl = new URL(action ? decodeHtmlAttr(action) : `${toLogin.url.pathname}/login`, toLogin.url);

  const loginRes = await request(loginUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: opts.username, password: opts.password }).toString(),
  });
  if (loginRes.status === 401) {
    await loginRes.body?.cancel();
    throw new TokenFlowError(`login failed for "${opts.username}": wrong username or password`, 401);
  }
  let passed = loginRes;
  let passedUrl = loginUrl;
  if (loginRes.status === 200) {
    // The second step: a form with the code field (two-step sign-in).
    const page = await loginRes.text();
    const codeAction = /<form[^>]*method="post"[^>]*action="([^"]+\/totp)"/i.exec(page)?.[1];
    if (!codeAction) throw new TokenFlowError('login form rejected (HTTP 200)', 200);
    if (!opts.totpCode)
      throw new TokenFlowError(`login of "${opts.username}" asks for an authenticator code`, 401);
    passedUrl = new URL(decodeHtmlAttr(codeAction), loginUrl);
    passed = await request(passedUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: opts.totpCode() }).toString(),
    });
    if (passed.status === 401) {
      await passed.body?.cancel();
      throw new TokenFlowError(`login failed for "${opts.username}": wrong authenticator code`, 401);
    }
  }
  if (passed.status < 300 || passed.status >= 400) {
    throw new TokenFlowError(`login form rejected (HTTP ${passed.status})`, passed.status);
  }
  const afterLogin = await follow(passed, passedUrl);
  if (!('callback' in afterLogin)) {
    throw new TokenFlowError(
      `no redirect to ${opts.redirectUri} after login (HTTP ${afterLogin.page.status} at ${afterLogin.url.pathname})`,
      afterLogin.page.status,
    );
  }
  return exchange(afterLogin.callback);

  async function exchange(callback: URL): Promise<CodeFlowResult> {
    const params = callback.searchParams;
    const error = params.get('error');
    if (error)
      throw new TokenFlowError(
        `authorization failed: ${error}${params.get('error_description') ? ` — ${params.get('error_description')}` : ''}`,
      );
    if (params.get('state') !== state) throw new TokenFlowError('state mismatch in authorization response');
    if (params.has('iss') && params.get('iss') !== issuer)
      throw new TokenFlowError('issuer mismatch in authorization response');
    const code = params.get('code');
    if (!code) throw new TokenFlowError('authorization response without code');
    const tokenRes = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: opts.redirectUri,
        client_id: opts.clientId,
        code_verifier: verifier,
      }).toString(),
    });
    const body = (await tokenRes.json().catch(() => ({}))) as {
      access_token?: string;
      id_token?: string;
      refresh_token?: string;
      error?: string;
      error_description?: string;
    };
    if (!tokenRes.ok || !body.access_token) {
      throw new TokenFlowError(
        `token exchange failed (HTTP ${tokenRes.status}): ${body.error ?? 'no access_token'}${body.error_description ? ` — ${body.error_description}` : ''}`,
        tokenRes.status,
      );
    }
    return {
      accessToken: body.access_token,
      ...(body.id_token ? { idToken: body.id_token } : {}),
      ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
      cookies: jar,
    };
  }
}
