import type { AggregateStore } from '../ports/aggregate-store.port';
import { outsideTenant } from '../tenant-access/context';

/**
 * The platform's own partition of the table: the register of agencies (tenants) the platform
 * operator onboarded, with the platform-wide unique claims (VÖEN, tenant key). No token can name
 * it: tenant ids in tokens start with a letter or a digit.
 */
export const PLATFORM_PARTITION = '_platform';

/**
 * The agency on the platform that holds a VÖEN, if any (its tenant key). The register lies outside
 * every tenant's partition: a tenant's request reads that one claim outside its tenant, read-only,
 * and learns only whether the VÖEN is an agency on the platform (and its key), no data of it.
 */
export function platformAgencyOf(store: Pick<AggregateStore, 'findByUnique'>, voen: string) {
  return outsideTenant(() => store.findByUnique(PLATFORM_PARTITION, { scope: 'voen', value: voen }));
}
