/**
 * What a subscription's URL may be. In AWS: https only, to a host name or a public address (the
 * delivery checks every address the name resolves to again, see `outbound/`). Where private targets
 * are allowed (the embedded default, WEBHOOKS_ALLOW_PRIVATE=true): http too, and any address.
 * No credentials in the URL; at most 2000 characters.
 */
export type TargetProblem = 'invalid_url' | 'https_required' | 'credentials_in_url' | 'private_address';

export function targetProblem(
  raw: string,
  allowPrivate: boolean,
  isPublicLiteral: (host: string) => boolean | undefined,
): TargetProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (raw.length > 2000 || !['http:', 'https:'].includes(url.protocol) || !url.hostname) return 'invalid_url';
  if (url.username || url.password) return 'credentials_in_url';
  if (allowPrivate) return undefined;
  if (url.protocol !== 'https:') return 'https_required';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // An address literal must be public; a name that is obviously local never is.
  const literal = isPublicLiteral(host);
  if (literal === false) return 'private_address';
  if (literal === undefined && (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')))
    return 'private_address';
  return undefined;
}
