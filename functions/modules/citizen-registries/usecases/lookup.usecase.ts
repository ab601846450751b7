import type { Actor } from '../../../platform/kernel/aggregate';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../../platform/kernel/errors';
import {
  parseFin,
  parseVoen,
  registryLookupRoles,
  type RegistryOrganization,
  type RegistryPerson,
} from '../domain/identifiers';
import type { RegistryLookup } from '../ports';

export interface RegistryDeps {
  registry: RegistryLookup;
}

/** The route table already requires one of these roles; checked again for callers other than HTTP. */
function assertMayLookUp(actor: Actor): void {
  if (!registryLookupRoles.some((role) => actor.roles.has(role)))
    throw new ForbiddenError('Role required for registry look-ups');
}

/**
 * The identifiers arrive as path parameters: a malformed one is a bad request (400), reported as
 * a field issue on the parameter so the form can show it next to the input.
 */
function badFormat(field: 'fin' | 'voen'): BadRequestError {
  return new BadRequestError([{ path: field, code: 'invalid_format' }]);
}

/** The person with this FİN (any case, surrounding spaces ignored). */
export async function lookUpPerson(deps: RegistryDeps, actor: Actor, fin: string): Promise<RegistryPerson> {
  assertMayLookUp(actor);
  const normalized = parseFin(fin);
  if (!normalized) throw badFormat('fin');
  const person = await deps.registry.person(normalized);
  if (!person) throw new NotFoundError('No person with this FİN');
  return person;
}

/** The organization or individual entrepreneur with this VÖEN. */
export async function lookUpOrganization(
  deps: RegistryDeps,
  actor: Actor,
  voen: string,
): Promise<RegistryOrganization> {
  assertMayLookUp(actor);
  const normalized = parseVoen(voen);
  if (!normalized) throw badFormat('voen');
  const organization = await deps.registry.organization(normalized);
  if (!organization) throw new NotFoundError('No organization with this VÖEN');
  return organization;
}
