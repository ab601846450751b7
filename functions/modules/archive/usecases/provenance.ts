import type { AggregateStore } from '../../../platform/ports/aggregate-store.port';
import type { DocumentRecord } from '../../documents';
import type { Employee, Tenant } from '../../org';

/**
 * The provenance metadata Decree 935 §153.5 asks the archive to keep with an electronic document:
 * where it came from and went to (source, destination), who sent and who received it, and when it
 * was sent and received. An incoming document came from its sender to the agency (received when
 * registered); an outgoing one went from the agency to its recipients (sent with each dispatch);
 * an internal document or order went from its author to its addressee inside the agency.
 */
export interface Provenance {
  source: string;
  destination: string;
  sender: string;
  receiver: string;
  sentAt: string | null;
  receivedAt: string | null;
  /** The information system that kept the document (§153.5: the system of origin). */
  system: 'Kargüzar';
}

export async function provenanceOf(
  deps: { store: AggregateStore },
  doc: DocumentRecord,
): Promise<Provenance> {
  const tenant = await deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId);
  const agency = tenant?.name.az ?? doc.tenantId;
  const person = async (id: string | undefined) =>
    id ? ((await deps.store.get<Employee>('employee', doc.tenantId, id))?.fullName ?? id) : agency;
  const registeredAt = doc.registration?.at ?? null;
  switch (doc.kind) {
    case 'incoming': {
      const sender = doc.incoming?.sender;
      return {
        source: sender?.name ?? 'unknown',
        destination: agency,
        sender:
          sender?.kind === 'organization' && sender.contactPerson
            ? `${sender.name} (${sender.contactPerson})`
            : (sender?.name ?? 'unknown'),
        receiver: await person(doc.addresseeId),
        sentAt: doc.documentDate ?? null,
        receivedAt: registeredAt,
        system: 'Kargüzar',
      };
    }
    case 'outgoing': {
      const recipients = (doc.outgoing?.recipients ?? []).map((r) => r.name).join('; ');
      const dispatches = doc.outgoing?.dispatches ?? [];
      return {
        source: agency,
        destination: recipients || 'unknown',
        sender: await person(doc.outgoing?.signatoryId),
        receiver: recipients || 'unknown',
        sentAt: dispatches[0]?.at ?? null,
        receivedAt: null,
        system: 'Kargüzar',
      };
    }
    default:
      return {
        source: agency,
        destination: agency,
        sender: await person(doc.authorId),
        receiver: await person(doc.addresseeId),
        sentAt: registeredAt,
        receivedAt: registeredAt,
        system: 'Kargüzar',
      };
  }
}
