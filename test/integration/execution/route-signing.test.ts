import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api, Problem } from '../../support/api';
import { eventually } from '../../support/eventually';
import { as, lookups, ownOrderJournal, unique, type Doc, type Lookups } from '../documents/helpers';

// Signing paths on the shared embedded default, through the document-route state machine on the
// local runner: an order signed from its route's signing task is numbered exactly as one signed
// through operations/sign, from the same journal, without gaps or repeats.
const baseUrl = inject('baseUrl');
let admin: Api;
let clerk: Api;
let ref: Lookups;

type Assignment = { id: string; kind: string; status: string; actions: string[] };
type ExecutionView = { documentVersion: number; assignments: Assignment[] };
type RouteView = { documentVersion: number; route: { state: string } | null };
type Operation = { action: string; changes: Array<{ field: string; before?: unknown; after?: unknown }> };

const emp = (username: string) => ref.employee.get(username)!;

async function documentOf(api: Api, id: string): Promise<Doc> {
  const res = await api.get<Doc>(`/api/v1/documents/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The caller's open route task of `kind` on the document, once the machine has made it. */
async function taskOf(api: Api, docId: string, kind: string): Promise<ExecutionView & { task: Assignment }> {
  return eventually(async () => {
    const res = await api.get<ExecutionView>(`/api/v1/documents/${docId}/execution`);
    const task = res.body.assignments?.find(
      (a) => a.kind === kind && a.status === 'pending' && a.actions.length > 0,
    );
    return task ? { ...res.body, task } : undefined;
  }, `a ${kind} task on ${docId}`);
}

async function decide(api: Api, docId: string, kind: string, action: string) {
  const { task, documentVersion } = await taskOf(api, docId, kind);
  return api.post<Doc | Problem>(`/api/v1/documents/${docId}/assignments/${task.id}/${action}`, {
    version: documentVersion,
  });
}

async function statusOf(api: Api, id: string, status: string): Promise<Doc> {
  return eventually(async () => {
    const d = await documentOf(api, id);
    return d.status === status ? d : undefined;
  }, `${id} ${status}`);
}

beforeAll(async () => {
  admin = await as(baseUrl, 'admin');
  clerk = await as(baseUrl, 'clerk');
  ref = await lookups(clerk);
});

describe('every signing path numbers an order', () => {
  it('signed from the route’s signing task, the order is numbered, enacted with its number, and the journal stays gap-free beside operations/sign', async () => {
    const { nomenclatureId, journalId, code } = await ownOrderJournal(admin, 'İmza sınağı');
    const executor1 = await as(baseUrl, 'executor1');
    const executor2 = await as(baseUrl, 'executor2');
    const signer = await as(baseUrl, 'recordshead');
    const head = await as(baseUrl, 'head');
    const order = async (summary: string) => {
      const res = await clerk.post<Doc>('/api/v1/documents/order', {
        summary: unique(summary),
        category: 'directive',
        nomenclatureId,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };

    // One order through its route: two endorsers, then the signature from the signing task.
    const routed = await order('Marşrutla imzalanan əmr');
    const edited = await clerk.put<RouteView>(`/api/v1/documents/${routed.id}/approval-route`, {
      version: routed.version,
      stages: [
        {
          kind: 'endorsement',
          mode: 'parallel',
          participants: [{ employeeId: emp('executor1') }, { employeeId: emp('executor2') }],
        },
        { kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp('recordshead') }] },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const started = await clerk.post<RouteView>(`/api/v1/documents/${routed.id}/approval-route/start`, {
      version: edited.body.documentVersion,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect((await decide(executor1, routed.id, 'endorsement', 'approve')).status).toBe(200);
    expect((await decide(executor2, routed.id, 'endorsement', 'approve')).status).toBe(200);
    await statusOf(clerk, routed.id, 'agreed');
    const signingTask = await taskOf(signer, routed.id, 'signing');

    // The other order the usual way: submitted, agreed, then signed through operations/sign.
    const direct = await order('Birbaşa imzalanan əmr');
    const submitted = await clerk.post<Doc>(`/api/v1/documents/${direct.id}/operations/submit`, {
      version: direct.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // Agreed by the agency head: without a route naming them, an approver elsewhere in the tree
    // does not see the clerk's draft (need-to-know).
    const agreed = await head.post<Doc>(`/api/v1/documents/${direct.id}/operations/agree`, {
      version: submitted.body.version,
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);

    // Both signatures at once: each path takes its number from the same journal.
    const [byTask, byOperation] = await Promise.all([
      signer.post<Doc>(`/api/v1/documents/${routed.id}/assignments/${signingTask.task.id}/sign`, {
        version: signingTask.documentVersion,
      }),
      head.post<Doc>(`/api/v1/documents/${direct.id}/operations/sign`, { version: agreed.body.version }),
    ]);
    expect(byTask.status, JSON.stringify(byTask.body)).toBe(200);
    expect(byOperation.status, JSON.stringify(byOperation.body)).toBe(200);
    expect(byTask.body.status).toBe('signed');
    expect(byTask.body.registration).toMatchObject({ journalId });
    expect(byOperation.body.registration).toMatchObject({ journalId });
    // Gap-free and unique: the journal's first two numbers, one each.
    const seqs = [byTask.body.registration!.seq, byOperation.body.registration!.seq].sort();
    expect(seqs).toEqual([1, 2]);
    expect(byTask.body.registration!.number).toBe(`${code}-${byTask.body.registration!.seq}`);

    // Enacted, the routed order is in force with its number (it used to be `registration: null`).
    await eventually(async () => {
      const route = await clerk.get<RouteView>(`/api/v1/documents/${routed.id}/approval-route`);
      return route.body.route?.state === 'completed' ? true : undefined;
    }, 'the route completed');
    const signed = await documentOf(clerk, routed.id);
    const enacted = await clerk.post<Doc>(`/api/v1/documents/${routed.id}/operations/enact`, {
      version: signed.version,
    });
    expect(enacted.status, JSON.stringify(enacted.body)).toBe(200);
    expect(enacted.body.status).toBe('in-force');
    expect(enacted.body.registration).toEqual(byTask.body.registration);
    const log = await clerk.get<{ items: Operation[] }>(
      `/api/v1/documents/${routed.id}/operations?limit=100`,
    );
    const sign = log.body.items.find((o) => o.action === 'route-sign');
    expect(sign?.changes).toContainEqual({ field: 'status', before: 'agreed', after: 'signed' });
  });
});
