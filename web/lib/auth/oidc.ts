/**
 * Browser-side OIDC for the static Next.js app: a thin wrapper over oidc-client-ts `UserManager`
 * (Authorization Code + PKCE S256 — oidc-client-ts always uses PKCE for `code` — with state and
 * tokens in sessionStorage, so nothing outlives the tab).
 *
 * One wrapper for both identity providers:
 * - local: authority `http://127.0.0.1:3000/oidc`, client `karguzar-web`;
 * - AWS: authority = the Cognito user pool issuer
 *   (`https://cognito-idp.<region>.amazonaws.com/<poolId>`), client = the app client id.
 *   Cognito difference: its discovery document has no `end_session_endpoint`; logout is the hosted
 *   UI's `https://<domain>/logout?client_id=…&logout_uri=…`. Pass that endpoint as `logoutUrl`
 *   (the API's config reports it as `oidc.logoutUrl`); signOut then clears the local user and
 *   goes there. Cognito also issues no `aud` in access tokens (the API checks `client_id`) and
 *   does not know the `offline_access` scope (it issues refresh tokens anyway), so keep the
 *   default scope (which asks for `aws.cognito.signin.user.admin`: TOTP enrolment with the user's token).
 *
 * Create the wrapper lazily in the browser (it touches `window`); never during static export.
 */
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export interface OidcSettings {
  /** Issuer URL (discovery at `<authority>/.well-known/openid-configuration`). */
  authority: string;
  clientId: string;
  /** Cognito hosted UI logout endpoint (not in Cognito's discovery metadata). */
  logoutUrl?: string;
  /**
   * default "openid profile email aws.cognito.signin.user.admin" (the last: the user's own token
   * may enrol an authenticator for two-step sign-in through the API; both providers grant it)
   */
  scope?: string;
  /** default `window.location.origin` */
  origin?: string;
  /** default "/auth/callback/" (the app is exported with trailingSlash: true; register exactly this URI) */
  redirectPath?: string;
  /** default "/" */
  postLogoutRedirectPath?: string;
  /** Renew with the refresh token before expiry; default true. */
  automaticSilentRenew?: boolean;
}

export interface OidcAuth {
  readonly userManager: UserManager;
  /** Starts the login; after the callback the app returns to `returnTo` (a same-origin path). */
  signIn(returnTo?: string): Promise<void>;
  /** Call on `/auth/callback`; returns the path to go back to. */
  completeSignIn(url?: string): Promise<{ user: User; returnTo: string }>;
  signOut(): Promise<void>;
  /** A valid access token, renewed with the refresh token if it expired; null when signed out. */
  getAccessToken(): Promise<string | null>;
  getUser(): Promise<User | null>;
}

/** Only same-origin paths ("/x", not "//host" or "https://…"), so the callback cannot redirect away. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : '/';
}

export const DEFAULT_SCOPE = 'openid profile email aws.cognito.signin.user.admin';

export function createOidcAuth(settings: OidcSettings): OidcAuth {
  const origin = settings.origin ?? window.location.origin;
  const redirectUri = new URL(settings.redirectPath ?? '/auth/callback/', origin).href;
  const postLogoutRedirectUri = new URL(settings.postLogoutRedirectPath ?? '/', origin).href;
  const store = new WebStorageStateStore({ store: window.sessionStorage });

  const userManager = new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    post_logout_redirect_uri: postLogoutRedirectUri,
    response_type: 'code',
    scope: settings.scope ?? DEFAULT_SCOPE,
    userStore: store,
    stateStore: store,
    loadUserInfo: false,
    automaticSilentRenew: settings.automaticSilentRenew ?? true,
    // Renewal uses the refresh token (both providers issue one), not a hidden iframe.
    silentRequestTimeoutInSeconds: 10,
    monitorSession: false,
  });

  async function getUser(): Promise<User | null> {
    return userManager.getUser();
  }

  return {
    userManager,
    getUser,

    async signIn(returnTo) {
      await userManager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) } });
    },

    async completeSignIn(url) {
      const user = await userManager.signinCallback(url);
      if (!user) throw new Error('sign-in callback returned no user');
      const state = user.state as { returnTo?: unknown } | undefined;
      return { user, returnTo: safeReturnTo(state?.returnTo) };
    },

    async signOut() {
      if (settings.logoutUrl) {
        // Cognito: no end_session_endpoint in discovery; its logout takes client_id and logout_uri.
        await userManager.removeUser();
        const url = new URL(settings.logoutUrl);
        url.searchParams.set('client_id', settings.clientId);
        url.searchParams.set('logout_uri', postLogoutRedirectUri);
        window.location.assign(url.href);
        return;
      }
      const user = await userManager.getUser();
      await userManager.signoutRedirect({
        ...(user?.id_token ? { id_token_hint: user.id_token } : {}),
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
      // The local user is removed by oidc-client-ts before the redirect.
    },

    async getAccessToken() {
      const user = await userManager.getUser();
      if (!user) return null;
      if (!user.expired) return user.access_token;
      if (!user.refresh_token) {
        await userManager.removeUser();
        return null;
      }
      try {
        const renewed = await userManager.signinSilent();
        return renewed?.access_token ?? null;
      } catch {
        await userManager.removeUser();
        return null;
      }
    },
  };
}

let shared: OidcAuth | undefined;

/** One wrapper per page load, created on first use in the browser. */
export function oidcAuth(settings: OidcSettings): OidcAuth {
  shared ??= createOidcAuth(settings);
  return shared;
}
