import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, tokenFor, type Api, type Problem } from '../../support/api';
import { temporaryPasswordFor } from '../../support/mail';
import { clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { as, citizenIncoming, unique, type Doc } from '../documents/helpers';

// Absences drive substitution, against the shared embedded default: recording an absence hands
// the absent person's open work and new incoming work to the substitute by the existing
// substitution machinery (substitution-period machine, from the table stream); changing the
// substitute hands it on; cancelling brings it back. Fresh employees keep other tests' people out.
const baseUrl = inject('baseUrl');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;

type Item = { id: string; version: number } & Record<string, unknown>;
type Absence = Item & { status: string; substitutionId?: string; substituteId?: string };
type Assignment = { id: string; kind: string; status: string; assigneeId: string; ownerId: string };
type InboxPage = {
  items: Array<{ document: Doc; line: { assignmentId: string; open: boolean; onBehalfOf?: string } }>;
};

let admin: Api;
let clerk: Api;
let head: Api;
const people: Record<'absent' | 'sub1' | 'sub2', { id: string; api: Api }> = {} as never;

/** The temporary password the directory e-mailed to `email` (maildev). */
const passwordFor = (email: string) => temporaryPasswordFor(maildev, email);

const bakuToday = async () =>
  new Date(Date.parse(await clockNow(baseUrl)) + 4 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A new incoming document with a resolution naming `executorId`; answers the document. */
async function workFor(executorId: string): Promise<Doc> {
  const registered = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Yoxluq')));
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const resolved = await head.post<Doc>(`/api/v1/documents/${registered.body.id}/resolutions`, {
    version: registered.body.version,
    text: 'Baxın və cavab hazırlayın',
    executors: [{ employeeId: executorId }],
  });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
  return resolved.body;
}

async function executionTask(docId: string): Promise<Assignment> {
  const res = await clerk.get<{ assignments: Assignment[] }>(`/api/v1/documents/${docId}/execution`);
  expect(res.status).toBe(200);
  return res.body.assignments.find((a) => a.kind === 'execution')!;
}

/** The document's task once `holder` holds it (the machine moves tasks asynchronously). */
const heldBy = (docId: string, holder: string) =>
  eventually(async () => {
    const task = await executionTask(docId);
    return task.assigneeId === holder ? task : undefined;
  }, `the task of ${docId} with ${holder}`);

const openLines = async (api: Api) =>
  (await api.get<InboxPage>('/api/v1/inbox/execution?open=true&limit=100')).body.items;

beforeAll(async () => {
  admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
  clerk = await as(baseUrl, 'clerk');
  head = await as(baseUrl, 'head');
  const positions = await admin.get<{ items: Item[] }>('/api/v1/positions?limit=100');
  const executor = positions.body.items.find((p) => (p.roles as string[]).includes('executor'))!;
  for (const key of ['absent', 'sub1', 'sub2'] as const) {
    const username = `abs-${key}-${Math.random().toString(36).slice(2, 8)}`;
    const email = `${username}@demo1.example.az`;
    const created = await admin.post<Item>('/api/v1/employees', {
      fullName: `Yoxluq Sınaq ${key}`,
      username,
      email,
      positionIds: [executor.id],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    people[key] = {
      id: created.body.id,
      api: apiClient(baseUrl, await tokenFor(baseUrl, username, await passwordFor(email))),
    };
  }
});

describe('absences drive substitution', () => {
  it('the substitute gets the absent person’s work during the absence, a new substitute takes it over, and cancelling brings it back', async () => {
    const { absent, sub1, sub2 } = people;
    const before = await workFor(absent.id);
    expect((await executionTask(before.id)).assigneeId).toBe(absent.id);
    const today = await bakuToday();

    // Record a leave covering today with sub1 as substitute: one request, the substitution follows.
    const recorded = await admin.post<Absence>(
      '/api/v1/absences',
      { employeeId: absent.id, kind: 'leave', from: today, to: plusDays(today, 5), substituteId: sub1.id },
      { 'Idempotency-Key': `absence-${absent.id}` },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.status).toBe('recorded');
    const subs = await admin.get<{ items: Item[] }>(`/api/v1/substitutions?employeeId=${absent.id}`);
    expect(subs.body.items).toEqual([
      expect.objectContaining({
        id: recorded.body.substitutionId,
        absenceId: recorded.body.id,
        substituteId: sub1.id,
        from: today,
        to: plusDays(today, 5),
        active: true,
      }),
    ]);

    // The open task moves to the substitute (the period's start, 00:00 Baku, has passed) …
    await heldBy(before.id, sub1.id);
    const sub1Lines = await openLines(sub1.api);
    expect(sub1Lines.find((l) => l.document.id === before.id)?.line.onBehalfOf).toBe(absent.id);
    expect((await openLines(absent.api)).some((l) => l.document.id === before.id)).toBe(false);
    // … and new work addressed to the absent person goes to the substitute straight away.
    const during = await workFor(absent.id);
    expect(await executionTask(during.id)).toMatchObject({ assigneeId: sub1.id, ownerId: absent.id });

    // The derived substitution is not edited apart from its absence (localized 409).
    const sub = subs.body.items[0]!;
    const en = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'), 'en');
    const direct = await en.put<Problem>(`/api/v1/substitutions/${sub.id}`, {
      employeeId: absent.id,
      substituteId: sub2.id,
      from: today,
      to: today,
      active: true,
      version: sub.version,
    });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('substitution_follows_absence');
    expect(direct.body.title).toMatch(/follows an absence/);

    // The same key replays the first answer; an overlapping absence is refused, nothing written.
    const replay = await admin.post<Absence>(
      '/api/v1/absences',
      { employeeId: absent.id, kind: 'leave', from: today, to: plusDays(today, 5), substituteId: sub1.id },
      { 'Idempotency-Key': `absence-${absent.id}` },
    );
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(recorded.body.id);
    const ru = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'), 'ru');
    const overlap = await ru.post<Problem>('/api/v1/absences', {
      employeeId: absent.id,
      kind: 'business-trip',
      from: plusDays(today, 2),
      to: plusDays(today, 9),
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.code).toBe('absence_overlap');
    expect(overlap.body.title).toMatch(/[А-Яа-я]/);
    const listed = await admin.get<{ items: Absence[] }>(`/api/v1/absences?employeeId=${absent.id}`);
    expect(listed.body.items.map((a) => a.id)).toEqual([recorded.body.id]);

    // Another substitute: the work sub1 holds for the absent person moves on to sub2.
    const changed = await admin.put<Absence>(`/api/v1/absences/${recorded.body.id}`, {
      employeeId: absent.id,
      kind: 'leave',
      from: today,
      to: plusDays(today, 5),
      substituteId: sub2.id,
      version: recorded.body.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await heldBy(before.id, sub2.id);
    await heldBy(during.id, sub2.id);
    expect((await openLines(sub1.api)).filter((l) => [before.id, during.id].includes(l.document.id))).toEqual(
      [],
    );

    // Cancelling ends the substitution at once: everything comes back, new work stays with them.
    const cancelled = await admin.post<Absence>(`/api/v1/absences/${recorded.body.id}/cancel`, {
      version: changed.body.version,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await heldBy(before.id, absent.id);
    await heldBy(during.id, absent.id);
    const back = await openLines(absent.api);
    for (const doc of [before, during]) {
      const line = back.find((l) => l.document.id === doc.id);
      expect(line?.line.onBehalfOf).toBeUndefined();
    }
    expect((await openLines(sub2.api)).filter((l) => [before.id, during.id].includes(l.document.id))).toEqual(
      [],
    );
    const after = await workFor(absent.id);
    expect((await executionTask(after.id)).assigneeId).toBe(absent.id);
    const ops = await clerk.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${before.id}/operations?limit=100`,
    );
    expect(ops.body.items.map((o) => o.action)).toEqual(
      expect.arrayContaining(['substitution-redirect', 'substitution-return']),
    );
    const again = await admin.put<Problem>(`/api/v1/absences/${recorded.body.id}`, {
      employeeId: absent.id,
      kind: 'leave',
      from: today,
      to: today,
      version: cancelled.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('absence_cancelled');
  });

  it('only an administrator sees and records absences', async () => {
    const today = await bakuToday();
    const list = await clerk.get<Problem>('/api/v1/absences');
    expect(list.status).toBe(403);
    const create = await clerk.post<Problem>('/api/v1/absences', {
      employeeId: people.sub1.id,
      kind: 'sick-leave',
      from: today,
      to: plusDays(today, 1),
    });
    expect(create.status).toBe(403);
  });
});
