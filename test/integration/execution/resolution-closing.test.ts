import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import type { Api } from '../../support/api';
import { clockNow } from '../../support/clock';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';
import type { ExecutionView as View } from './helpers';

// Closing a resolution on the shared embedded default: the controller's acceptance ends the
// co-executor's open work with it (the API, DynamoDB and the personal lists agree).
const baseUrl = inject('baseUrl');
let clerk: Api;
let head: Api;
let ref: Lookups;

type InboxPage = { items: Array<{ document: Doc; line: { assignmentId: string; open: boolean } }> };
type Operation = { action: string; changes: Array<{ field: string; before?: unknown; after?: unknown }> };

const emp = (username: string) => ref.employee.get(username)!;

async function view(api: Api, id: string): Promise<View> {
  const res = await api.get<View>(`/api/v1/documents/${id}/execution`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  head = await as(baseUrl, 'head');
  ref = await lookups(clerk);
});

describe('closing a resolution', () => {
  it('after the controller accepts, the co-executor who never reported has no open task left', async () => {
    const executor1 = await as(baseUrl, 'executor1');
    const executor2 = await as(baseUrl, 'executor2');
    const controller = await as(baseUrl, 'controller');
    const registered = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Bağlanış')),
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const doc = registered.body;
    const due = new Date(Date.parse(`${bakuLocalDate(await clockNow(baseUrl))}T00:00:00Z`) + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const resolved = await head.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: doc.version,
      text: 'Birlikdə araşdırın',
      executors: [{ employeeId: emp('executor1'), responsible: true }, { employeeId: emp('executor2') }],
      controllerId: emp('controller'),
      dueDate: due,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
    const mine = (await view(executor2, doc.id)).assignments.find((a) => a.ownerId === emp('executor2'))!;
    const openFor = async (api: Api) =>
      (await api.get<InboxPage>('/api/v1/inbox/execution?open=true')).body.items.filter(
        (i) => i.document.id === doc.id,
      );
    expect((await openFor(executor2)).map((i) => i.line.assignmentId)).toEqual([mine.id]);

    // The responsible executor closes alone; the controller accepts.
    const v1 = await view(executor1, doc.id);
    const responsible = v1.assignments.find((a) => a.ownerId === emp('executor1') && a.kind === 'execution')!;
    const closed = await executor1.post<Doc>(
      `/api/v1/documents/${doc.id}/assignments/${responsible.id}/close`,
      {
        version: v1.documentVersion,
        text: 'Cavab hazırlandı',
      },
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const vc = await view(controller, doc.id);
    const resolution = vc.assignments.find((a) => a.kind === 'resolution')!;
    const accepted = await controller.post<Doc>(
      `/api/v1/documents/${doc.id}/assignments/${resolution.id}/accept`,
      {
        version: vc.documentVersion,
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('executed');

    // The co-executor's assignment ended with the resolution: withdrawn, no action, no open line.
    const after = (await view(executor2, doc.id)).assignments.find((a) => a.id === mine.id)!;
    expect(after).toMatchObject({ status: 'withdrawn', actions: [] });
    expect(await openFor(executor2)).toEqual([]);
    const all = (await executor2.get<InboxPage>('/api/v1/inbox/execution')).body.items;
    expect(all.find((i) => i.line.assignmentId === mine.id)?.line.open).toBe(false);
    // The acceptance's log entry names it.
    const log = await clerk.get<{ items: Operation[] }>(`/api/v1/documents/${doc.id}/operations?limit=100`);
    const accept = log.body.items.find((o) => o.action === 'execution-accept');
    expect(accept?.changes).toContainEqual({
      field: 'assignment',
      before: { id: mine.id, kind: 'execution', status: 'pending' },
      after: { id: mine.id, kind: 'execution', status: 'withdrawn' },
    });
  });
});
