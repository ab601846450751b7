import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api, Problem } from '../../support/api';
import { as, citizenIncoming, unique, type Doc } from './helpers';

// operations/{op} refuses the operations that have routes of their own, and says which route.
const baseUrl = inject('baseUrl');
let clerk: Api;

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
});

describe('an operation with a route of its own', () => {
  it('operations/execute answers 422 naming the acceptance route, localized, and changes nothing', async () => {
    const registered = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('İcra ünvanı')),
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const doc = registered.body;
    const route = `POST /api/v1/documents/${doc.id}/assignments/{assignmentId}/accept`;

    const az = await clerk.post<Problem>(`/api/v1/documents/${doc.id}/operations/execute`, {
      version: doc.version,
    });
    const ru = await (
      await as(baseUrl, 'clerk', 'ru')
    ).post<Problem>(`/api/v1/documents/${doc.id}/operations/resolve`, { version: doc.version });

    expect(az.status).toBe(422);
    expect(az.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(az.body).toMatchObject({ code: 'operation_has_own_route', operation: 'execute', route });
    expect(az.body.title).not.toBe('Bu əməliyyat üçün ayrıca ünvan var');
    expect(az.body.detail).toBe(
      `Sənəd nəzarətçi son dərkənarın icrasını qəbul edəndə icra olunmuş sayılır: ${route}`,
    );
    expect(ru.status).toBe(422);
    expect(ru.body).toMatchObject({ route: `POST /api/v1/documents/${doc.id}/resolutions` });
    expect(ru.body.detail).toBe(`Резолюция пишется по адресу POST /api/v1/documents/${doc.id}/resolutions`);
    const after = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
    expect(after.body).toMatchObject({ status: 'registered', version: doc.version });
  });
});
