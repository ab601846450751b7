import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api } from '../../support/api';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups, type Problem } from './helpers';

/**
 * The right journal by itself (issue 12, gap 8): the agency's journal rules send a citizen's
 * appeal to the citizens' appeals journal and an organization's letter to the incoming journal
 * when no journal is chosen, and keep a ruled journal for the documents its rules describe when
 * one is chosen. Admins edit the rules like any reference list.
 */
const baseUrl = inject('baseUrl');
let clerk: Api;
let admin: Api;
let ref: Lookups;
let organizationId: string;

type Item = { id: string; version: number; [key: string]: unknown };

beforeAll(async () => {
  [clerk, admin] = await Promise.all([as(baseUrl, 'clerk'), as(baseUrl, 'admin')]);
  ref = await lookups(clerk);
  organizationId = String(ref.counterparts.find((c) => c.code === 'justice')!.id);
});

const organizationLetter = (summary: string, extra: Record<string, unknown> = {}) => ({
  sender: { kind: 'organization', counterpartId: organizationId },
  summary,
  ...extra,
});

describe('journal rules at registration', () => {
  it("sends a citizen's appeal, an e-service application and an organization's letter to their journals", async () => {
    // Act
    const appeal = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Ərizə')));
    const eService = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('E-xidmət ərizəsi'), { deliveryFormId: ref.deliveryForms.get('e-service') }),
    );
    const letter = await clerk.post<Doc>('/api/v1/documents/incoming', organizationLetter(unique('Məktub')));

    // Assert
    expect(appeal.body.registration).toMatchObject({ journalId: ref.journals.get('citizens') });
    expect(appeal.body.registration?.number).toMatch(/^Ə-\d+\/\d{2}$/);
    expect(eService.body.registration).toMatchObject({ journalId: ref.journals.get('e-service') });
    expect(eService.body.registration?.number).toMatch(/^EX\d{2}-\d{6}$/);
    expect(letter.body.registration).toMatchObject({ journalId: ref.journals.get('incoming') });
    expect(letter.body.registration?.number).toMatch(/^D-\d+\/\d{2}$/);
  });

  it('refuses a journal chosen against the rules (422 on journalId, localized) and registers nothing', async () => {
    // Arrange
    const summary = unique('Səhv jurnal');
    const english = await as(baseUrl, 'clerk', 'en');

    // Act
    const letterInCitizens = await english.post<Problem>(
      '/api/v1/documents/incoming',
      organizationLetter(summary, { journalId: ref.journals.get('citizens') }),
    );
    const appealInIncoming = await clerk.post<Problem>(
      '/api/v1/documents/incoming',
      citizenIncoming(summary, { journalId: ref.journals.get('incoming') }),
    );
    const appealInGeneral = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Ümumi jurnal'), { journalId: ref.journals.get('general') }),
    );

    // Assert
    expect(letterInCitizens.status).toBe(422);
    expect(letterInCitizens.body).toMatchObject({
      code: 'journal_rule_mismatch',
      title: 'By the agency’s journal rules this journal is not for such documents',
    });
    expect(letterInCitizens.body.errors).toEqual([
      expect.objectContaining({ path: 'journalId', code: 'journal_rule_mismatch' }),
    ]);
    expect(appealInIncoming.status).toBe(422);
    expect(appealInIncoming.body.code).toBe('journal_rule_mismatch');
    // A journal no rule keeps (the general one) takes any document of its kind.
    expect(appealInGeneral.status).toBe(201);
    expect(appealInGeneral.body.registration?.journalId).toBe(ref.journals.get('general'));
    const found = await clerk.get<{ items: Doc[] }>(
      `/api/v1/documents?kind=incoming&summary=${encodeURIComponent(summary)}`,
    );
    expect(found.body.items).toEqual([]);
  });

  it('applies a rule an admin adds (by document type, first in order), and stops when it is switched off', async () => {
    // Arrange: a journal of the agency's own and a document type only this test uses.
    const tag = randomUUID().slice(0, 6);
    const journal = await admin.post<Item>('/api/v1/reference/journals', {
      name: { az: `Şikayətlər ${tag}` },
      code: `sk-${tag}`,
      pattern: `SK${tag}-{seq}`,
      documentKind: 'incoming',
    });
    const type = await admin.post<Item>('/api/v1/reference/document-types', {
      name: { az: `Şikayət növü ${tag}` },
    });
    const rule = await admin.post<Item>('/api/v1/reference/journal-rules', {
      name: { az: `Şikayətlər öz jurnalına ${tag}` },
      journalId: journal.body.id,
      documentKind: 'incoming',
      priority: 5,
      documentTypeIds: [type.body.id],
    });

    // Act
    const complaint = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Şikayət'), { documentTypeId: type.body.id }),
    );
    const off = await admin.put<Item>(`/api/v1/reference/journal-rules/${rule.body.id}`, {
      ...Object.fromEntries(
        Object.entries(rule.body).filter(
          ([k]) => !['id', 'tenantId', 'createdAt', 'updatedAt', 'list'].includes(k),
        ),
      ),
      active: false,
    });
    const later = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Şikayət'), { documentTypeId: type.body.id }),
    );

    // Assert
    expect(journal.status).toBe(201);
    expect(rule.status).toBe(201);
    expect(complaint.body.registration).toMatchObject({ journalId: journal.body.id, number: `SK${tag}-1` });
    expect(off.status).toBe(200);
    expect(later.body.registration?.journalId).toBe(ref.journals.get('citizens'));
  });

  it('lets only admins write rules, and refuses a rule whose journal numbers another kind', async () => {
    // Arrange
    const body = {
      name: { az: unique('Qayda') },
      journalId: ref.journals.get('outgoing'),
      documentKind: 'incoming',
      senderKind: 'citizen',
    };

    // Act
    const byClerk = await clerk.post<Problem>('/api/v1/reference/journal-rules', body);
    const wrongKind = await admin.post<Problem>('/api/v1/reference/journal-rules', body);

    // Assert
    expect(byClerk.status).toBe(403);
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors).toEqual([
      expect.objectContaining({ path: 'journalId', code: 'journal_kind_mismatch' }),
    ]);
  });

  it('numbers a personnel order in the personnel orders journal when it is signed', async () => {
    // Arrange: a draft classified under personnel matters, submitted and agreed.
    const head = await as(baseUrl, 'head');
    const draft = await clerk.post<Doc>('/api/v1/documents/order', {
      summary: unique('Məzuniyyət haqqında əmr'),
      category: 'order',
      classificationId: ref.classifications.get('03.01'),
      signatoryId: ref.employee.get('head'),
    });
    const step = async (api: Api, op: string, version: number) => {
      const res = await api.post<Doc>(`/api/v1/documents/${draft.body.id}/operations/${op}`, { version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const agreed = await step(head, 'agree', (await step(clerk, 'submit', draft.body.version)).version);

    // Act
    const signed = await step(head, 'sign', agreed.version);

    // Assert
    expect(signed.registration?.journalId).toBe(ref.journals.get('orders-personnel'));
    expect(signed.registration?.number).toMatch(/^\d+-K$/);
  });
});
