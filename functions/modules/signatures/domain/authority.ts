import type { SigningRight } from '../../documents';
import type { Position } from '../../org';

/**
 * Signing rights (Decree 935 §144.2, §145): a right belongs to a position, not to a person, and
 * follows from the position's roles — a position with the `head` role carries the signature, and
 * every active position the endorsement (viza: a route asks the officials concerned to agree, and
 * names them). Whoever holds an active position with the right may exercise it; a substitute
 * exercises the right of the official they substitute that day, on their behalf.
 */
export function rightsOf(position: Pick<Position, 'roles' | 'active'>): SigningRight[] {
  if (!position.active) return [];
  return position.roles.includes('head') ? ['endorse', 'sign'] : ['endorse'];
}

/** Whether a position carries a signing right at all (its holder gets a key and a certificate). */
export const hasSigningRight = (position: Pick<Position, 'roles' | 'active'>): boolean =>
  rightsOf(position).length > 0;

/** The first of the official's positions (in their order) that carries the right. */
export function positionWithRight<P extends Pick<Position, 'id' | 'roles' | 'active'>>(
  positionIds: readonly string[],
  positions: readonly P[],
  right: SigningRight,
): P | undefined {
  const byId = new Map(positions.map((p) => [p.id, p]));
  return positionIds.map((id) => byId.get(id)).find((p) => !!p && rightsOf(p).includes(right));
}

/** The words of a signature's /Reason: the right exercised, the position, "on behalf of" a substitute. */
export function reasonOf(right: SigningRight, positionTitle: string, onBehalfOfName?: string): string {
  const what = right === 'sign' ? 'İmza' : 'Viza';
  return onBehalfOfName
    ? `${what} — ${positionTitle} (${onBehalfOfName} adından, əvəzedici kimi)`
    : `${what} — ${positionTitle}`;
}
