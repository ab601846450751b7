import type { CounterpartInput, ReferenceItem, RegistryOrganization } from '../../../api/contract';
import type { DocumentFormState } from './model';

/** A new counterpart as the clerk fills it in while registering (strings as typed). */
export interface CounterpartDraft {
  name: string;
  kind: CounterpartInput['kind'];
  voen: string;
  regionId: string;
  postalCode: string;
  address: string;
  email: string;
  phone: string;
  receivesElectronically: boolean;
}

export function emptyCounterpartDraft(preset: Partial<CounterpartDraft> = {}): CounterpartDraft {
  return {
    name: '',
    kind: 'organization',
    voen: '',
    regionId: '',
    postalCode: '',
    address: '',
    email: '',
    phone: '',
    receivesElectronically: false,
    ...preset,
  };
}

const POSTAL_CODE = /(?:^|,\s*)(AZ\s?\d{4})(?=,|$)/i;

/**
 * Where a free-text address lies in the regions list: the most precise region whose Azerbaijani
 * name is one of the address's comma-separated parts ("Bakı şəhəri, Xətai rayonu, Nobel prospekti,
 * ev 61" → Xətai rayonu under Bakı şəhəri), the rest kept as the street. A part matches a region
 * only under a parent the address names too, when that region has a parent.
 */
export function placeAddress(
  address: string,
  regions: readonly ReferenceItem[],
): { regionId: string; postalCode: string; street: string } {
  const postal = POSTAL_CODE.exec(address);
  const parts = address
    .replace(POSTAL_CODE, '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const named = (part: string) => part.toLocaleLowerCase('az');
  const used = new Set<number>();
  let regionId = '';
  let parentId: string | undefined;
  for (const [i, part] of parts.entries()) {
    const found = regions.find(
      (r) =>
        r.active &&
        named(r.name.az) === named(part) &&
        (r.parentId === undefined || r.parentId === parentId || (parentId === undefined && !regionId)),
    );
    if (!found) continue;
    regionId = found.id;
    parentId = found.id;
    used.add(i);
  }
  return {
    regionId,
    postalCode: postal ? `AZ${postal[1]!.replace(/\D/g, '')}` : '',
    street: parts.filter((_p, i) => !used.has(i)).join(', '),
  };
}

/**
 * What a VÖEN look-up in the business registry makes of an incoming document's sender. The sender
 * is the organization either way, never a citizen: when the counterparts list has it, it is chosen;
 * otherwise its registry data become a new counterpart for the clerk to add to the list.
 */
export function senderFromRegistry(
  form: DocumentFormState,
  org: Pick<RegistryOrganization, 'voen' | 'name' | 'address' | 'director' | 'phone' | 'email'>,
  counterparts: readonly ReferenceItem[],
  regions: readonly ReferenceItem[],
): { patch: Partial<DocumentFormState>; matched?: ReferenceItem; draft?: CounterpartDraft } {
  const matched = counterparts.find((c) => c.active && c.voen === org.voen);
  const contact = org.director && !form.contactPerson.trim() ? { contactPerson: org.director } : {};
  if (matched) {
    return {
      patch: { senderKind: 'organization', counterpartId: matched.id, voen: org.voen, ...contact },
      matched,
    };
  }
  const place = placeAddress(org.address, regions);
  return {
    patch: { senderKind: 'organization', counterpartId: '', voen: org.voen, ...contact },
    draft: emptyCounterpartDraft({
      name: org.name,
      voen: org.voen,
      regionId: place.regionId,
      postalCode: place.postalCode,
      address: place.street,
      email: org.email ?? '',
      phone: org.phone ?? '',
      receivesElectronically: false,
    }),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;

/**
 * The request body of a new counterpart and the client-side errors (keys are the body's field
 * names). The API stays the authority, VÖEN uniqueness above all.
 */
export function counterpartBody(
  draft: CounterpartDraft,
  t: (key: string) => string,
): { body: CounterpartInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const v = (s: string) => s.trim();
  if (!v(draft.name)) errors['name.az'] = t('validation.required');
  if (v(draft.voen) && !/^\d{10}$/.test(v(draft.voen))) errors.voen = t('validation.voen');
  const postalCode = v(draft.postalCode).toUpperCase().replace(/\s/g, '');
  if (postalCode && !/^AZ\d{4}$/.test(postalCode)) errors.postalCode = t('lists.postalCodeFormat');
  if (v(draft.email) && !EMAIL.test(v(draft.email))) errors.email = t('validation.email');
  if (v(draft.phone) && !PHONE.test(v(draft.phone))) errors.phone = t('doc.counterpart.phoneFormat');
  if (draft.receivesElectronically && !v(draft.email)) errors.email = t('lists.electronicNeedsEmail');
  const body: CounterpartInput = {
    name: { az: v(draft.name) },
    kind: draft.kind,
    active: true,
    receivesElectronically: draft.receivesElectronically,
    ...(v(draft.voen) ? { voen: v(draft.voen) } : {}),
    ...(draft.regionId ? { regionId: draft.regionId } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(v(draft.address) ? { address: v(draft.address) } : {}),
    ...(v(draft.email) ? { email: v(draft.email) } : {}),
    ...(v(draft.phone) ? { phone: v(draft.phone) } : {}),
  };
  return { body, errors };
}
