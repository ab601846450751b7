/**
 * The one place the UI touches authentication: the OIDC wrapper (lib/auth/oidc.ts,
 * Authorization Code + PKCE, tokens in sessionStorage) configured from the public
 * /api/v1/client-config, created lazily in the browser.
 */
import { oidcAuth, safeReturnTo as sameOriginPath, type OidcAuth } from './auth/oidc';
import { loadClientConfig } from './config';

async function auth(): Promise<OidcAuth> {
  const config = await loadClientConfig();
  return oidcAuth({
    authority: config.oidc.authority,
    clientId: config.oidc.clientId,
    // The static export has trailing slashes; the issuer registers exactly this callback URL.
    redirectPath: '/auth/callback/',
    ...(config.oidc.logoutUrl ? { logoutUrl: config.oidc.logoutUrl } : {}),
  });
}

/** Same-origin paths only (no open redirect through the state); the start page means "home". */
export function safeReturnTo(value: unknown): string {
  const path = sameOriginPath(value);
  return path === '/' ? '/home/' : path;
}

/**
 * Starts the login. The wrapper's signIn stores `{ returnTo }` as state; going through its
 * UserManager with the same state adds `ui_locales`, so the issuer's page speaks the UI language.
 */
export async function signinRedirect(returnTo?: string, locale?: string): Promise<void> {
  const a = await auth();
  if (!locale) return a.signIn(safeReturnTo(returnTo));
  await a.userManager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) }, ui_locales: locale });
}

/** Completes the code exchange on /auth/callback/ and returns where the user wanted to go. */
export async function signinCallback(): Promise<string> {
  const { returnTo } = await (await auth()).completeSignIn();
  return safeReturnTo(returnTo);
}

export async function signoutRedirect(): Promise<void> {
  await (await auth()).signOut();
}

/** A valid access token (renewed if needed), or null when the user is not signed in. */
export async function getAccessToken(): Promise<string | null> {
  return (await auth()).getAccessToken();
}

/**
 * Whether the signed-in user is a platform operator: the ID token's `platform_role` claim (the
 * local provider and Cognito's pre-token trigger set it). Operators work in no tenant.
 */
export async function isPlatformOperator(): Promise<boolean> {
  const user = await (await auth()).getUser();
  return (user?.profile as Record<string, unknown> | undefined)?.platform_role === 'operator';
}

/** Forget the local session without a round trip (e.g. after the API answered 401). */
export async function clearSession(): Promise<void> {
  await (await auth()).userManager.removeUser();
}
