import { api, type Page } from '../../lib/api';
import type { components } from '../../api/schema';

export type ArchiveTransfer = components['schemas']['ArchiveTransfer'];
export type ArchiveTransferFile = components['schemas']['ArchiveTransferFile'];

/** Transfer packages to the state archive, newest first. */
export function listTransfers(cursor?: string): Promise<Page<ArchiveTransfer>> {
  return api<Page<ArchiveTransfer>>('/archive/transfers', { query: { limit: 20, cursor } });
}

/** Asks for the transfer package of a permanent case file for a year (the machine builds it). */
export function requestTransfer(
  nomenclatureId: string,
  year: number,
  idempotencyKey: string,
): Promise<ArchiveTransfer> {
  return api<ArchiveTransfer>('/archive/transfers', {
    method: 'POST',
    body: { nomenclatureId, year },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** A short-lived download link to a ready package (asked for at the click). */
export function transferPackage(id: string): Promise<ArchiveTransferFile> {
  return api<ArchiveTransferFile>(`/archive/transfers/${encodeURIComponent(id)}/package`);
}
