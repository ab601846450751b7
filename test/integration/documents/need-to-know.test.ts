import { beforeAll, describe, expect, inject, it } from 'vitest';
import { backfillParticipantUnits } from '../../../functions/modules/documents';
import { DynamoDocumentStore } from '../../../functions/modules/documents/dynamodb/document-store.adapter';
import { createDocumentModel } from '../../../functions/modules/documents/dynamodb/document.entities';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { tableClientOf } from '../../support/table';
import type { Api } from '../../support/api';
import {
  as,
  citizenIncoming,
  lookups,
  storedRow,
  unique,
  uploadContent,
  type Doc,
  type Lookups,
} from './helpers';

// Need-to-know on the embedded default, with the demo agency's people: the registry clerk, the
// director (agency head, root department) and the deputy standing in for him (the demo
// substitution), the legal department's head (`approver`) and lawyer, the IT head, the head of
// the security sector under IT (`security`), an IT consultant (`executor2`), an accountant
// (`executor4`) and the execution controller; and the start-up backfill of older rows.
const baseUrl = inject('baseUrl');
let ref: Lookups;
const api = new Map<string, Api>();
const user = (name: string) => api.get(name)!;
const emp = (username: string) => ref.employee.get(username)!;

const people = [
  'clerk',
  'recordshead',
  'head',
  'deputy',
  'approver',
  'lawyer',
  'ithead',
  'security',
  'executor2',
  'executor4',
  'controller',
  'admin',
];

async function memo(author: string, extra: Record<string, unknown> = {}): Promise<Doc> {
  const res = await user(author).post<Doc>('/api/v1/documents/internal', {
    summary: unique('memo'),
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const card = (who: string, doc: Doc) => user(who).get<Doc>(`/api/v1/documents/${doc.id}`);

async function listed(who: string, doc: Doc): Promise<boolean> {
  const q = encodeURIComponent(doc.summary);
  const res = await user(who).get<{ items: Doc[] }>(
    `/api/v1/documents?kind=${doc.kind}&summary=${q}&limit=50`,
  );
  expect(res.status).toBe(200);
  return res.body.items.some((d) => d.id === doc.id);
}

/** Whether `who` sees the document, asserting the card and the list agree. */
async function sees(who: string, doc: Doc): Promise<boolean> {
  const res = await card(who, doc);
  expect([200, 404], `${who}: ${res.status}`).toContain(res.status);
  expect(await listed(who, doc), `${who}'s list agrees with the card`).toBe(res.status === 200);
  return res.status === 200;
}

beforeAll(async () => {
  for (const name of people) api.set(name, await as(baseUrl, name));
  ref = await lookups(user('clerk'));
});

describe('need-to-know on the org tree', () => {
  it('a legal-department head cannot read a document outside their participation (404), while the registry clerk can', async () => {
    // Arrange: an IT consultant's memo
    const doc = await memo('executor2');

    // Act + Assert
    const refused = await card('approver', doc);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await sees('approver', doc)).toBe(false);
    expect(await sees('clerk', doc)).toBe(true);
    expect(await sees('executor2', doc)).toBe(true);
    // Heads of other departments, the controller by role alone: no.
    for (const who of ['controller', 'security', 'lawyer', 'executor4'])
      expect(await sees(who, doc)).toBe(false);
  });

  it('the head of a department sees the documents of its people and of the units under it; the agency head all', async () => {
    // Arrange: a memo of the security sector (under IT) and one of the legal department
    const security = await memo('security');
    const legal = await memo('lawyer');

    // Act + Assert
    expect(await sees('ithead', security)).toBe(true);
    expect(await sees('ithead', legal)).toBe(false);
    expect(await sees('approver', legal)).toBe(true);
    expect(await sees('approver', security)).toBe(false);
    expect(await sees('security', legal)).toBe(false);
    // The director heads the root: the agency head; his deputy stands in for him now (demo).
    for (const doc of [security, legal]) {
      expect(await sees('head', doc)).toBe(true);
      expect(await sees('deputy', doc)).toBe(true);
    }
  });

  it('a document becomes visible to whom it names: an addressee, a signatory, a resolution’s executor', async () => {
    // Arrange
    const letter = await user('clerk').post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('letter'), { addresseeId: emp('approver') }),
    );
    expect(letter.status).toBe(201);
    const doc = letter.body;
    expect(await sees('lawyer', doc)).toBe(false);

    // Act: the legal head (addressee) sends it to the lawyer
    const resolution = await user('approver').post(`/api/v1/documents/${doc.id}/resolutions`, {
      version: (await card('approver', doc)).body.version,
      text: 'Rəy hazırlansın',
      executors: [{ employeeId: emp('lawyer') }],
    });

    // Assert
    expect(resolution.status, JSON.stringify(resolution.body)).toBe(201);
    expect(await sees('lawyer', doc)).toBe(true);
    expect(await sees('ithead', doc)).toBe(false);
  });

  it('the substitute of a participant sees the document during the substitution and not after', async () => {
    // Arrange: the accountant stands in for the lawyer from today
    const doc = await memo('lawyer');
    const today = doc.createdAt as string;
    const day = (offset: number) =>
      new Date(Date.parse(today) + 4 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await sees('executor4', doc)).toBe(false);
    const created = await user('admin').post<{ id: string; version: number }>('/api/v1/substitutions', {
      employeeId: emp('lawyer'),
      substituteId: emp('executor4'),
      from: day(0),
      to: day(3),
      reason: 'Məzuniyyət',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    // Act + Assert: during
    expect(await sees('executor4', doc)).toBe(true);

    // Act + Assert: after (the period ended yesterday)
    const ended = await user('admin').put(`/api/v1/substitutions/${created.body.id}`, {
      employeeId: emp('lawyer'),
      substituteId: emp('executor4'),
      from: day(-3),
      to: day(-1),
      reason: 'Məzuniyyət',
      version: created.body.version,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(await sees('executor4', doc)).toBe(false);
  });
});

describe('confidential documents', () => {
  type Operation = { action: string; actorId: string; changes: Array<{ field: string; after?: unknown }> };
  const reads = async (who: string, doc: Doc) => {
    const res = await user(who).get<{ items: Operation[] }>(
      `/api/v1/documents/${doc.id}/operations?limit=100`,
    );
    expect(res.status).toBe(200);
    return res.body.items.filter((o) => o.action === 'read');
  };

  it('narrow to participants and the named people, go into their own journal, and every read is logged', async () => {
    // Arrange
    const res = await user('clerk').post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('secret'), {
        addresseeId: emp('head'),
        confidential: true,
        accessList: [emp('executor2')],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const doc = res.body;
    expect(doc.registration?.journalId).toBe(ref.journals.get('confidential'));
    expect(doc.registration?.number).toMatch(/^M-\d+\/\d{2}$/);

    // Act + Assert: who sees it
    // The registering clerk, the addressee, the named consultant, and the deputy who holds the
    // addressee's waiting line while standing in for him (a task holder takes part).
    for (const who of ['clerk', 'head', 'executor2', 'deputy']) expect(await sees(who, doc), who).toBe(true);
    // The other clerk and heads up the tree are not named: they do not see it.
    for (const who of ['recordshead', 'ithead', 'approver', 'controller', 'lawyer'])
      expect(await sees(who, doc), who).toBe(false);

    // Act + Assert: reads are logged, and the log only grows
    const before = await reads('clerk', doc);
    await card('executor2', doc);
    const file = await uploadContent(user('clerk'), doc.id, new TextEncoder().encode('%PDF-1.7 məxfi'));
    expect(file.complete.status).toBe(200);
    const url = await user('executor2').get(
      `/api/v1/documents/${doc.id}/contents/${file.ticket.content.id}/url`,
    );
    expect(url.status).toBe(200);
    const after = await reads('clerk', doc);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length).filter((o) => o.actorId === emp('executor2'));
    expect(added.map((o) => o.changes[0]?.after)).toEqual(['card', 'download: skan.pdf']);
  });

  it('refuses an ordinary document in the confidential journal, and a confidential one elsewhere', async () => {
    // Act
    const ordinary = await user('clerk').post<{ code: string }>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('x'), { journalId: ref.journals.get('confidential') }),
    );
    const secret = await user('clerk').post<{ code: string }>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('x'), { confidential: true, journalId: ref.journals.get('incoming') }),
    );

    // Assert
    expect(ordinary.status).toBe(422);
    expect(ordinary.body.code).toBe('journal_confidentiality_mismatch');
    expect(secret.status).toBe(422);
    expect(secret.body.code).toBe('journal_confidentiality_mismatch');
  });
});

describe('documents stored before need-to-know', () => {
  it('get their participants’ units from the start-up backfill, and the heads see them in lists', async () => {
    // Arrange: a demo-agency row of the lawyer's as an earlier version stored it (no units)
    const client = tableClientOf(baseUrl);
    const documents = new DynamoDocumentStore(client, TABLE_NAME);
    const model = createDocumentModel(client, TABLE_NAME);
    const tenantId = 'demo1';
    const doc = storedRow(tenantId, {
      status: 'draft',
      summary: unique('köhnə qeyd'),
      authorId: emp('lawyer'),
      participants: [emp('lawyer')],
    });
    await documents.commit({
      document: doc,
      operation: { actorId: 'system', action: 'create', changes: [] },
    });
    await model.unique
      .delete({ tenantId: '_migrations', scope: 'migration', value: 'document-participant-units' })
      .go();

    // Act
    const backfilled = await backfillParticipantUnits({
      store: new DynamoAggregateStore(client, TABLE_NAME),
      documents,
    });

    // Assert
    expect(backfilled.updated).toBeGreaterThanOrEqual(1);
    const stored = await documents.get(tenantId, doc.id);
    expect(stored?.participantUnits?.length).toBe(2);
    expect(await sees('approver', stored as unknown as Doc)).toBe(true);
    expect(await sees('ithead', stored as unknown as Doc)).toBe(false);
    expect(await documents.backfillParticipantUnits(async () => ['x'])).toEqual({ updated: 0 });
  });
});
