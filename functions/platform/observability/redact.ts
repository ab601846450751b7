/**
 * No personal data in logs (DESIGN.md, section 6). Call sites pass ids and codes; this is the net
 * below them, applied to every log line as it is serialized:
 *
 * - a field whose name says it holds personal data (names, FİN, VÖEN, contacts, addresses, free
 *   text, secrets) is replaced whole, at any depth;
 * - every other string — the message, error messages and stacks included — has what looks like an
 *   e-mail address, a phone number, a FİN or a token masked.
 *
 * Ids (UUIDs), codes, routes, numbers and dates pass untouched.
 */

export const REDACTED = '[redacted]';

/**
 * Field names (compared without case, `_` or `-`) whose values are personal data or secrets. The
 * domain's own names: a sender's or registry person's `name`, `surname`, `patronymic`, `fin`,
 * `voen`, `birthDate`, `address`, `phone`, `email`; a message's `to`, `subject`, `text`, `html`,
 * `body`; a document's `summary` and `note`; tokens and credentials.
 */
const PERSONAL_KEYS = new Set(
  [
    'name',
    'names',
    'fullName',
    'firstName',
    'lastName',
    'surname',
    'patronymic',
    'displayName',
    'givenName',
    'familyName',
    'director',
    'contactPerson',
    'fin',
    'pin',
    'voen',
    'birthDate',
    'dateOfBirth',
    'address',
    'legalAddress',
    'email',
    'emails',
    'phone',
    'phoneNumber',
    'mobile',
    'to',
    'cc',
    'bcc',
    'from',
    'subject',
    'text',
    'html',
    'body',
    'summary',
    'note',
    'comment',
    'reason',
    'fileName',
    'password',
    'secret',
    'token',
    'accessToken',
    'idToken',
    'refreshToken',
    'taskToken',
    'authorization',
    'cookie',
  ].map(normalizeKey),
);

function normalizeKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(normalizeKey(key));
}

/** What is masked inside any string, in this order (a JWT before the FİN-shaped pieces in it). */
const PATTERNS: Array<[RegExp, string]> = [
  // JSON Web Tokens (three base64url parts, the header starts with `{"`) and bearer credentials.
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[token]'],
  [/\bBearer\s+\S+/gi, 'Bearer [token]'],
  // E-mail addresses.
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z][\w-]*/g, '[email]'],
  // Azerbaijani numbers (+994 / 994 / 0 and an operator or area code), then any other E.164 one.
  [/(?:\+994|\b994|\(?\b0)[\s-]?\(?\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b/g, '[phone]'],
  [/\+\d{10,15}\b/g, '[phone]'],
  // A FİN: seven upper-case Latin letters and digits with at least one of each (an all-letter
  // word such as UNKNOWN or an all-digit number is no FİN).
  [/\b(?=[0-9]*[A-Z])(?=[A-Z]*[0-9])[0-9A-Z]{7}\b/g, '[fin]'],
];

/** The text with e-mail addresses, phone numbers, FİN codes and tokens masked. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** An error as a log field: its type, and its message and stack scrubbed (the cause too). */
function errorFields(error: Error, depth = 0): Record<string, unknown> {
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(cause instanceof Error && depth < 3 ? { cause: errorFields(cause, depth + 1) } : {}),
  };
}

/**
 * A `JSON.stringify` replacer: personal fields replaced whole, strings scrubbed, errors turned
 * into scrubbed fields. The root (key '') is never a personal field.
 */
export function redactLogValue(key: string, value: unknown): unknown {
  if (key !== '' && isPersonalKey(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return errorFields(value);
  return value;
}

/** A whole object passed through the same rules (for tests and for callers that build lines themselves). */
export function redact<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, redactLogValue) ?? 'null') as unknown;
}
