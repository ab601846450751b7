/**
 * The embedded default's identity provider (the local stand-in for Cognito), built on
 * oidc-provider. The local gateway mounts the returned `callback` under the issuer's path (`/oidc`)
 * of the same origin; this module binds nothing itself.
 *
 * - Public client(s) with Authorization Code + PKCE (S256, required), no client secret, token
 *   endpoint auth `none`; refresh tokens are issued (Cognito issues them too).
 * - Access tokens are RS256 JWTs for the resource `urn:karguzar:api` with `aud` "karguzar-api" and
 *   the claims `sub`, `tenant`, `username` (the names the Cognito pre-token trigger produces); a
 *   platform operator's carry `platform_role: "operator"` and no tenant.
 * - JWKS at `<issuer>/.well-known/jwks.json` (Cognito's path, so the API derives it the same way).
 * - Signing and cookie keys: `<dataDir>/oidc/jwks.json`, `<dataDir>/oidc/cookie-keys.json` (0600).
 * - Sessions, grants, interactions, codes, refresh tokens: `<dataDir>/oidc/store/*.json` (see
 *   file-adapter.ts); they survive restarts. Access tokens are not stored.
 * - Demo passwords are hashed with scrypt at start; only hashes are kept in memory, nothing
 *   user-related is written to disk.
 * - Login/logout/error pages: pages.ts (az by default, en, ru).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { createFileAdapter } from './file-adapter';
import { loadOrCreateCookieKeys, loadOrCreateJwks, SIGNING_ALG } from './keys';
import { hashPassword } from './passwords';
import { LocalUserStore, type LocalUser } from './user-store';
import { COGNITO_ADMIN_SCOPE } from './scopes';
import {
  errorPage,
  loggedOutPage,
  loginPage,
  logoutPage,
  totpPage,
  messages,
  PAGE_CSP,
  pickLocale,
  type Locale,
} from './pages';

export interface DemoUser {
  subject: string;
  username: string;
  password: string;
  /** Absent only for a platform operator (`platformRole`). */
  tenantId?: string;
  platformRole?: 'operator';
  email: string;
  name: string;
}

export interface OidcClientConfig {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface CreateOidcOptions {
  /** e.g. http://127.0.0.1:3000/oidc — its path is where the gateway mounts `callback`. */
  issuer: string;
  /** KARGUZAR_DATA_DIR; the provider keeps its state in `<dataDir>/oidc/`. */
  dataDir: string;
  /** Demo logins, added to the user store if missing (their password is the documented one). */
  users: DemoUser[];
  /** The logins; default: the store in `<dataDir>/oidc/users.json`. Shared with the local Cognito endpoint. */
  userStore?: LocalUserStore;
  /** All clients are first-party public clients: consent is granted automatically. */
  clients: OidcClientConfig[];
  /** `aud` of access tokens; default "karguzar-api". */
  apiAudience?: string;
  /** Resource indicator (RFC 8707) of the API; default "urn:karguzar:api". Used when a client sends none. */
  apiResource?: string;
  /** Access token lifetime in seconds; default 3600 (Cognito's default). */
  accessTokenTtlSeconds?: number;
  /** Trust X-Forwarded-* headers (only if a proxy in front sets them); default false. */
  proxy?: boolean;
  /** Called with unexpected server errors (never with user errors such as a wrong password). */
  onServerError?: (error: Error) => void;
}

export interface LocalOidc {
  /** Node request listener; accepts requests with the full path (`/oidc/...`) or, express-style, with the prefix stripped and `req.originalUrl` set. */
  callback: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 16 * 1024;
/** How long the second step of a sign-in waits for the code, and how many wrong codes it takes. */
const CODE_STEP_MS = 5 * 60_000;
const MAX_CODE_TRIES = 5;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new Error('form too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string, csp = PAGE_CSP): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(html);
}

function localeOfCtx(ctx: KoaContextWithOIDC): Locale {
  const params = ctx.oidc?.params as Record<string, unknown> | undefined;
  return pickLocale({
    uiLocales: params?.ui_locales,
    acceptLanguage: ctx.get('accept-language') || undefined,
  });
}

export async function createOidc(opts: CreateOidcOptions): Promise<LocalOidc> {
  const issuerUrl = new URL(opts.issuer);
  if (issuerUrl.search || issuerUrl.hash) throw new Error('issuer must not have a query or fragment');
  const mountPath = issuerUrl.pathname.replace(/\/+$/, '');
  const apiAudience = opts.apiAudience ?? 'karguzar-api';
  const apiResource = opts.apiResource ?? 'urn:karguzar:api';
  const accessTokenTtl = opts.accessTokenTtlSeconds ?? 3600;
  const oidcDir = join(opts.dataDir, 'oidc');

  for (const u of opts.users) {
    if (!u.subject || !u.username || !(u.tenantId || u.platformRole))
      throw new Error('every demo user needs subject, username and a tenantId (or a platform role)');
  }
  if (new Set(opts.users.map((u) => u.username)).size !== opts.users.length)
    throw new Error('duplicate demo user');
  const userStore = opts.userStore ?? (await LocalUserStore.open(opts.dataDir));
  await userStore.ensure(
    opts.users.map((u) => ({
      subject: u.subject,
      username: u.username,
      password: u.password,
      ...(u.tenantId ? { tenantId: u.tenantId } : {}),
      ...(u.platformRole ? { platformRole: u.platformRole } : {}),
      email: u.email,
      name: u.name,
    })),
  );
  // Compared against when the username is unknown, so that the answer takes the same time.
  const dummyHash = await hashPassword(randomBytes(16).toString('hex'));

  const [jwks, cookieKeys] = await Promise.all([loadOrCreateJwks(oidcDir), loadOrCreateCookieKeys(oidcDir)]);
  const adapter = createFileAdapter(join(oidcDir, 'store'));

  const configuration: Configuration = {
    adapter: adapter.factory,
    jwks,
    cookies: { keys: cookieKeys },
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      id_token_signed_response_alg: SIGNING_ALG,
    })),
    pkce: { required: () => true },
    routes: { jwks: '/.well-known/jwks.json' },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'tenant', 'platform_role'],
      email: ['email', 'email_verified'],
    },
    // Cognito's scope for a user managing their own login (TOTP enrolment through the API).
    scopes: ['openid', 'offline_access', 'profile', 'email', COGNITO_ADMIN_SCOPE],
    findAccount: async (_ctx, sub) => {
      const user = userStore.bySubject(sub);
      if (!user?.enabled) return undefined;
      return {
        accountId: user.subject,
        claims: async () => ({
          sub: user.subject,
          name: user.name,
          preferred_username: user.username,
          email: user.email,
          email_verified: true,
          ...(user.tenantId ? { tenant: user.tenantId } : {}),
          ...(user.platformRole ? { platform_role: user.platformRole } : {}),
        }),
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !('accountId' in token) || !token.accountId) return undefined;
      const user = userStore.bySubject(token.accountId);
      if (!user) return undefined;
      // An operator's token names no tenant: it opens the platform's routes only. `mfa` is the
      // login's `custom:mfa`, as Cognito's pre-token trigger copies it (issue 18).
      return user.platformRole
        ? { platform_role: user.platformRole, username: user.username }
        : {
            tenant: user.tenantId,
            username: user.username,
            mfa: user.mfaAttribute === 'true' ? 'true' : 'false',
          };
    },
    // Every configured client is first-party: grant what it asks for instead of a consent screen.
    loadExistingGrant: async (ctx) => {
      const client = ctx.oidc.client;
      const accountId = ctx.oidc.account?.accountId ?? ctx.oidc.session?.accountId;
      if (!client || !accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (grant && (grant.accountId !== accountId || grant.clientId !== client.clientId)) grant = undefined;
      grant ??= new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope(ctx.oidc.requestParamScopes);
      if (ctx.oidc.requestParamClaims) grant.addOIDCClaims(ctx.oidc.requestParamClaims);
      for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers ?? {})) {
        grant.addResourceScope(indicator, server.scope);
      }
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    interactions: {
      url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== apiResource) throw new errors.InvalidTarget();
          return {
            scope: `openid profile email ${COGNITO_ADMIN_SCOPE}`,
            audience: apiAudience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtl,
            jwt: { sign: { alg: SIGNING_ALG } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          const locale = localeOfCtx(ctx);
          // The RP proved the session with id_token_hint (validated by the provider): skip the question.
          const autoSubmit = Boolean((ctx.oidc.params as Record<string, unknown>).id_token_hint);
          const nonce = autoSubmit ? randomBytes(16).toString('base64url') : undefined;
          ctx.type = 'html';
          ctx.set('Cache-Control', 'no-store');
          ctx.set('Content-Security-Policy', nonce ? `${PAGE_CSP}; script-src 'nonce-${nonce}'` : PAGE_CSP);
          ctx.body = logoutPage({ locale, form, ...(nonce ? { autoSubmitNonce: nonce } : {}) });
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.set('Content-Security-Policy', PAGE_CSP);
          ctx.body = loggedOutPage(localeOfCtx(ctx));
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', PAGE_CSP);
      ctx.body = errorPage(localeOfCtx(ctx), out);
    },
  };

  const provider = new Provider(issuerUrl.href.replace(/\/+$/, ''), configuration);
  provider.proxy = opts.proxy ?? false;
  if (opts.onServerError) {
    const report = opts.onServerError;
    provider.on('server_error', (_ctx: unknown, err: Error) => report(err));
  }
  const providerCallback = provider.callback();

  /**
   * Sign-ins whose password was right and whose code is awaited, by interaction: in memory only
   * (a restart asks for the password again), for five minutes and five codes.
   */
  const pendingCodes = new Map<string, { username: string; subject: string; tries: number; until: number }>();

  function authenticate(username: string, password: string): Promise<LocalUser | undefined> {
    return userStore.authenticate(username, password, dummyHash);
  }

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/totp|\/abort)?$/.exec(path);
    if (!match) {
      sendHtml(
        res,
        404,
        errorPage(pickLocale({ acceptLanguage: req.headers['accept-language'] }), { error: 'not_found' }),
      );
      return;
    }
    const [, uid, action] = match;
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // No or expired interaction cookie: the user must start again from the application.
      const locale = pickLocale({ lang: query.get('lang'), acceptLanguage: req.headers['accept-language'] });
      sendHtml(
        res,
        400,
        errorPage(locale, {
          error: 'invalid_request',
          error_description: 'interaction expired or not found',
        }),
      );
      return;
    }
    const base = `${mountPath}/interaction/${details.uid}`;
    const acceptLanguage = req.headers['accept-language'];
    if (details.uid !== uid) {
      sendHtml(
        res,
        400,
        errorPage(pickLocale({ acceptLanguage }), {
          error: 'invalid_request',
          error_description: 'interaction mismatch',
        }),
      );
      return;
    }
    const uiLocales = details.params.ui_locales;

    if (req.method === 'GET' && !action) {
      if (details.prompt.name === 'login') {
        const locale = pickLocale({ lang: query.get('lang'), uiLocales, acceptLanguage });
        sendHtml(
          res,
          200,
          loginPage({ locale, action: `${base}/login`, abortAction: `${base}/abort`, pagePath: base }),
        );
        return;
      }
      // Any other prompt (consent): first-party clients are granted without asking.
      const grant = await loadGrantFor(details);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: grant } },
        { mergeWithLastSubmission: true },
      );
      return;
    }

    if (req.method === 'POST' && action === '/login') {
      const form = await readForm(req);
      const locale = pickLocale({ lang: form.get('lang'), uiLocales, acceptLanguage });
      const username = (form.get('username') ?? '').trim();
      const password = form.get('password') ?? '';
      const page = {
        locale,
        action: `${base}/login`,
        abortAction: `${base}/abort`,
        pagePath: base,
        username,
      };
      if (details.prompt.name !== 'login') {
        sendHtml(
          res,
          400,
          errorPage(locale, { error: 'invalid_request', error_description: 'no login pending' }),
        );
        return;
      }
      if (!username || !password) {
        sendHtml(res, 400, loginPage({ ...page, error: 'missing' }));
        return;
      }
      const user = await authenticate(username, password);
      if (!user) {
        sendHtml(res, 401, loginPage({ ...page, error: 'invalid' }));
        return;
      }
      if (userStore.totpRequired(user)) {
        // The password was right: the second step asks for the authenticator's code.
        pendingCodes.set(details.uid, {
          username: user.username,
          subject: user.subject,
          tries: 0,
          until: Date.now() + CODE_STEP_MS,
        });
        sendHtml(
          res,
          200,
          totpPage({ locale, action: `${base}/totp`, abortAction: `${base}/abort`, pagePath: base }),
        );
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.subject } },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    if (req.method === 'POST' && action === '/totp') {
      const form = await readForm(req);
      const locale = pickLocale({ lang: form.get('lang'), uiLocales, acceptLanguage });
      const pending = pendingCodes.get(details.uid);
      const page = { locale, action: `${base}/login`, abortAction: `${base}/abort`, pagePath: base };
      if (details.prompt.name !== 'login' || !pending || pending.until < Date.now()) {
        pendingCodes.delete(details.uid);
        sendHtml(res, 400, loginPage({ ...page, error: 'missing' }));
        return;
      }
      const code = (form.get('code') ?? '').replace(/\s+/g, '');
      if (!(await userStore.checkSignInCode(pending.username, code))) {
        pending.tries += 1;
        if (pending.tries >= MAX_CODE_TRIES) {
          // Five wrong codes: the password must be given again.
          pendingCodes.delete(details.uid);
          sendHtml(res, 401, loginPage({ ...page, error: 'codes' }));
          return;
        }
        sendHtml(res, 401, totpPage({ ...page, action: `${base}/totp`, error: 'invalid' }));
        return;
      }
      pendingCodes.delete(details.uid);
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: pending.subject } },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    if (req.method === 'POST' && action === '/abort') {
      pendingCodes.delete(details.uid);
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    res.statusCode = 405;
    res.setHeader('Allow', action ? 'POST' : 'GET');
    res.end();
  }

  async function loadGrantFor(details: Awaited<ReturnType<Provider['interactionDetails']>>): Promise<string> {
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id as string;
    if (!accountId) throw new Error('consent without a session');
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
      : new provider.Grant({ accountId, clientId });
    const scope = typeof details.params.scope === 'string' ? details.params.scope : 'openid';
    grant.addOIDCScope(scope);
    grant.addResourceScope(apiResource, scope);
    return grant.save();
  }

  const callback = (req: IncomingMessage, res: ServerResponse): void => {
    const r = req as IncomingMessage & { originalUrl?: string };
    const url = r.url ?? '/';
    if (r.originalUrl === undefined) {
      if (
        mountPath &&
        (url === mountPath || url.startsWith(`${mountPath}/`) || url.startsWith(`${mountPath}?`))
      ) {
        // Mounted like express does it: the provider derives its mount path from originalUrl vs url.
        r.originalUrl = url;
        r.url = url.slice(mountPath.length) || '/';
        if (r.url.startsWith('?')) r.url = `/${r.url}`;
      } else {
        r.originalUrl = `${mountPath}${url}`;
      }
    }
    const path = (r.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/interaction/')) {
      handleInteraction(req, res, path).catch((err: unknown) => {
        opts.onServerError?.(err instanceof Error ? err : new Error(String(err)));
        if (!res.headersSent) {
          sendHtml(
            res,
            500,
            errorPage(pickLocale({ acceptLanguage: req.headers['accept-language'] }), {
              error: 'server_error',
            }),
          );
        } else {
          res.end();
        }
      });
      return;
    }
    void providerCallback(req, res);
  };

  return {
    callback,
    async close() {
      await adapter.flush();
    },
  };
}

/** For tests and the README: the message catalogue of the login page. */
export { messages as loginMessages };
