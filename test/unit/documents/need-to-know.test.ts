import { describe, expect, it } from 'vitest';
import { createDocument } from '../../../functions/modules/documents/usecases/register.usecase';
import { getDocument, listDocuments } from '../../../functions/modules/documents/usecases/query.usecase';
import { NotFoundError } from '../../../functions/platform/kernel/errors';
import { treeActor } from '../../support/org-tree';
import { internal, needToKnowWorld as world } from './world';

const clerk = treeActor('clerk', ['clerk']);
const lawyer = treeActor('lawyer', ['executor']);
const dev = treeActor('dev', ['executor']);
const secop = treeActor('secop', ['executor']);
const legalhead = treeActor('legalhead', ['head'], { headOf: ['legal'] });
const ithead = treeActor('ithead', ['head'], { headOf: ['it'] });
const director = treeActor('director', ['head'], { headOf: ['board'], agencyHead: true });
const list = { kind: 'internal', order: 'desc', limit: 50 } as const;
const ids = async (deps: ReturnType<typeof world>, who: ReturnType<typeof treeActor>) =>
  (await listDocuments(deps, who, list)).items.map((d) => d.summary).sort();

describe('lists and cards follow the org tree', () => {
  it('a head sees the documents of the units under them, not a sibling department’s', async () => {
    // Arrange
    const deps = world();
    await createDocument(deps, secop, 'internal', internal({ summary: 'security' }));
    await createDocument(deps, lawyer, 'internal', internal({ summary: 'legal' }));
    const legalDoc = (await listDocuments(deps, lawyer, list)).items[0]!;

    // Act + Assert
    expect(await ids(deps, ithead)).toEqual(['security']);
    expect(await ids(deps, legalhead)).toEqual(['legal']);
    expect(await ids(deps, director)).toEqual(['legal', 'security']);
    expect(await ids(deps, clerk)).toEqual(['legal', 'security']);
    expect(await ids(deps, dev)).toEqual([]);
    await expect(getDocument(deps, ithead, legalDoc.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDocument(deps, legalhead, legalDoc.id)).resolves.toMatchObject({ summary: 'legal' });
  });

  it('the substitute of a participant sees what the participant sees, while substituting', async () => {
    // Arrange
    const deps = world();
    const memo = await createDocument(deps, lawyer, 'internal', internal({ summary: 'legal' }));
    const standingIn = treeActor('dev', ['executor'], { actingFor: ['lawyer'] });

    // Act + Assert
    expect(await ids(deps, standingIn)).toEqual(['legal']);
    await expect(getDocument(deps, standingIn, memo.id)).resolves.toMatchObject({ id: memo.id });
    await expect(getDocument(deps, dev, memo.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('confidential documents', () => {
  it('go into the confidential journal, and are seen only by participants and the named people', async () => {
    // Arrange
    const deps = world();
    const input = internal({ summary: 'secret', confidential: true, accessList: ['dev'] });

    // Act
    const secret = await createDocument(deps, lawyer, 'internal', input);
    const registered = await deps.documents.get('t1', secret.id);

    // Assert
    expect(registered).toMatchObject({ confidential: true, accessList: ['dev'] });
    expect(await ids(deps, lawyer)).toEqual(['secret']);
    expect(await ids(deps, dev)).toEqual(['secret']);
    for (const who of [legalhead, director, clerk]) {
      expect(await ids(deps, who)).toEqual([]);
      await expect(getDocument(deps, who, secret.id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('a confidential document numbers only in a confidential journal, and an ordinary one never there', async () => {
    // Arrange
    const deps = world();

    // Act
    const secret = await createDocument(deps, clerk, 'outgoing', {
      summary: 'secret letter',
      controlled: false,
      confidential: true,
      accessList: [],
      signatoryId: 'director',
      recipients: [{ counterpartId: 'org-1' }],
    });
    const wrong = createDocument(deps, clerk, 'outgoing', {
      summary: 'letter',
      controlled: false,
      confidential: false,
      accessList: [],
      journalId: 'secret',
      signatoryId: 'director',
      recipients: [{ counterpartId: 'org-1' }],
    });

    // Assert
    expect(secret.registration).toMatchObject({ journalId: 'secret', number: 'M-1' });
    await expect(wrong).rejects.toMatchObject({
      code: 'journal_confidentiality_mismatch',
      issues: [{ path: 'journalId', code: 'journal_confidentiality_mismatch' }],
    });
  });

  it('refuses an access list on a document that is not confidential', async () => {
    // Arrange
    const deps = world();

    // Act
    const refused = createDocument(deps, lawyer, 'internal', internal({ accessList: ['dev'] }));

    // Assert
    await expect(refused).rejects.toMatchObject({ code: 'access_list_not_confidential' });
    expect(deps.documents.commits).toEqual([]);
  });

  it('logs every read of the card, append-only, and none of an ordinary document', async () => {
    // Arrange
    const deps = world();
    const secret = await createDocument(deps, lawyer, 'internal', internal({ confidential: true }));
    const plain = await createDocument(deps, lawyer, 'internal', internal());

    // Act
    await getDocument(deps, lawyer, secret.id);
    deps.clock.advance(60_000);
    await getDocument(deps, lawyer, secret.id);
    await getDocument(deps, lawyer, plain.id);

    // Assert
    const reads = async (id: string) =>
      (await deps.documents.operations('t1', id, { limit: 100 })).items.filter((o) => o.action === 'read');
    expect((await reads(secret.id)).map((o) => [o.actorId, o.at, o.changes])).toEqual([
      ['lawyer', '2026-03-02T06:00:00.000Z', [{ field: 'read', after: 'card' }]],
      ['lawyer', '2026-03-02T06:01:00.000Z', [{ field: 'read', after: 'card' }]],
    ]);
    expect(await reads(plain.id)).toEqual([]);
  });
});
