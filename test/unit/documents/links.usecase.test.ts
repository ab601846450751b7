import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../functions/platform/kernel/errors';
import { addLink, listLinks } from '../../../functions/modules/documents/usecases/links.usecase';
import { documentRecord } from '../../support/builders';
import { author, documentsWorld, outsider } from './world';

function world() {
  const deps = documentsWorld();
  deps.documents.seed({
    documents: [
      documentRecord('a', { participants: ['author'] }),
      documentRecord('b', {
        participants: ['author'],
        kind: 'incoming',
        status: 'registered',
        registration: {
          journalId: 'j',
          year: 2026,
          seq: 3,
          number: '3-DX/26',
          at: '2026-03-01T06:00:00.000Z',
        },
      }),
      documentRecord('hidden', { participants: ['someone-else'] }),
      documentRecord('closed', { participants: ['author'], status: 'cancelled' }),
    ],
  });
  return deps;
}

describe('addLink and listLinks', () => {
  it('links two documents both ways and logs it on both', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await addLink(deps, author, 'a', { otherId: 'b', type: 'related' });

    // Assert
    expect(out.items).toEqual([
      {
        type: 'related',
        direction: 'out',
        createdAt: '2026-03-02T06:00:00.000Z',
        createdBy: 'author',
        document: {
          id: 'b',
          kind: 'incoming',
          status: 'registered',
          number: '3-DX/26',
          registeredAt: '2026-03-01T06:00:00.000Z',
          summary: 'Sənəd b',
        },
      },
    ]);
    expect((await listLinks(deps, author, 'b')).items.map((l) => [l.direction, l.document.id])).toEqual([
      ['in', 'a'],
    ]);
    expect((await deps.documents.get('t1', 'a'))?.version).toBe(2);
    for (const id of ['a', 'b'])
      expect((await deps.documents.operations('t1', id, { limit: 5 })).items.map((o) => o.action)).toEqual([
        'link',
      ]);
  });

  it('writes nothing when the same link exists already', async () => {
    // Arrange
    const deps = world();
    await addLink(deps, author, 'a', { otherId: 'b', type: 'related' });

    // Act
    const again = await addLink(deps, author, 'a', { otherId: 'b', type: 'related' });

    // Assert
    expect(again.items).toHaveLength(1);
    expect(deps.documents.commits).toHaveLength(1);
  });

  it('refuses a link to itself, or to a document the caller cannot see, on otherId', async () => {
    // Arrange
    const deps = world();

    // Act
    const self = addLink(deps, author, 'a', { otherId: 'a', type: 'related' });
    const hidden = addLink(deps, author, 'a', { otherId: 'hidden', type: 'related' });
    const missing = addLink(deps, author, 'a', { otherId: 'nope', type: 'related' });

    // Assert
    await expect(self).rejects.toMatchObject({ code: 'self_link', issues: [{ path: 'otherId' }] });
    await expect(hidden).rejects.toMatchObject({ code: 'unknown_reference', issues: [{ path: 'otherId' }] });
    await expect(missing).rejects.toMatchObject({ code: 'unknown_reference' });
    expect(deps.documents.commits).toEqual([]);
  });

  it('follows the status, and answers 404 to a caller who cannot see the document', async () => {
    // Arrange
    const deps = world();

    // Act
    const closed = addLink(deps, author, 'closed', { otherId: 'a', type: 'related' });
    const unseen = listLinks(deps, outsider, 'a');

    // Assert
    await expect(closed).rejects.toMatchObject({ code: 'operation_not_allowed' });
    await expect(unseen).rejects.toBeInstanceOf(NotFoundError);
  });

  it('leaves out linked documents the caller may not see', async () => {
    // Arrange
    const deps = world();
    await deps.documents.commit({
      document: (await deps.documents.get('t1', 'hidden'))!,
      expectedVersion: 1,
      operation: { actorId: 'someone-else', action: 'link', changes: [] },
      links: [{ from: 'hidden', to: 'a', type: 'reply' }],
    });

    // Act
    const out = await listLinks(deps, author, 'a');

    // Assert
    expect(out.items).toEqual([]);
  });
});
