import type * as z from 'zod';
import type { Actor } from '../../../platform/kernel/aggregate';
import { toBakuLocal } from '../domain/date-filter';
import { isSimilarSummary, summarySimilarity } from '../domain/similarity';
import type { Tenant } from '../../org';
import type { repeatQuery } from './inputs';
import { assertExists } from '../../../platform/kernel/aggregates';
import { allow, canSee, hasRole, type DocumentDeps } from './common';
import { lookupKeys } from './register.usecase';

export type RepeatQuery = z.output<typeof repeatQuery>;
type Reason = 'same_fin' | 'same_sender_number' | 'similar_summary';

/** How far back earlier appeals count as the same matter, unless the agency sets its own window. */
export const DEFAULT_REPEAT_WINDOW_DAYS = 365;
const PER_KEY = 50;

/**
 * Earlier incoming documents that look like the same matter: the same applicant FİN, the same
 * sender number and date, or the same sender with a similar summary within the window.
 */
export async function repeatCandidates(deps: DocumentDeps, actor: Actor, q: RepeatQuery) {
  allow(hasRole(actor, 'clerk'), 'repeat-candidates');
  if (q.sender.kind === 'organization')
    await assertExists(
      deps,
      'ref:counterparts',
      actor.tenantId,
      q.sender.counterpartId,
      'sender.counterpartId',
    );
  const tenant = await deps.store.get<Tenant & { repeatWindowDays?: number }>(
    'tenant',
    actor.tenantId,
    actor.tenantId,
  );
  const windowDays = tenant?.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS;
  const since = toBakuLocal(new Date(deps.clock.now().getTime() - windowDays * 86_400_000).toISOString());
  const sender =
    q.sender.kind === 'organization'
      ? ({ kind: 'organization', counterpartId: q.sender.counterpartId, name: '' } as const)
      : ({ kind: 'citizen', name: q.sender.name, ...(q.sender.fin ? { fin: q.sender.fin } : {}) } as const);
  const keys = lookupKeys({
    incoming: { sender, distribution: [] },
    ...(q.documentNumber ? { documentNumber: q.documentNumber } : {}),
    ...(q.documentDate ? { documentDate: q.documentDate } : {}),
  });

  const found = new Map<string, { reasons: Set<Reason>; score: number }>();
  const add = (id: string, reason: Reason, score: number) => {
    const entry = found.get(id) ?? { reasons: new Set<Reason>(), score: 0 };
    entry.reasons.add(reason);
    entry.score = Math.max(entry.score, score);
    found.set(id, entry);
  };
  for (const key of keys) {
    const entries = await deps.documents.lookup(actor.tenantId, key, since, PER_KEY);
    for (const e of entries) {
      const similarity = q.summary ? summarySimilarity(q.summary, e.summary) : 0;
      if (key.startsWith('number:')) add(e.documentId, 'same_sender_number', 1);
      else if (key.startsWith('fin:')) add(e.documentId, 'same_fin', Math.max(0.9, similarity));
      if (q.summary && isSimilarSummary(q.summary, e.summary))
        add(e.documentId, 'similar_summary', similarity);
    }
  }
  const ranked = [...found.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, 20);
  const docs = new Map(
    (
      await deps.documents.getMany(
        actor.tenantId,
        ranked.map(([id]) => id),
      )
    ).map((d) => [d.id, d]),
  );
  const items = [];
  for (const [id, entry] of ranked) {
    const doc = docs.get(id);
    if (!doc || !canSee(actor, doc) || doc.kind !== 'incoming') continue;
    items.push({
      document: {
        id: doc.id,
        kind: doc.kind,
        status: doc.status,
        ...(doc.registration ? { number: doc.registration.number, registeredAt: doc.registration.at } : {}),
        summary: doc.summary,
      },
      reasons: [...entry.reasons],
      score: Math.round(entry.score * 100) / 100,
    });
  }
  return { windowDays, items };
}
