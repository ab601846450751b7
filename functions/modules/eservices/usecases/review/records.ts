/**
 * Who the review acts as, and the claim that leads from the registered document back to its
 * application. The record's reads and writes are the flow's (`../flow/records`).
 */
import type { Actor } from '../../../../platform/kernel/aggregate';
import type { UniqueClaim } from '../../../../platform/ports/aggregate-store.port';
import { SYSTEM } from '../flow/records';

/**
 * The system acting in an agency as its registry office: it registers the application as an
 * incoming document and starts the document's route (the document's author, so the route is its).
 */
export const reviewActor = (tenantId: string): Actor => ({
  tenantId,
  employeeId: SYSTEM,
  username: SYSTEM,
  roles: new Set(['clerk']),
});

/** The claim that leads from the registered document to its application (the route's end finds it). */
export const applicationDocumentClaim = (documentId: string): UniqueClaim => ({
  scope: 'eservice-application-document',
  value: documentId,
});
