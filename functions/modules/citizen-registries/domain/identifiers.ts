/**
 * Identifiers of the state registries and the records they return.
 *
 * FİN (fərdi identifikasiya nömrəsi): the 7-character personal code printed on the identity card,
 * uppercase Latin letters and digits. VÖEN (vergi ödəyicisinin eyniləşdirmə nömrəsi): the 10-digit
 * taxpayer number. In practice a VÖEN ends in 1 for legal entities and in 2 for individual
 * entrepreneurs, but only the shape is validated: the tax service, not this system, assigns them.
 */

const FIN_PATTERN = /^[0-9A-Z]{7}$/;
const VOEN_PATTERN = /^[0-9]{10}$/;

/** Trimmed and upper-cased (people type FİN in lower case); not yet validated. */
export function normalizeFin(value: string): string {
  return value.trim().toUpperCase();
}

/** Trimmed; not yet validated. */
export function normalizeVoen(value: string): string {
  return value.trim();
}

/** True for a FİN in normalized form (see normalizeFin). */
export function isFin(value: string): boolean {
  return FIN_PATTERN.test(value);
}

/** True for a VÖEN in normalized form (see normalizeVoen). */
export function isVoen(value: string): boolean {
  return VOEN_PATTERN.test(value);
}

/** The normalized FİN, or undefined when the input cannot be one. */
export function parseFin(value: string): string | undefined {
  const fin = normalizeFin(value);
  return isFin(fin) ? fin : undefined;
}

/** The normalized VÖEN, or undefined when the input cannot be one. */
export function parseVoen(value: string): string | undefined {
  const voen = normalizeVoen(value);
  return isVoen(voen) ? voen : undefined;
}

/** Who may look people and organizations up: the registration desk and those who supervise it. */
export const registryLookupRoles = ['clerk', 'head', 'admin', 'controller'] as const;

/** A person as the passport registry returns them. */
export interface RegistryPerson {
  fin: string;
  surname: string;
  name: string;
  /** "Elçin qızı", "Rafiq oğlu" */
  patronymic?: string;
  /** yyyy-MM-dd */
  birthDate: string;
  /** Registered address, as one line */
  address: string;
  phone?: string;
  email?: string;
}

/** Legal forms: MMC, ASC, QSC, publik hüquqi şəxs, fərdi sahibkar (English names in code). */
export const legalForms = ['llc', 'ojsc', 'cjsc', 'public-legal-entity', 'individual-entrepreneur'] as const;
export type LegalForm = (typeof legalForms)[number];

/** An organization (or individual entrepreneur) as the business registry returns it. */
export interface RegistryOrganization {
  voen: string;
  /** The registered name, e.g. `"Xəzər Logistika" MMC` */
  name: string;
  legalForm: LegalForm;
  /** Legal address, as one line */
  address: string;
  /** Full name of the head (or of the entrepreneur) */
  director?: string;
  phone?: string;
  email?: string;
  /** yyyy-MM-dd: date of state registration */
  registeredAt: string;
}
