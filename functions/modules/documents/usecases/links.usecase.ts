import type { Actor } from '../../../platform/kernel/aggregate';
import type { LinkType } from '../domain/document';
import { transition } from '../domain/status';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import { canSee, visibleDocument, type DocumentDeps } from './common';

/** The card's Related documents tab: manual links and the automatic reply and repeat links, both ways. */
export async function listLinks(deps: DocumentDeps, actor: Actor, id: string) {
  await visibleDocument(deps, actor, id);
  const links = await deps.documents.links(actor.tenantId, id);
  const others = new Map(
    (
      await deps.documents.getMany(
        actor.tenantId,
        links.map((l) => l.otherId),
      )
    ).map((d) => [d.id, d]),
  );
  const items = [];
  for (const link of links) {
    const other = others.get(link.otherId);
    if (!other || !canSee(actor, other)) continue;
    items.push({
      type: link.type,
      direction: link.direction,
      createdAt: link.createdAt,
      createdBy: link.createdBy,
      document: {
        id: other.id,
        kind: other.kind,
        status: other.status,
        ...(other.registration
          ? { number: other.registration.number, registeredAt: other.registration.at }
          : {}),
        summary: other.summary,
      },
    });
  }
  return { items };
}

/** A manual link between two documents the caller can see; logged on both. */
export async function addLink(
  deps: DocumentDeps,
  actor: Actor,
  id: string,
  input: { otherId: string; type: LinkType },
) {
  const doc = await visibleDocument(deps, actor, id);
  transition(doc.kind, doc.status, 'link');
  const fail = (code: string) =>
    new BusinessRuleError(code, 'Cannot link these documents', {}, [{ path: 'otherId', code }]);
  if (input.otherId === id) throw fail('self_link');
  const other = await deps.documents.get(actor.tenantId, input.otherId);
  if (!other || !canSee(actor, other)) throw fail('unknown_reference');
  const existing = await deps.documents.links(actor.tenantId, id);
  if (existing.some((l) => l.otherId === input.otherId && l.type === input.type)) {
    return listLinks(deps, actor, id);
  }
  // The link is logged on this document through an unchanged-state write that bumps its version.
  await deps.documents.commit({
    document: { ...doc, updatedAt: deps.clock.now().toISOString() },
    expectedVersion: doc.version,
    operation: {
      actorId: actor.employeeId,
      action: 'link',
      changes: [{ field: 'links', after: { type: input.type, documentId: input.otherId } }],
    },
    links: [{ from: id, to: input.otherId, type: input.type }],
  });
  return listLinks(deps, actor, id);
}
