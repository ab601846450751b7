/**
 * API keys for integrators (issue 15: "a state portal may use an API key per agency with higher
 * limits"). An agency's admin makes a key for one integrator, with a name and the requests a
 * minute it may send; the key is shown once, in the answer that makes it, and only its SHA-256 is
 * kept. A public request that carries it counts against the key's limit instead of its client
 * address's, and only for the key's own agency; a revoked, unknown or malformed key is refused.
 *
 * The key reads `kgz_<agency>.<key id>.<secret>`: the agency and id find the record with one read
 * (no scan, no index of secrets), and the secret's digest is compared in constant time.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Actor, AggregateMeta, Page } from '../../../platform/kernel/aggregate';
import { sha256Of } from '../../../platform/kernel/hashing';
import { NotFoundError } from '../../../platform/kernel/errors';
import type { EServiceDeps } from '../ports';

export const INTEGRATOR_KEY = 'integrator-key' as const;

export interface IntegratorKeyData {
  name: string;
  /** Requests a minute the key's holder may send to the agency's public API. */
  requestsPerMinute: number;
  /** The secret's SHA-256, base64url; the secret itself is never stored. */
  secretHash: string;
  /** The first characters of the key, to tell keys apart in the list. */
  prefix: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}
export type IntegratorKey = AggregateMeta & IntegratorKeyData;

/** A key as the API shows it: never its digest. */
export type PublicIntegratorKey = Omit<IntegratorKey, 'secretHash'>;

/** What a verified key lets through: its agency and its own limit. */
export interface IntegratorPrincipal {
  tenantId: string;
  keyId: string;
  requestsPerMinute: number;
}

const KEY = /^kgz_([A-Za-z0-9][A-Za-z0-9._:-]{0,127})\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

const digest = (secret: string) => sha256Of(secret).toString('base64url');

/** Live keys are listed under `live`, revoked ones under `revoked`, oldest first. */
const placement = (k: Pick<IntegratorKey, 'createdAt' | 'id' | 'revokedAt'>) => ({
  parentKey: k.revokedAt ? 'revoked' : 'live',
  sortKey: `${k.createdAt}#${k.id}`,
});

function shown(key: IntegratorKey): PublicIntegratorKey {
  const { secretHash: _hash, ...rest } = key;
  return rest;
}

/** A new key for an integrator of the admin's agency; the key is in this answer only (and its replays). */
export async function createIntegratorKey(
  deps: EServiceDeps,
  actor: Actor,
  input: { name: string; requestsPerMinute: number },
  idempotency?: { key: string; requestHash: string },
): Promise<{ integratorKey: PublicIntegratorKey; key?: string }> {
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const key = `kgz_${actor.tenantId}.${id}.${secret}`;
  const item: IntegratorKey = {
    id,
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    name: input.name,
    requestsPerMinute: input.requestsPerMinute,
    secretHash: digest(secret),
    prefix: key.slice(0, key.indexOf('.') + 9),
    createdBy: actor.employeeId,
  };
  const { item: stored, replayed } = await deps.store.create(INTEGRATOR_KEY, item, {
    actorId: actor.employeeId,
    ...placement(item),
    ...(idempotency ? { idempotency } : {}),
  });
  // A replay answers the stored record without the key: only its digest was kept (a key lost on
  // the way is revoked and another made).
  return replayed ? { integratorKey: shown(stored) } : { integratorKey: shown(stored), key };
}

/** The agency's keys, live ones or revoked ones, oldest first, a page at a time. */
export async function listIntegratorKeys(
  deps: EServiceDeps,
  actor: Actor,
  query: { limit: number; cursor?: string; revoked?: boolean },
): Promise<Page<PublicIntegratorKey>> {
  const page = await deps.store.list<IntegratorKey>(INTEGRATOR_KEY, actor.tenantId, {
    limit: query.limit,
    parentKey: query.revoked ? 'revoked' : 'live',
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { items: page.items.map(shown), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * Revokes a key at once (under the version the admin saw): its next request is refused. Revoking
 * a revoked key changes nothing.
 */
export async function revokeIntegratorKey(
  deps: EServiceDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<PublicIntegratorKey> {
  const current = await deps.store.get<IntegratorKey>(INTEGRATOR_KEY, actor.tenantId, id);
  if (!current) throw new NotFoundError('integrator key not found');
  if (current.revokedAt) return shown(current);
  const now = deps.clock.now().toISOString();
  const next: IntegratorKey = { ...current, revokedAt: now, revokedBy: actor.employeeId, updatedAt: now };
  const saved = await deps.store.update(INTEGRATOR_KEY, next, version, {
    actorId: actor.employeeId,
    ...placement(next),
  });
  return shown(saved);
}

/** The agency a presented key names (to read its record with that agency's access), if well formed. */
export const integratorKeyAgency = (presented: string): string | undefined => KEY.exec(presented)?.[1];

/** The key's agency and limit, or undefined for a malformed, unknown or revoked key. */
export async function verifyIntegratorKey(
  deps: Pick<EServiceDeps, 'store'>,
  presented: string,
): Promise<IntegratorPrincipal | undefined> {
  const match = KEY.exec(presented);
  if (!match) return undefined;
  const [, tenantId, id, secret] = match as unknown as [string, string, string, string];
  const stored = await deps.store.get<IntegratorKey>(INTEGRATOR_KEY, tenantId, id);
  const expected = Buffer.from(stored?.secretHash ?? digest('absent'), 'base64url');
  const given = Buffer.from(digest(secret), 'base64url');
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (!stored || !same || stored.revokedAt) return undefined;
  return { tenantId, keyId: id, requestsPerMinute: stored.requestsPerMinute };
}
