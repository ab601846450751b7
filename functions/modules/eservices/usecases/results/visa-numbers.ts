/**
 * E-visa numbers: gap-free per agency and year. One `eservice-visa-counter` aggregate per agency
 * and Baku year of the decision (id `<year>`) holds the last number given. The numbers of an
 * application's approved applicants are written onto the application (`visaNumbers`) in the SAME
 * transaction that moves the counter, under both optimistic versions: either both are written or
 * neither, so no number is lost (no gap) or given twice, and a retry after a crash finds the
 * numbers already on the record and prints the same ones.
 *
 * Text: `EV-<year>-<n, 6 digits or more>` (e.g. `EV-2026-000042`), within the code's
 * `[A-Z0-9-]{1,32}`; the agency is in the signed code beside it.
 */
import type { AggregateMeta } from '../../../../platform/kernel/aggregate';
import { ConflictError } from '../../../../platform/kernel/errors';
import type { AggregateWrite } from '../../../../platform/ports/aggregate-store.port';
import { bakuDate } from '../../domain/time';
import type { ResultsDeps } from '../../ports';
import { APPLICATION, applicationPlacement, type ApplicationRecord } from '../application-records';

export const VISA_COUNTER = 'eservice-visa-counter';

export interface VisaCounter extends AggregateMeta {
  /** The Baku year the counter numbers (its id). */
  year: number;
  /** The last number given in that year (0 before the first). */
  last: number;
}

/** The visa number's text. */
export function visaNumberText(year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('a visa number counts from 1');
  return `EV-${year}-${String(n).padStart(6, '0')}`;
}

/** The Baku year of an instant. */
export const bakuYear = (instant: string): number => Number(bakuDate(instant).slice(0, 4));

/** How many times a reservation is tried again after another writer moved the counter or the record. */
const ATTEMPTS = 8;

/**
 * The visa numbers of `applicants` (indexes with their decision instants), given once: those the
 * record already has are kept, the others are taken from the counters of their decisions' years.
 * Answers the record as stored afterwards.
 */
export async function reserveVisaNumbers(
  deps: Pick<ResultsDeps, 'store' | 'clock'>,
  tenantId: string,
  applicationId: string,
  applicants: ReadonlyArray<{ applicant: number; decidedAt: string }>,
): Promise<ApplicationRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await deps.store.get<ApplicationRecord>(APPLICATION, tenantId, applicationId);
    if (!record) throw new Error(`application ${applicationId} is gone`);
    const have = new Set((record.visaNumbers ?? []).map((v) => v.applicant));
    const missing = applicants.filter((a) => !have.has(a.applicant));
    if (missing.length === 0) return record;

    const byYear = new Map<number, number[]>();
    for (const a of [...missing].sort((x, y) => x.applicant - y.applicant)) {
      const year = bakuYear(a.decidedAt);
      byYear.set(year, [...(byYear.get(year) ?? []), a.applicant]);
    }
    const now = deps.clock.now().toISOString();
    const given: Array<{ applicant: number; number: string }> = [];
    const counterWrites: AggregateWrite[] = [];
    for (const [year, indexes] of [...byYear].sort(([a], [b]) => a - b)) {
      const id = String(year);
      const stored = await deps.store.get<VisaCounter>(VISA_COUNTER, tenantId, id);
      const last = stored?.last ?? 0;
      indexes.forEach((applicant, i) =>
        given.push({ applicant, number: visaNumberText(year, last + 1 + i) }),
      );
      const item: VisaCounter = {
        id,
        tenantId,
        version: stored?.version ?? 1,
        createdAt: stored?.createdAt ?? now,
        updatedAt: now,
        year,
        last: last + indexes.length,
      };
      counterWrites.push({
        type: VISA_COUNTER,
        item,
        ...(stored ? { expectedVersion: stored.version } : {}),
        options: { actorId: 'system', sortKey: id },
      });
    }
    const updated: ApplicationRecord = {
      ...record,
      updatedAt: now,
      visaNumbers: [...(record.visaNumbers ?? []), ...given].sort((a, b) => a.applicant - b.applicant),
    };
    try {
      await deps.store.transact([
        {
          type: APPLICATION,
          item: updated,
          expectedVersion: record.version,
          options: { actorId: 'system', ...applicationPlacement(record) },
        },
        ...counterWrites,
      ]);
      return { ...updated, version: record.version + 1 };
    } catch (error) {
      // Another issuer moved a counter (or wrote the record) first: read both again.
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
