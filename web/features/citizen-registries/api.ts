import { api } from '../../lib/api';
import type { RegistryOrganization, RegistryPerson } from '../../api/contract';

export type { RegistryOrganization, RegistryPerson } from '../../api/contract';

/** A person of the passport registry by FİN (7 letters and digits; typed in any case). */
export function lookUpPerson(fin: string) {
  return api<RegistryPerson>(`/citizen-registries/persons/${encodeURIComponent(fin.trim().toUpperCase())}`);
}

/** An organization (or individual entrepreneur) of the business registry by VÖEN (10 digits). */
export function lookUpOrganization(voen: string) {
  return api<RegistryOrganization>(`/citizen-registries/organizations/${encodeURIComponent(voen.trim())}`);
}
