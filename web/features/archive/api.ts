import { api, type Page } from '../../lib/api';
import type {
  ArchiveHolding,
  CaseClosure,
  DisposalAct,
  DisposalPreview,
  IntegrityReport,
} from '../../api/contract';

/** Archived documents by the end of their retention: all, or one case file's. */
export function listHoldings(query: {
  nomenclatureId?: string;
  cursor?: string;
}): Promise<Page<ArchiveHolding>> {
  return api<Page<ArchiveHolding>>('/archive/holdings', {
    query: {
      limit: 50,
      ...(query.nomenclatureId ? { nomenclatureId: query.nomenclatureId } : {}),
      cursor: query.cursor,
    },
  });
}

/** Closes a case file of the nomenclature for a year: its documents are archived. */
export function closeCaseFile(nomenclatureId: string, year: number): Promise<CaseClosure> {
  return api<CaseClosure>('/archive/cases', { method: 'POST', body: { nomenclatureId, year } });
}

export function listReports(cursor?: string): Promise<Page<IntegrityReport>> {
  return api<Page<IntegrityReport>>('/archive/reports', { query: { limit: 20, cursor } });
}

/** Runs the integrity check now (the report fills in when the check ends). */
export function requestCheck(): Promise<IntegrityReport> {
  return api<IntegrityReport>('/archive/reports', { method: 'POST' });
}

/** The case files whose retention period is over, as an act drawn up now would list them. */
export function disposalPreview(): Promise<DisposalPreview> {
  return api<DisposalPreview>('/archive/disposal-acts/due');
}

export function listDisposalActs(cursor?: string): Promise<Page<DisposalAct>> {
  return api<Page<DisposalAct>>('/archive/disposal-acts', { query: { limit: 20, cursor } });
}

/** Draws up a disposal act: a registered internal document to send through its route. */
export function drawUpDisposalAct(comment: string | undefined, idempotencyKey: string): Promise<DisposalAct> {
  return api<DisposalAct>('/archive/disposal-acts', {
    method: 'POST',
    body: comment ? { comment } : {},
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function cancelDisposalAct(act: DisposalAct, reason: string): Promise<DisposalAct> {
  return api<DisposalAct>(`/archive/disposal-acts/${act.id}/cancel`, {
    method: 'POST',
    body: { version: act.version, reason },
  });
}
