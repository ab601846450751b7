import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../../../../web/api/contract';
import { emptyForm } from '../../../../web/features/documents/form/model';
import {
  counterpartBody,
  emptyCounterpartDraft,
  placeAddress,
  senderFromRegistry,
} from '../../../../web/features/documents/form/sender-model';

const item = (
  id: string,
  extra: Partial<ReferenceItem> & { list: ReferenceItem['list'] },
): ReferenceItem => ({
  id,
  version: 1,
  createdAt: '2026-03-02T06:00:00.000Z',
  updatedAt: '2026-03-02T06:00:00.000Z',
  name: { az: id },
  active: true,
  ...extra,
});

const baku = item('baku', { list: 'regions', name: { az: 'Bakı şəhəri' }, kind: 'city' });
const khatai = item('khatai', {
  list: 'regions',
  name: { az: 'Xətai rayonu' },
  kind: 'district',
  parentId: 'baku',
});
const ganja = item('ganja', { list: 'regions', name: { az: 'Gəncə şəhəri' }, kind: 'city' });
const regions = [baku, khatai, ganja];

/** "Xəzər Logistika" as the business registry answers for VÖEN 1400057421 (fictional data). */
const registryOrg = {
  voen: '1400057421',
  name: '"Xəzər Logistika" MMC',
  address: 'Bakı şəhəri, Xətai rayonu, Nobel prospekti, ev 61',
  director: 'Quliyev Ramil Əli oğlu',
  phone: '+994120003001',
  email: 'office@example.com',
};

const t = (key: string) => key;

describe('senderFromRegistry (defect 3: a company found by VÖEN is not a citizen)', () => {
  it('makes a company missing from the counterparts list an organization sender, with its data as a new counterpart', () => {
    // Arrange
    const form = { ...emptyForm('incoming'), senderKind: 'organization' as const, voen: '1400057421' };

    // Act
    const result = senderFromRegistry(form, registryOrg, [], regions);

    // Assert
    expect(result.patch.senderKind).toBe('organization');
    expect(result.patch).toMatchObject({
      counterpartId: '',
      voen: '1400057421',
      contactPerson: registryOrg.director,
    });
    expect(result.patch).not.toHaveProperty('senderName');
    expect(result.draft).toEqual(
      emptyCounterpartDraft({
        name: '"Xəzər Logistika" MMC',
        voen: '1400057421',
        regionId: 'khatai',
        address: 'Nobel prospekti, ev 61',
        email: 'office@example.com',
        phone: '+994120003001',
      }),
    );
  });

  it('chooses the counterpart of the list that has the VÖEN, keeping a contact person already typed', () => {
    // Arrange
    const listed = item('org-1', { list: 'counterparts', kind: 'organization', voen: '1400057421' });
    const closed = item('org-0', {
      list: 'counterparts',
      kind: 'organization',
      voen: '1400057421',
      active: false,
    });
    const form = { ...emptyForm('incoming'), senderKind: 'citizen' as const, contactPerson: 'Əliyev Rəşad' };

    // Act
    const result = senderFromRegistry(form, registryOrg, [closed, listed], regions);

    // Assert
    expect(result.matched?.id).toBe('org-1');
    expect(result.draft).toBeUndefined();
    expect(result.patch).toEqual({ senderKind: 'organization', counterpartId: 'org-1', voen: '1400057421' });
  });
});

describe('placeAddress', () => {
  it('finds the most precise region the address names, under its parent, and keeps the rest as the street', () => {
    expect(placeAddress('AZ1025, Bakı şəhəri, Xətai rayonu, Nobel prospekti, ev 61', regions)).toEqual({
      regionId: 'khatai',
      postalCode: 'AZ1025',
      street: 'Nobel prospekti, ev 61',
    });
    expect(placeAddress('Gəncə şəhəri, Kəpəz rayonu, Atatürk prospekti, ev 21', regions)).toEqual({
      regionId: 'ganja',
      postalCode: '',
      street: 'Kəpəz rayonu, Atatürk prospekti, ev 21',
    });
  });

  it('leaves the region empty when the address names none of the list', () => {
    expect(placeAddress('Nobel prospekti 61', regions)).toEqual({
      regionId: '',
      postalCode: '',
      street: 'Nobel prospekti 61',
    });
  });
});

describe('counterpartBody', () => {
  it('sends what was typed, trimmed, with the postal code in its standard form', () => {
    // Arrange
    const draft = emptyCounterpartDraft({
      name: ' "Xəzər Logistika" MMC ',
      voen: '1400057421',
      regionId: 'khatai',
      postalCode: 'az 1025',
      address: 'Nobel prospekti, ev 61',
      email: 'office@example.com',
      receivesElectronically: true,
    });

    // Act
    const { body, errors } = counterpartBody(draft, t);

    // Assert
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: { az: '"Xəzər Logistika" MMC' },
      kind: 'organization',
      active: true,
      voen: '1400057421',
      regionId: 'khatai',
      postalCode: 'AZ1025',
      address: 'Nobel prospekti, ev 61',
      email: 'office@example.com',
      receivesElectronically: true,
    });
  });

  it('asks for a name, a 10-digit VÖEN, a valid e-mail, and an e-mail for electronic delivery', () => {
    // Act
    const bad = counterpartBody(emptyCounterpartDraft({ voen: '12345', email: 'not-mail' }), t);
    const noMail = counterpartBody(emptyCounterpartDraft({ name: 'X', receivesElectronically: true }), t);

    // Assert
    expect(bad.errors).toEqual({
      'name.az': 'validation.required',
      voen: 'validation.voen',
      email: 'validation.email',
    });
    expect(noMail.errors).toEqual({ email: 'lists.electronicNeedsEmail' });
  });
});
