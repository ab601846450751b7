import { beforeAll, describe, expect, it } from 'vitest';
import { type Api, type Problem } from '../../support/api';
import { advanceClock, clockNow } from '../../support/clock';
import { ownEmbedded } from '../../support/own-embedded';
import { eventually } from '../../support/eventually';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';

// Routes (marşrut) through the document-route state machine on the local runner, on an embedded
// default of its own: parallel and sequential endorsement, a rejection and resubmission, the
// signature by a substitute, and an incoming route of resolution, execution and information.
const embedded = ownEmbedded();
let admin: Api;
let clerk: Api;
let ref: Lookups;

type Step = {
  stage: number;
  kind: string;
  state: string;
  employeeIds: string[];
  assignees: Array<{ employeeId: string; status: string; comment?: string }>;
};
type Route = {
  state: string;
  round: number;
  templateId?: string;
  templateName?: string;
  stages: unknown[];
  steps: Step[];
  rejection?: { by: string; comment: string };
};
type ApprovalRouteView = { documentVersion: number; route: Route | null; actions: string[] };
type Assignment = {
  id: string;
  kind: string;
  status: string;
  assigneeId: string;
  ownerId: string;
  actions: string[];
};
type InboxPage = {
  items: Array<{ document: Doc; line: { assignmentId: string; open: boolean; onBehalfOf?: string } }>;
};
type Operation = { action: string; actorId: string; onBehalfOf?: string; comment?: string };

const emp = (username: string) => ref.employee.get(username)!;

async function routeOf(api: Api, id: string): Promise<ApprovalRouteView> {
  const res = await api.get<ApprovalRouteView>(`/api/v1/documents/${id}/approval-route`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The caller's open route task on the document, once the machine has made it. */
async function taskOf(api: Api, docId: string, kind: string): Promise<Assignment> {
  return eventually(async () => {
    const res = await api.get<{ assignments: Assignment[] }>(`/api/v1/documents/${docId}/execution`);
    // A resolution task has no button of its own: writing the resolution ends it.
    return res.body.assignments?.find(
      (a) => a.kind === kind && a.status === 'pending' && (kind === 'task' || a.actions.length > 0),
    );
  }, `a ${kind} task on ${docId}`);
}

async function decide(
  api: Api,
  docId: string,
  kind: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  const task = await taskOf(api, docId, kind);
  const v = await routeOf(api, docId);
  const res = await api.post<Doc | Problem>(`/api/v1/documents/${docId}/assignments/${task.id}/${action}`, {
    version: v.documentVersion,
    ...body,
  });
  return { res, task };
}

async function waitState(api: Api, docId: string, state: string, round?: number): Promise<Route> {
  return eventually(async () => {
    const r = (await routeOf(api, docId)).route;
    return r && r.state === state && (round === undefined || r.round === round) ? r : undefined;
  }, `route ${state}`);
}

async function operations(api: Api, id: string): Promise<Operation[]> {
  const res = await api.get<{ items: Operation[] }>(`/api/v1/documents/${id}/operations?limit=100`);
  return res.body.items;
}

beforeAll(async () => {
  admin = await as(embedded.baseUrl, 'admin');
  clerk = await as(embedded.baseUrl, 'clerk');
  ref = await lookups(clerk);
});

describe('route templates', () => {
  it('only an administrator makes templates; bad stages get localized 422s and change nothing', async () => {
    const body = {
      name: unique('Şablon'),
      kinds: ['internal'],
      classificationIds: [],
      stages: [{ kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp('head') }] }],
    };
    expect((await clerk.post('/api/v1/approval-route-templates', body)).status).toBe(403);
    const twoSignings = await admin.post<Problem>('/api/v1/approval-route-templates', {
      ...body,
      stages: [body.stages[0], body.stages[0]],
    });
    expect(twoSignings.status).toBe(422);
    expect(twoSignings.body.code).toBe('route_one_signing');
    const ru = await as(embedded.baseUrl, 'admin', 'ru');
    const empty = await ru.post<Problem>('/api/v1/approval-route-templates', {
      ...body,
      stages: [
        {
          kind: 'endorsement',
          mode: 'parallel',
          participants: [{ employeeId: emp('lawyer') }, { employeeId: emp('lawyer') }],
        },
      ],
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors?.[0]?.path).toBe('stages.0.participants');
    expect(empty.body.detail ?? empty.body.title).toMatch(/[А-Яа-я]/);
    const list = await clerk.get<{ items: Array<{ name: string }> }>('/api/v1/approval-route-templates');
    expect(list.body.items.some((t) => t.name === body.name)).toBe(false);
  });
});

describe('an order through endorsement and signing', () => {
  it('parallel then sequential endorsement, a rejection back to the author, a resubmission, the signature by a substitute', async () => {
    const template = await admin.post<{ id: string; name: string }>('/api/v1/approval-route-templates', {
      name: unique('Əmr marşrutu'),
      kinds: ['order'],
      classificationIds: [],
      stages: [
        {
          kind: 'endorsement',
          mode: 'parallel',
          participants: [{ employeeId: emp('executor1') }, { employeeId: emp('executor2') }],
          deadlineDays: 3,
        },
        { kind: 'endorsement', mode: 'sequential', participants: [{ employeeId: emp('lawyer') }] },
        { kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp('head') }] },
      ],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);

    const created = await clerk.post<Doc>('/api/v1/documents/order', {
      summary: unique('Əmr'),
      category: 'directive',
    });
    expect(created.status).toBe(201);
    const order = created.body;

    // A personnel order gets the demo agency's seeded template for that classification.
    const personnel = await clerk.post<Doc>('/api/v1/documents/order', {
      summary: unique('Kadr əmri'),
      category: 'directive',
      classificationId: ref.classifications.get('03.01'),
    });
    expect(personnel.status, JSON.stringify(personnel.body)).toBe(201);
    const seeded = (await routeOf(clerk, personnel.body.id)).route;
    expect(seeded?.templateName).toBe('Kadr əmrinin razılaşdırılması və imzası');
    expect(seeded?.stages).toHaveLength(2);

    // The template is chosen by kind (and classification) and shown before the route starts.
    const proposed = await routeOf(clerk, order.id);
    expect(proposed.route?.state).toBe('draft');
    expect(proposed.actions).toEqual(['edit', 'start']);
    // An executor may not start someone else's route.
    const executor1 = await as(embedded.baseUrl, 'executor1');
    const executor2 = await as(embedded.baseUrl, 'executor2');
    const lawyer = await as(embedded.baseUrl, 'lawyer');
    const deputy = await as(embedded.baseUrl, 'deputy');
    // The author edits the route before it starts: here the template's stages, kept as they are.
    const edited = await clerk.put<ApprovalRouteView>(`/api/v1/documents/${order.id}/approval-route`, {
      version: proposed.documentVersion,
      templateId: template.body.id,
      stages: proposed.route!.stages,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const started = await clerk.post<ApprovalRouteView>(
      `/api/v1/documents/${order.id}/approval-route/start`,
      {
        version: edited.body.documentVersion,
      },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.route?.steps.map((s) => s.kind)).toEqual(['endorsement', 'endorsement', 'signing']);
    expect(started.body.actions).toEqual([]);
    // The machine's task tokens never leave the server, not even on the document itself.
    await taskOf(executor1, order.id, 'endorsement');
    const card = await clerk.get<Doc>(`/api/v1/documents/${order.id}`);
    expect(JSON.stringify(card.body)).not.toContain('taskToken');
    expect(JSON.stringify(card.body)).toContain('"steps"');

    // Both parallel endorsers have the task in Razılaşdırmaya gələnlər at once.
    const line = await eventually(async () => {
      const page = await executor2.get<InboxPage>('/api/v1/inbox/approval?open=true');
      return page.body.items.find((i) => i.document.id === order.id);
    }, 'the approval line');
    expect(line.line.open).toBe(true);
    expect((await decide(executor1, order.id, 'endorsement', 'approve')).res.status).toBe(200);
    // The route waits for the second endorser.
    expect((await routeOf(clerk, order.id)).route?.steps[0]?.state).toBe('active');
    expect((await decide(executor2, order.id, 'endorsement', 'approve')).res.status).toBe(200);

    // The lawyer's step follows; a rejection needs a reason, then sends the order back to the author.
    const noReason = await decide(lawyer, order.id, 'endorsement', 'reject');
    expect(noReason.res.status).toBe(422);
    expect((noReason.res.body as Problem).code).toBe('reject_comment_required');
    expect(
      (await decide(lawyer, order.id, 'endorsement', 'reject', { comment: 'Bənd 2 düzəldilsin' })).res.status,
    ).toBe(200);
    const rejected = await waitState(clerk, order.id, 'rejected');
    expect(rejected.rejection?.comment).toBe('Bənd 2 düzəldilsin');
    const afterReject = await clerk.get<Doc>(`/api/v1/documents/${order.id}`);
    expect(afterReject.body.status).toBe('draft');
    expect((await routeOf(clerk, order.id)).actions).toEqual(['edit', 'start']);

    // Resubmitted: a new round from the first step.
    const again = await routeOf(clerk, order.id);
    const resubmitted = await clerk.post<ApprovalRouteView>(
      `/api/v1/documents/${order.id}/approval-route/start`,
      {
        version: again.documentVersion,
        comment: 'Düzəldildi',
      },
    );
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.route?.round).toBe(2);
    await decide(executor1, order.id, 'endorsement', 'approve');
    await decide(executor2, order.id, 'endorsement', 'approve');
    await decide(lawyer, order.id, 'endorsement', 'approve');
    await eventually(async () => {
      const d = await clerk.get<Doc>(`/api/v1/documents/${order.id}`);
      return d.body.status === 'agreed' ? true : undefined;
    }, 'the order agreed');

    // The head is away (the demo substitution 16.11–04.12): the deputy signs on his behalf.
    const { res: signed, task } = await decide(deputy, order.id, 'signing', 'sign');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(task.ownerId).toBe(emp('head'));
    expect(task.assigneeId).toBe(emp('deputy'));
    const done = await waitState(clerk, order.id, 'completed', 2);
    expect(done.steps.every((s) => s.state === 'done')).toBe(true);
    const final = await clerk.get<Doc>(`/api/v1/documents/${order.id}`);
    expect(final.body.status).toBe('signed');
    const ops = await operations(clerk, order.id);
    const sign = ops.find((o) => o.action === 'route-sign');
    expect(sign?.actorId).toBe(emp('deputy'));
    expect(sign?.onBehalfOf).toBe(emp('head'));
    expect(ops.some((o) => o.action === 'route-reject' && o.comment === 'Bənd 2 düzəldilsin')).toBe(true);
    expect(ops.some((o) => o.action === 'route-resubmit')).toBe(true);
    // Every task of both rounds is closed: nothing waits in the endorsers' lists.
    const open = await executor1.get<InboxPage>('/api/v1/inbox/approval?open=true');
    expect(open.body.items.some((i) => i.document.id === order.id)).toBe(false);
  });
});

describe('an incoming document through resolution, execution and information', () => {
  it('the resolution task ends with the resolution; the execution stage ends with the acceptance', async () => {
    const classification = ref.classifications.get('02.02')!;
    const template = await admin.post<{ id: string }>('/api/v1/approval-route-templates', {
      name: unique('Daxil olan marşrutu'),
      kinds: ['incoming'],
      classificationIds: [classification],
      stages: [
        { kind: 'resolution', mode: 'sequential', participants: [{ employeeId: emp('executor3') }] },
        {
          kind: 'execution',
          mode: 'parallel',
          participants: [{ employeeId: emp('executor2') }, { employeeId: emp('executor4') }],
          deadlineDays: 5,
          instruction: 'Ərizəçiyə cavab hazırlansın',
        },
        { kind: 'information', mode: 'parallel', participants: [{ employeeId: emp('accountant') }] },
      ],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    // An execution stage without its instruction (the text of its resolution) is refused.
    const silent = await admin.post<Problem>('/api/v1/approval-route-templates', {
      name: unique('Tapşırıqsız'),
      kinds: ['incoming'],
      classificationIds: [],
      stages: [{ kind: 'execution', mode: 'parallel', participants: [{ employeeId: emp('executor2') }] }],
    });
    expect(silent.status).toBe(422);
    expect(silent.body.errors?.[0]).toMatchObject({
      path: 'stages.0.instruction',
      code: 'route_instruction_required',
    });
    const reg = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Marşrutla daxil olan'), { classificationId: classification }),
    );
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const doc = reg.body;
    const proposed = await routeOf(clerk, doc.id);
    expect(proposed.route?.templateId).toBe(template.body.id);
    const started = await clerk.post<ApprovalRouteView>(`/api/v1/documents/${doc.id}/approval-route/start`, {
      version: proposed.documentVersion,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);

    // executor3 is not the head, but the route asks for their resolution.
    const executor3 = await as(embedded.baseUrl, 'executor3');
    await taskOf(executor3, doc.id, 'task');
    const before = await routeOf(executor3, doc.id);
    const resolution = await executor3.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: before.documentVersion,
      text: 'Araşdırılsın',
      executors: [{ employeeId: emp('executor1') }],
    });
    expect(resolution.status, JSON.stringify(resolution.body)).toBe(201);

    // The execution stage: a resolution by the official who decided (executor3 wrote the route's
    // resolution; the clerk only started the route), with the stage's instruction, executor2 responsible.
    const executor2 = await as(embedded.baseUrl, 'executor2');
    const work = await eventually(async () => {
      const res = await executor2.get<{ assignments: Assignment[]; documentVersion: number }>(
        `/api/v1/documents/${doc.id}/execution`,
      );
      const a = res.body.assignments.find((x) => x.kind === 'execution' && x.ownerId === emp('executor2'));
      return a?.actions.includes('close') ? { a, version: res.body.documentVersion } : undefined;
    }, 'the execution stage');
    const closed = await executor2.post<Doc>(`/api/v1/documents/${doc.id}/assignments/${work.a.id}/close`, {
      version: work.version,
      text: 'Cavab hazırlandı',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    // Its author controls it (the document names no controller): executor3 accepts, not the clerk;
    // then the information step ends the route.
    const control = await executor3.get<{
      assignments: Array<Assignment & { authorId: string; text?: string; controllerId?: string }>;
      documentVersion: number;
    }>(`/api/v1/documents/${doc.id}/execution`);
    const stageResolution = control.body.assignments.find((a) => a.actions.includes('accept'))!;
    expect(stageResolution).toMatchObject({
      kind: 'resolution',
      authorId: emp('executor3'),
      ownerId: emp('executor3'),
      controllerId: emp('executor3'),
      text: 'Ərizəçiyə cavab hazırlansın',
    });
    const byClerk = await clerk.get<{ assignments: Assignment[] }>(`/api/v1/documents/${doc.id}/execution`);
    expect(byClerk.body.assignments.find((a) => a.id === stageResolution.id)?.actions).toEqual([]);
    const accepted = await executor3.post<Doc>(
      `/api/v1/documents/${doc.id}/assignments/${stageResolution.id}/accept`,
      { version: control.body.documentVersion },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const route = await waitState(clerk, doc.id, 'completed');
    expect(route.steps.map((s) => [s.kind, s.state])).toEqual([
      ['resolution', 'done'],
      ['execution', 'done'],
      ['information', 'done'],
    ]);
    const accountant = await as(embedded.baseUrl, 'accountant');
    const info = await accountant.get<InboxPage>('/api/v1/inbox/information');
    expect(info.body.items.some((i) => i.document.id === doc.id)).toBe(true);
  });
});

describe('substitution periods', () => {
  // Last in this file: it moves the clock of this file's own embedded default.
  it('pending tasks go to the substitute when the period starts and come back after it ends', async () => {
    const created = await clerk.post<Doc>('/api/v1/documents/internal', { summary: unique('Xidməti qeyd') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const doc = created.body;
    const edited = await clerk.put<ApprovalRouteView>(`/api/v1/documents/${doc.id}/approval-route`, {
      version: doc.version,
      stages: [{ kind: 'endorsement', mode: 'sequential', participants: [{ employeeId: emp('hr') }] }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const started = await clerk.post<ApprovalRouteView>(`/api/v1/documents/${doc.id}/approval-route/start`, {
      version: edited.body.documentVersion,
    });
    expect(started.status).toBe(200);
    const hr = await as(embedded.baseUrl, 'hr');
    const inspector = await as(embedded.baseUrl, 'hrinspector');
    const task = await taskOf(hr, doc.id, 'endorsement');

    // The period covers today: the task moves at once (its start, 00:00 Baku, has passed).
    const today = new Date(Date.parse(await clockNow(embedded.baseUrl)) + 4 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    const sub = await admin.post<{ id: string }>('/api/v1/substitutions', {
      employeeId: emp('hr'),
      substituteId: emp('hrinspector'),
      from: today,
      to: today,
      reason: 'Məzuniyyət',
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    const held = await eventually(async () => {
      const page = await inspector.get<InboxPage>('/api/v1/inbox/approval?open=true');
      return page.body.items.find((i) => i.line.assignmentId === task.id);
    }, 'the task with the substitute');
    expect(held.line.onBehalfOf).toBe(emp('hr'));
    const away = await hr.get<InboxPage>('/api/v1/inbox/approval?open=true');
    expect(away.body.items.some((i) => i.line.assignmentId === task.id)).toBe(false);

    // After the last day the rest returns to the official.
    await advanceClock(embedded.baseUrl, 2 * 86_400_000);
    await eventually(async () => {
      const page = await hr.get<InboxPage>('/api/v1/inbox/approval?open=true');
      const line = page.body.items.find((i) => i.line.assignmentId === task.id);
      return line && !line.line.onBehalfOf ? line : undefined;
    }, 'the task back with the official');
    const gone = await inspector.get<InboxPage>('/api/v1/inbox/approval?open=true');
    expect(gone.body.items.some((i) => i.line.assignmentId === task.id)).toBe(false);
    const ops = await operations(clerk, doc.id);
    expect(ops.map((o) => o.action)).toEqual(
      expect.arrayContaining(['substitution-redirect', 'substitution-return']),
    );
    // The official decides it now.
    expect((await decide(hr, doc.id, 'endorsement', 'approve')).res.status).toBe(200);
    await waitState(clerk, doc.id, 'completed');
  });
});
