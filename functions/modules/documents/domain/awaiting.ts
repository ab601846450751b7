import type { DocumentRecord } from './document';
import { statusMachines } from './status';

/**
 * Whether a document waits for its addressee's resolution (Dərkənar gözləyənlər): it has an
 * addressee, it is in the status its first resolution moves it out of (an incoming document once
 * registered, an internal one once signed), and no running route will give the resolution itself
 * (a route with a resolution or execution stage puts its own task in the holder's list instead).
 * Cancelling, archiving, sending to execution or the resolution itself end the wait, since each
 * leaves that status; a route that is rejected or not yet started does not.
 */
export function awaitsResolution(
  doc: Pick<DocumentRecord, 'kind' | 'status' | 'addresseeId' | 'route'>,
): doc is typeof doc & { addresseeId: string } {
  if (!doc.addresseeId) return false;
  const after = statusMachines[doc.kind].statuses[doc.status]?.next?.resolve;
  if (!after || after === doc.status) return false;
  const route = doc.route;
  const routeResolves =
    route?.state === 'running' && route.stages.some((s) => s.kind === 'resolution' || s.kind === 'execution');
  return !routeResolves;
}

/** Whether a document is addressed to someone in its Etdiklərim: registered, with an addressee. */
export const addressedTo = (doc: Pick<DocumentRecord, 'addresseeId' | 'registration'>) =>
  doc.registration ? doc.addresseeId : undefined;
