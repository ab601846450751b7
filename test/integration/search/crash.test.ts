import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiClient, tokenFor } from '../../support/api';
import { ownEmbedded } from '../../support/own-embedded';
import { citizenIncoming, type Doc } from '../documents/helpers';
import { found, foundEventually, marker } from './helpers';

// kill -9 of the embedded default right after a table write was acknowledged: after the restart
// the index holds the update. And an index folder lost altogether is rebuilt from the table.
const embedded = ownEmbedded();
const clerk = async () => apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'clerk'));

describe('the search index across crashes', () => {
  it('loses no index update once the table write was acknowledged', async () => {
    // Arrange
    let api = await clerk();
    const before = marker('pre');
    const after = marker('post');
    const created = await api.post<Doc>('/api/v1/documents/incoming', citizenIncoming(`Qəza ${before}`));
    expect(created.status).toBe(201);
    await foundEventually(api, [['q', before]], created.body.id, 'the letter before the crash');

    // Act: the edit is acknowledged, then the process dies at once
    const edited = await api.put<Doc>(`/api/v1/documents/incoming/${created.body.id}`, {
      ...citizenIncoming(`Qəza ${after}`),
      version: created.body.version,
    });
    expect(edited.status).toBe(200);
    await embedded.kill9();
    await embedded.restart();

    // Assert
    api = await clerk();
    await foundEventually(api, [['q', after]], created.body.id, 'the edit after the restart', 60_000);
    expect(await found(api, [['q', before]])).not.toContain(created.body.id);
  }, 240_000);

  it('rebuilds a lost index folder from the table at start', async () => {
    let api = await clerk();
    const word = marker('lost');
    const doc = await api.post<Doc>('/api/v1/documents/internal', { summary: `Yenidən ${word}` });
    expect(doc.status).toBe(201);
    await foundEventually(api, [['q', word]], doc.body.id, 'the memo before the loss');

    await embedded.stop();
    rmSync(join(embedded.dataDir, 'search'), { recursive: true, force: true });
    await embedded.restart();

    api = await clerk();
    await foundEventually(api, [['q', word]], doc.body.id, 'the memo after the rebuild', 60_000);
  }, 240_000);
});
