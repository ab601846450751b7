import { describe, expect, it } from 'vitest';
import {
  classifications,
  deliveryForms,
  documentTypes,
  physicalForms,
  registrationJournals,
  journalRules,
} from '../../../../functions/modules/reference/domain/standard-lists/lists';
import {
  documentKinds,
  formatRegistrationNumber,
  validateJournalPattern,
} from '../../../../functions/modules/reference/domain/lists';
import { referenceInputs } from '../../../../functions/modules/reference/api/reference.schema';
import { duplicates, nameProblems } from '../../local/seed/text-checks';

const azNames = (list: readonly { name: { az: string } }[]) =>
  list.map((i) => i.name.az.toLocaleLowerCase('az'));

describe('standard lists: simple reference lists', () => {
  const lists = { documentTypes, deliveryForms, physicalForms, classifications };

  it('have unique codes and names', () => {
    for (const [listName, list] of Object.entries(lists)) {
      expect(duplicates(list.map((i) => i.code)), listName).toEqual([]);
      expect(duplicates(azNames(list)), listName).toEqual([]);
    }
  });

  it('name every item correctly in az, en and ru', () => {
    const problems = Object.entries(lists).flatMap(([listName, list]) =>
      list.map((i) => nameProblems(`${listName}.${i.code}`, i.name)).flat(),
    );
    expect(problems).toEqual([]);
  });

  it('fit the reference-list schemas', () => {
    const schemaOf = {
      documentTypes: referenceInputs['document-types'],
      deliveryForms: referenceInputs['delivery-forms'],
      physicalForms: referenceInputs['physical-forms'],
      classifications: referenceInputs.classifications,
    };
    for (const [listName, list] of Object.entries(lists)) {
      for (const i of list) {
        const parsed = schemaOf[listName as keyof typeof schemaOf].safeParse({ name: i.name, code: i.code });
        expect(parsed.success, `${listName}.${i.code}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('have the document types of the brochure and the decree', () => {
    const names = azNames(documentTypes);
    for (const n of [
      'ərizə',
      'şikayət',
      'təklif',
      'sorğu',
      'məktub',
      'arayış',
      'akt',
      'protokol',
      'əmr',
      'sərəncam',
      'qərar',
    ]) {
      expect(names, n).toContain(n);
    }
  });

  it('give every document type a valid, non-empty set of registers', () => {
    for (const t of documentTypes) {
      expect(t.kinds.length, t.code).toBeGreaterThan(0);
      expect(duplicates(t.kinds), t.code).toEqual([]);
      for (const k of t.kinds) expect(documentKinds, t.code).toContain(k);
    }
    for (const kind of ['incoming', 'outgoing', 'internal', 'order'] as const) {
      expect(
        documentTypes.some((t) => t.kinds.includes(kind)),
        kind,
      ).toBe(true);
    }
  });

  it('have the delivery forms and physical forms of the brochure', () => {
    const delivery = azNames(deliveryForms);
    for (const n of ['faks', 'kuryer', 'e-poçt', 'şəxsən', 'poçt', 'e-xidmət'])
      expect(delivery, n).toContain(n);
    expect(azNames(physicalForms).sort()).toEqual(['bağlama', 'digər', 'vərəq', 'zərf'].sort());
  });
});

describe('standard lists: classification tree', () => {
  const codes = new Set(classifications.map((c) => c.code));
  const roots = classifications.filter((c) => c.parentCode === undefined);

  it('links children to existing roots, two levels deep', () => {
    for (const c of classifications) {
      if (c.parentCode === undefined) continue;
      expect(codes.has(c.parentCode), `${c.code} → ${c.parentCode}`).toBe(true);
      const parent = classifications.find((p) => p.code === c.parentCode);
      expect(parent?.parentCode, c.code).toBeUndefined();
      expect(c.code.startsWith(`${c.parentCode}.`), `${c.code} is numbered under ${c.parentCode}`).toBe(true);
    }
  });

  it('has about 4 topics with 2–4 subtopics each', () => {
    expect(roots.length).toBeGreaterThanOrEqual(3);
    expect(roots.length).toBeLessThanOrEqual(6);
    for (const r of roots) {
      const children = classifications.filter((c) => c.parentCode === r.code);
      expect(children.length, r.code).toBeGreaterThanOrEqual(2);
      expect(children.length, r.code).toBeLessThanOrEqual(4);
    }
  });

  it("starts with citizens' appeals", () => {
    expect(roots[0]?.name.az).toBe('Vətəndaş müraciətləri');
  });
});

describe('standard lists: registration journals', () => {
  it('have unique codes and correct names', () => {
    expect(duplicates(registrationJournals.map((j) => j.code))).toEqual([]);
    expect(registrationJournals.flatMap((j) => nameProblems(j.code, j.name))).toEqual([]);
  });

  it('have patterns the numbering engine accepts', () => {
    for (const j of registrationJournals) {
      expect(() => validateJournalPattern(j.pattern), `${j.code}: ${j.pattern}`).not.toThrow();
      expect(documentKinds, j.code).toContain(j.documentKind);
    }
  });

  it('cover every document kind', () => {
    for (const kind of ['incoming', 'outgoing', 'internal', 'order'] as const) {
      expect(
        registrationJournals.some((j) => j.documentKind === kind),
        kind,
      ).toBe(true);
    }
  });

  it('format numbers as expected', () => {
    const pattern = (code: string) => registrationJournals.find((j) => j.code === code)?.pattern ?? '';
    const ctx = { seq: 7, year: 2026, nomenclatureIndex: '02-03', departmentCode: '04' };
    expect(formatRegistrationNumber(pattern('citizens'), ctx)).toBe('Ə-7/26');
    expect(formatRegistrationNumber(pattern('outgoing'), ctx)).toBe('02-03/7');
    expect(formatRegistrationNumber(pattern('internal'), ctx)).toBe('04-7');
    expect(formatRegistrationNumber(pattern('e-service'), ctx)).toBe('EX26-000007');
    expect(formatRegistrationNumber(pattern('general'), ctx)).toBe('0007/2026');
  });

  it('fit the journals schema', () => {
    for (const j of registrationJournals) {
      const parsed = referenceInputs.journals.safeParse({
        name: j.name,
        code: j.code,
        pattern: j.pattern,
        documentKind: j.documentKind,
      });
      expect(parsed.success, `${j.code}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

describe('seed: journal rules', () => {
  it('name journals of their kind and codes that exist', () => {
    const journals = new Map(registrationJournals.map((j) => [j.code, j]));
    const classificationCodes = new Set(classifications.map((c) => c.code));
    const deliveryFormCodes = new Set(deliveryForms.map((d) => d.code));
    const documentTypeCodes = new Set(documentTypes.map((d) => d.code));
    expect(duplicates(journalRules.map((r) => r.code))).toEqual([]);
    for (const r of journalRules) {
      const journal = journals.get(r.journalCode);
      expect(journal, r.code).toBeDefined();
      expect([r.documentKind, 'any'], r.code).toContain(journal?.documentKind);
      for (const c of r.classificationCodes ?? []) expect(classificationCodes.has(c), c).toBe(true);
      for (const c of r.deliveryFormCodes ?? []) expect(deliveryFormCodes.has(c), c).toBe(true);
      for (const c of r.documentTypeCodes ?? []) expect(documentTypeCodes.has(c), c).toBe(true);
      expect(nameProblems(r.code, r.name)).toEqual([]);
    }
  });

  it("send citizens' appeals and organizations' letters to their journals", () => {
    const rule = (code: string) => journalRules.find((r) => r.code === code);
    expect(rule('citizens-appeals')).toMatchObject({ journalCode: 'citizens', senderKind: 'citizen' });
    expect(rule('organizations-letters')).toMatchObject({
      journalCode: 'incoming',
      senderKind: 'organization',
    });
  });

  it('fit the journal-rules schema', () => {
    for (const r of journalRules) {
      const parsed = referenceInputs['journal-rules'].safeParse({
        name: r.name,
        code: r.code,
        journalId: '00000000-0000-4000-8000-000000000001',
        documentKind: r.documentKind,
        priority: r.priority,
        ...(r.senderKind ? { senderKind: r.senderKind } : {}),
      });
      expect(parsed.success, `${r.code}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
