import { randomUUID } from 'node:crypto';
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, type FieldIssue } from '../../../platform/kernel/errors';
import { platformAgencyOf } from '../../../platform/kernel/platform-directory';
import type { Delivery } from '../domain/delivery';
import type { DocumentRecord } from '../domain/document';
import type { DocumentDeps } from './common';

type Counterpart = AggregateMeta & { voen?: string; name: { az: string } };

/**
 * The deliveries of an `edms` dispatch (Decree 935 §141): every recipient must be a counterpart of
 * the list whose VÖEN belongs to an agency on the platform, else 422 `recipient_not_on_platform`
 * naming each such recipient. One delivery per recipient, in state `sending`; the exchange module's
 * stream consumer delivers them (and sets the receipt period at delivery).
 */
export async function edmsDeliveries(
  deps: DocumentDeps,
  doc: DocumentRecord,
  dispatchId: string,
): Promise<Delivery[]> {
  const recipients = doc.outgoing?.recipients ?? [];
  const ids = recipients.flatMap((r) => (r.counterpartId ? [r.counterpartId] : []));
  const counterparts = new Map(
    (await deps.store.getMany<Counterpart>('ref:counterparts', doc.tenantId, ids)).map((c) => [c.id, c]),
  );
  const issues: FieldIssue[] = [];
  const deliveries: Delivery[] = [];
  for (const [i, r] of recipients.entries()) {
    const voen = r.counterpartId ? counterparts.get(r.counterpartId)?.voen : undefined;
    const tenantId = voen ? await platformAgencyOf(deps.store, voen) : undefined;
    if (!tenantId || tenantId === doc.tenantId) {
      issues.push({ path: `recipients.${i}`, code: 'recipient_not_on_platform' });
      continue;
    }
    deliveries.push({
      id: randomUUID(),
      dispatchId,
      recipientIndex: i,
      recipientTenantId: tenantId,
      recipientName: r.name,
      state: 'sending',
    });
  }
  if (issues.length > 0)
    throw new BusinessRuleError(
      'recipient_not_on_platform',
      'A recipient is not an agency on the platform',
      {},
      issues,
    );
  return deliveries;
}
