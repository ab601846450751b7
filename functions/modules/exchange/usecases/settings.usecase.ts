import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError, ForbiddenError } from '../../../platform/kernel/errors';
import { intakeAddress, SETTINGS, settingsInForce, type ExchangeSettings } from '../domain/received';
import type { ExchangeDeps } from '../ports';

const DEFAULT_INTAKE_DOMAIN = 'intake.karguzar.local';

function viewOf(deps: ExchangeDeps, tenantId: string, stored: ExchangeSettings | undefined) {
  const inForce = settingsInForce(stored);
  return {
    version: inForce.version,
    intakeAddress: intakeAddress(tenantId, deps.intakeDomain ?? DEFAULT_INTAKE_DOMAIN),
    ...(inForce.replyTo ? { replyTo: inForce.replyTo } : {}),
    receiptDays: inForce.receiptDays,
  };
}

/** GET /exchange/settings: the agency's intake address, reply-to address and receipt period. */
export async function getExchangeSettings(deps: ExchangeDeps, actor: Actor) {
  return viewOf(
    deps,
    actor.tenantId,
    await deps.store.get<ExchangeSettings>(SETTINGS, actor.tenantId, actor.tenantId),
  );
}

/**
 * PUT /exchange/settings (admins): the reply-to address and the receipt period. Version 0 writes
 * the first settings; otherwise the stored version (optimistic, 409 `stale_version`).
 */
export async function putExchangeSettings(
  deps: ExchangeDeps,
  actor: Actor,
  input: { version: number; replyTo?: string; receiptDays: number },
) {
  if (!actor.roles.has('admin')) throw new ForbiddenError('Only admins set the exchange settings');
  const t = actor.tenantId;
  const stored = await deps.store.get<ExchangeSettings>(SETTINGS, t, t);
  if ((stored?.version ?? 0) !== input.version)
    throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
      expected: input.version,
    });
  const now = deps.clock.now().toISOString();
  const next: ExchangeSettings = {
    id: t,
    tenantId: t,
    version: (stored?.version ?? 0) + 1,
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
    receiptDays: input.receiptDays,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
  };
  const options = { actorId: actor.employeeId, sortKey: t };
  const saved = stored
    ? await deps.store.update(SETTINGS, next, stored.version, options)
    : (await deps.store.create(SETTINGS, next, options)).item;
  return viewOf(deps, t, saved);
}
