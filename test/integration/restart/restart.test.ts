import { describe, expect, it } from 'vitest';
import { apiClient, tokenFor } from '../../support/api';
import { ownEmbedded } from '../../support/own-embedded';

type Item = { id: string; version: number; name: { az: string } };

const embedded = ownEmbedded();

describe('the embedded default keeps its data', () => {
  it('survives kill -9 and a restart: acknowledged writes, versions, seed and tokens are all there', async () => {
    const token = await tokenFor(embedded.baseUrl, 'admin');
    const api = apiClient(embedded.baseUrl, token);
    const created = await api.post<Item>('/api/v1/departments', { name: { az: 'Qalıcı şöbə' }, code: 'Q1' });
    expect(created.status).toBe(201);
    const updated = await api.put<Item>(`/api/v1/departments/${created.body.id}`, {
      name: { az: 'Qalıcı şöbə (yeni)' },
      code: 'Q1',
      version: 1,
    });
    expect(updated.status).toBe(200);
    const item = await api.post<Item>('/api/v1/reference/document-types', {
      name: { az: 'Arayış sorğusu' },
      code: 'arayis-sorgu',
    });
    expect(item.status).toBe(201);
    const seededBefore = await api.get<{ items: Item[] }>('/api/v1/positions?limit=100');

    await embedded.kill9();
    await embedded.restart();

    // The token issued before the crash still verifies: the issuer's keys are kept in the data folder.
    const after = apiClient(embedded.baseUrl, token);
    const dept = await after.get<Item>(`/api/v1/departments/${created.body.id}`);
    expect(dept.status).toBe(200);
    expect(dept.body.version).toBe(2);
    expect(dept.body.name.az).toBe('Qalıcı şöbə (yeni)');
    expect((await after.get<Item>(`/api/v1/reference/document-types/${item.body.id}`)).status).toBe(200);
    const seededAfter = await after.get<{ items: Item[] }>('/api/v1/positions?limit=100');
    expect(seededAfter.body.items.map((p) => p.id).sort()).toEqual(
      seededBefore.body.items.map((p) => p.id).sort(),
    );

    // New logins work after the restart too.
    const fresh = apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'clerk'));
    expect((await fresh.get('/api/v1/me')).status).toBe(200);
  });
});
