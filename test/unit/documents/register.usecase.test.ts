import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../functions/platform/kernel/errors';
import {
  createDocument,
  lookupKeys,
  updateDocument,
} from '../../../functions/modules/documents/usecases/register.usecase';
import { employee, journal } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';
import { author, clerk, documentsWorld, head, incoming, internal, order, outgoing, outsider } from './world';

const unknownAt = (path: string) => ({
  code: 'unknown_reference',
  issues: [{ path, code: 'unknown_reference' }],
});

describe("createDocument: the journal by the agency's rules", () => {
  function withCitizensRule() {
    const deps = documentsWorld();
    deps.store.seed(
      'ref:journals',
      journal('citizens', { documentKind: 'incoming', pattern: 'Ə-{seq}/{yy}' }),
    );
    deps.store.seed('ref:journal-rules', {
      ...journal('citizens-rule'),
      list: 'journal-rules',
      name: { az: 'Vətəndaş müraciətləri' },
      journalId: 'citizens',
      documentKind: 'incoming',
      priority: 10,
      senderKind: 'citizen',
      documentTypeIds: [],
      classificationIds: [],
      departmentIds: [],
      deliveryFormIds: [],
    });
    return deps;
  }

  it("registers a citizen's appeal in the journal the rules name, an organization's letter in the kind's journal", async () => {
    // Arrange
    const deps = withCitizensRule();

    // Act
    const appeal = await createDocument(deps, clerk, 'incoming', incoming());
    const letter = await createDocument(
      deps,
      clerk,
      'incoming',
      incoming({ sender: { kind: 'organization', counterpartId: 'org-1' } }),
    );

    // Assert
    expect(appeal.registration).toMatchObject({ journalId: 'citizens', number: 'Ə-1/26' });
    expect(letter.registration).toMatchObject({ journalId: 'incoming', number: '1-DX/26' });
  });

  it('refuses a journal asked for that the rules keep for other documents, numbering nothing', async () => {
    // Arrange
    const deps = withCitizensRule();

    // Act
    const attempt = createDocument(
      deps,
      clerk,
      'incoming',
      incoming({ sender: { kind: 'organization', counterpartId: 'org-1' }, journalId: 'citizens' }),
    );

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'journal_rule_mismatch',
      issues: [{ path: 'journalId', code: 'journal_rule_mismatch' }],
    });
    expect(await deps.documents.lastNumber('t1', 'citizens', 2026)).toBe(0);
  });
});

describe('createDocument: registration and numbering', () => {
  it('registers incoming mail with the next number of its journal, logged without the number field', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const doc = await createDocument(deps, clerk, 'incoming', incoming());

    // Assert
    expect(doc).toMatchObject({
      kind: 'incoming',
      status: 'registered',
      authorId: 'clerk',
      departmentId: 'registry',
      participants: ['clerk'],
      registration: {
        journalId: 'incoming',
        year: 2026,
        seq: 1,
        number: '1-DX/26',
        at: '2026-03-02T06:00:00.000Z',
      },
    });
    const [entry] = (await deps.documents.operations('t1', doc.id, { limit: 10 })).items;
    expect(entry).toMatchObject({ action: 'register', actorId: 'clerk' });
    expect(entry!.changes.map((c) => c.field)).not.toContain('registration');
    expect(entry!.changes.map((c) => c.field)).toContain('summary');
    expect(await deps.documents.lookup('t1', 'fin:5ZK7QH2', '2026-01-01', 10)).toEqual([
      expect.objectContaining({ documentId: doc.id, number: '1-DX/26' }),
    ]);
  });

  it('gives numbers without gaps: a refused registration consumes none', async () => {
    // Arrange
    const deps = documentsWorld();
    await createDocument(deps, clerk, 'incoming', incoming());
    let refuse = true;
    deps.documents.beforeCommit = () => {
      if (refuse) {
        refuse = false;
        throw new ConflictError('write_conflict', 'lost a race');
      }
    };

    // Act
    const invalid = createDocument(deps, clerk, 'incoming', incoming({ documentTypeId: 'nope' }));
    const refused = createDocument(deps, clerk, 'incoming', incoming());
    await invalid.catch(() => undefined);
    await refused.catch(() => undefined);
    const next = await createDocument(deps, clerk, 'incoming', incoming());

    // Assert
    await expect(invalid).rejects.toMatchObject(unknownAt('documentTypeId'));
    await expect(refused).rejects.toMatchObject({ code: 'write_conflict' });
    expect(next.registration).toMatchObject({ seq: 2, number: '2-DX/26' });
    expect(await deps.documents.lastNumber('t1', 'incoming', 2026)).toBe(2);
  });

  it('creates internal documents and orders as unnumbered drafts', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const memo = await createDocument(deps, author, 'internal', internal());
    const decree = await createDocument(deps, author, 'order', order({ signatoryId: 'signer' }));

    // Assert
    expect(memo).toMatchObject({ status: 'draft', departmentId: 'finance' });
    expect(memo.registration).toBeUndefined();
    expect(decree).toMatchObject({ status: 'draft', participants: ['author', 'signer'] });
    expect((await deps.documents.operations('t1', memo.id, { limit: 10 })).items[0]?.action).toBe('create');
    expect(await deps.documents.lastNumber('t1', 'internal', 2026)).toBe(0);
  });

  it('lets only the registry office register incoming mail', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const byHead = createDocument(deps, head, 'incoming', incoming());

    // Assert
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.documents.commits).toEqual([]);
  });

  it('replays a retried registration with the same idempotency key, without a second number', async () => {
    // Arrange
    const deps = documentsWorld();
    const idem = { key: 'retry-1', requestHash: 'h' };
    const first = await createDocument(deps, clerk, 'incoming', incoming(), idem);

    // Act
    const again = await createDocument(deps, clerk, 'incoming', incoming(), idem);
    const reused = createDocument(deps, clerk, 'incoming', incoming({ summary: 'başqa' }), {
      key: 'retry-1',
      requestHash: 'other',
    });

    // Assert
    expect(again.id).toBe(first.id);
    expect(again.registration?.seq).toBe(1);
    await expect(reused).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    expect(await deps.documents.lastNumber('t1', 'incoming', 2026)).toBe(1);
  });

  it('answers 404 to a replay whose document the caller can no longer see', async () => {
    // Arrange
    const deps = documentsWorld();
    const idem = { key: 'k', requestHash: 'h' };
    const first = await createDocument(deps, author, 'internal', internal(), idem);

    // Act: the same key from a caller who takes no part in the first document.
    const replay = createDocument(
      deps,
      { ...outsider, employeeId: 'outsider' },
      'internal',
      internal(),
      idem,
    );

    // Assert
    expect(first.participants).toEqual(['author']);
    await expect(replay).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses unknown or inactive references on their fields, writing nothing', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const attempts = [
      [createDocument(deps, clerk, 'incoming', incoming({ documentTypeId: 'nope' })), 'documentTypeId'],
      [
        createDocument(
          deps,
          clerk,
          'incoming',
          incoming({ sender: { kind: 'organization', counterpartId: 'org-closed' } }),
        ),
        'sender.counterpartId',
      ],
      [
        createDocument(deps, clerk, 'incoming', incoming({ distribution: ['head', 'former'] })),
        'distribution.1',
      ],
      [createDocument(deps, clerk, 'incoming', incoming({ routeTemplateId: 'nope' })), 'routeTemplateId'],
      [createDocument(deps, clerk, 'incoming', incoming({ journalId: 'outgoing' })), 'journalId'],
      [createDocument(deps, author, 'outgoing', outgoing({ signatoryId: 'former' })), 'signatoryId'],
      [
        createDocument(
          deps,
          author,
          'outgoing',
          outgoing({ recipients: [{ name: 'A' }, { counterpartId: 'nope' }] }),
        ),
        'recipients.1.counterpartId',
      ],
    ] as const;

    // Assert
    for (const [attempt, path] of attempts) await expect(attempt).rejects.toMatchObject(unknownAt(path));
    expect(deps.documents.commits).toEqual([]);
  });

  it('refuses a registration when no journal fits the kind', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('clerk'));
    deps.store.seed('ref:journals', journal('internal-only', { documentKind: 'internal' }));

    // Act
    const attempt = createDocument(deps, clerk, 'incoming', incoming());

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'no_journal',
      issues: [{ path: 'journalId', code: 'no_journal' }],
    });
  });

  it('links a repeated appeal to the earlier one both ways, and refuses a repeat of another kind', async () => {
    // Arrange
    const deps = documentsWorld();
    const earlier = await createDocument(deps, clerk, 'incoming', incoming());
    const memo = await createDocument(deps, clerk, 'internal', internal());

    // Act
    const repeat = await createDocument(deps, clerk, 'incoming', incoming({ repeatOf: earlier.id }));
    const wrongKind = createDocument(deps, clerk, 'incoming', incoming({ repeatOf: memo.id }));

    // Assert
    expect(repeat.incoming?.repeatOf).toBe(earlier.id);
    expect(await deps.documents.links('t1', earlier.id)).toEqual([
      expect.objectContaining({ otherId: repeat.id, type: 'repeat', direction: 'in' }),
    ]);
    const earlierLog = (await deps.documents.operations('t1', earlier.id, { limit: 10 })).items;
    expect(earlierLog.map((o) => o.action)).toEqual(['register', 'link']);
    await expect(wrongKind).rejects.toMatchObject(unknownAt('repeatOf'));
  });

  it('refuses a reply to a document the author may not see, as if it did not exist', async () => {
    // Arrange
    const deps = documentsWorld();
    const letter = await createDocument(deps, clerk, 'incoming', incoming());

    // Act
    const reply = createDocument(deps, author, 'outgoing', outgoing({ inReplyTo: letter.id }));

    // Assert
    await expect(reply).rejects.toMatchObject(unknownAt('inReplyTo'));
  });

  it('fills outgoing recipients from the counterpart and lets the author and signatory see the document', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const doc = await createDocument(
      deps,
      author,
      'outgoing',
      outgoing({
        recipients: [{ counterpartId: 'org-1' }, { name: 'Vətəndaş', email: 'v@mail.az' }],
        controllerId: 'controller',
      }),
    );

    // Assert
    expect(doc.outgoing).toEqual({
      signatoryId: 'signer',
      recipients: [
        { counterpartId: 'org-1', name: '"Xəzər Logistika" MMC', email: 'office@xezer.az' },
        { name: 'Vətəndaş', email: 'v@mail.az' },
      ],
      dispatches: [],
    });
    expect(doc.controlled).toBe(true);
    expect(doc.participants).toEqual(['author', 'controller', 'signer']);
    expect(doc.registration?.number).toBe('1-XR/26');
  });
});

describe('updateDocument', () => {
  it('replaces the editable fields (one left out is cleared) and logs each change', async () => {
    // Arrange
    const deps = documentsWorld();
    const memo = await createDocument(
      deps,
      author,
      'internal',
      internal({ note: 'qeyd', documentTypeId: 'type-1' }),
    );

    // Act
    const edited = await updateDocument(deps, author, memo.id, 'internal', {
      ...internal({ summary: 'Yeni məzmun', documentTypeId: 'type-1' }),
      version: 1,
    });

    // Assert
    expect(edited).toMatchObject({ summary: 'Yeni məzmun', documentTypeId: 'type-1', version: 2 });
    expect(edited).not.toHaveProperty('note');
    const log = (await deps.documents.operations('t1', memo.id, { limit: 10 })).items;
    expect(log[1]).toMatchObject({
      action: 'update',
      changes: [
        { field: 'summary', before: 'Xidməti qeyd', after: 'Yeni məzmun' },
        { field: 'note', before: 'qeyd', after: undefined },
      ],
    });
  });

  it('answers a stale version with 409 before any rule about the status', async () => {
    // Arrange
    const deps = documentsWorld();
    const memo = await createDocument(deps, author, 'internal', internal());

    // Act
    const stale = updateDocument(deps, author, memo.id, 'internal', { ...internal(), version: 5 });
    const wrongKind = updateDocument(deps, author, memo.id, 'order', { ...order(), version: 1 });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    await expect(wrongKind).rejects.toMatchObject({ code: 'wrong_kind' });
  });

  it('follows the status: an archived incoming document is not edited', async () => {
    // Arrange
    const deps = documentsWorld();
    const letter = await createDocument(deps, clerk, 'incoming', incoming());
    const stored = (await deps.documents.get('t1', letter.id))!;
    deps.documents.seed({ documents: [{ ...stored, status: 'archived' }] });

    // Act
    const attempt = updateDocument(deps, clerk, letter.id, 'incoming', { ...incoming(), version: 1 });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'operation_not_allowed',
      params: { status: 'archived' },
    });
  });

  it('lets the registry office edit incoming mail, and authors edit only their own other documents', async () => {
    // Arrange
    const deps = documentsWorld();
    const letter = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'author' }));
    const memo = await createDocument(deps, clerk, 'internal', internal({ addresseeId: 'author' }));

    // Act
    const addresseeEditsLetter = updateDocument(deps, author, letter.id, 'incoming', {
      ...incoming(),
      version: 1,
    });
    const addresseeEditsMemo = updateDocument(deps, author, memo.id, 'internal', {
      ...internal(),
      version: 1,
    });
    const headEditsLetter = updateDocument(deps, head, letter.id, 'incoming', { ...incoming(), version: 1 });

    // Assert
    await expect(addresseeEditsLetter).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addresseeEditsMemo).rejects.toBeInstanceOf(ForbiddenError);
    await expect(headEditsLetter).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps everyone who took part able to see it, keeps the repeat link, and adds only new look-up keys', async () => {
    // Arrange
    const deps = documentsWorld();
    const earlier = await createDocument(deps, clerk, 'incoming', incoming());
    const letter = await createDocument(
      deps,
      clerk,
      'incoming',
      incoming({ addresseeId: 'author', repeatOf: earlier.id }),
    );

    // Act
    const edited = await updateDocument(deps, clerk, letter.id, 'incoming', {
      ...incoming({ addresseeId: 'head', documentNumber: 'A-17', documentDate: '2026-02-27' }),
      version: 1,
    });

    // Assert
    expect(edited.participants).toEqual(['clerk', 'author', 'head']);
    expect(edited.incoming?.repeatOf).toBe(earlier.id);
    expect(deps.documents.commits.at(-1)?.lookups).toEqual([{ key: 'number:fin:5ZK7QH2:a-17:2026-02-27' }]);
  });
});

describe('lookupKeys', () => {
  it('keys an organization by counterpart, a citizen by FİN, and the sender’s number with its date', () => {
    // Act
    const org = lookupKeys({
      incoming: { sender: { kind: 'organization', counterpartId: 'org-1', name: 'X' }, distribution: [] },
      documentNumber: 'AB-5',
    });
    const anonymous = lookupKeys({
      incoming: { sender: { kind: 'citizen', name: 'Anonim' }, distribution: [] },
      documentNumber: '5',
    });

    // Assert
    expect(org).toEqual(['org:org-1', 'number:org:org-1:ab-5:-']);
    expect(anonymous).toEqual([]);
    expect(lookupKeys({})).toEqual([]);
  });
});
