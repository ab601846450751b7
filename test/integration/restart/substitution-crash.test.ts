import type { Substitution } from '../../../functions/modules/org/domain/org';
import { ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import { WRITE_STAMP } from '../../../infra/local/dynamo-journal';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from '../../../infra/local/services/common';
import { type Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { as, lookups, unique, type Doc, type Lookups } from '../documents/helpers';

// kill -9 of the embedded default right after a substitution ended and moved a signing task back
// from the deputy to the head (a delete of the deputy's inbox line, a put of the head's): after the
// restart the deputy's line must stay deleted (the write journal once put it back, open, "on behalf
// of" the head, and it stayed open after the head signed).
const embedded = ownEmbedded();
let ref: Lookups;

type Assignment = { id: string; kind: string; status: string; actions: string[] };
type ApprovalRouteView = { documentVersion: number; route: { templateName?: string } | null };
type InboxPage = {
  items: Array<{ document: Doc; line: { assignmentId: string; open: boolean; onBehalfOf?: string } }>;
};

const emp = (username: string) => ref.employee.get(username)!;
const now = () => clockNow(embedded.baseUrl);
const advanceTo = (instant: number) => advanceClockTo(embedded.baseUrl, instant);

/** The document's lines in a user's approval list (Razılaşdırmaya gələnlər), open or not. */
async function approvalLines(api: Api, docId: string) {
  const page = await api.get<InboxPage>('/api/v1/inbox/approval?limit=100');
  expect(page.status).toBe(200);
  return page.body.items.filter((i) => i.document.id === docId).map((i) => i.line);
}

/** Waits until the substitution-period execution of this version of a substitution has finished. */
async function periodDone(s: { id: string; version: number }): Promise<void> {
  const sfn = new SFNClient({
    endpoint: `http://127.0.0.1:${embedded.port + 4}`,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
  try {
    const machines = await sfn.send(new ListStateMachinesCommand({}));
    const machine = machines.stateMachines?.find((m) => m.name?.endsWith('substitution-period'));
    expect(machine?.stateMachineArn).toBeDefined();
    await eventually(async () => {
      const done = await sfn.send(
        new ListExecutionsCommand({ stateMachineArn: machine!.stateMachineArn!, statusFilter: 'SUCCEEDED' }),
      );
      return done.executions?.some((e) => e.name === `substitution-${s.id}-v${s.version}`) ? true : undefined;
    }, `the period of substitution ${s.id} v${s.version} over`);
  } finally {
    sfn.destroy();
  }
}

beforeAll(async () => {
  ref = await lookups(await as(embedded.baseUrl, 'clerk'));
});

describe('kill -9 right after a substitution ended', () => {
  it('the signing task stays with the head: the deputy never sees it again, and it closes when the head signs', async () => {
    const base = embedded.baseUrl;
    const admin = await as(base, 'admin');
    const clerk = await as(base, 'clerk');
    const deputy = await as(base, 'deputy');
    const decide = async (user: string, docId: string, kind: string, action: string) => {
      const api = await as(base, user);
      const view = await eventually(async () => {
        const res = await api.get<{ documentVersion: number; assignments: Assignment[] }>(
          `/api/v1/documents/${docId}/execution`,
        );
        return res.body.assignments?.some((a) => a.kind === kind && a.actions.includes(action))
          ? res.body
          : undefined;
      }, `${user}'s ${kind} task`);
      const task = view.assignments.find((a) => a.kind === kind && a.actions.includes(action))!;
      const res = await api.post(`/api/v1/documents/${docId}/assignments/${task.id}/${action}`, {
        version: view.documentVersion,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };

    // Arrange: the head is away today (Baku) by the local clock, with the deputy as substitute;
    // whatever absence or substitution of the head the seed made is ended first.
    const absences = await admin.get<{
      items: Array<{ id: string; version: number; status: string; substitutionId?: string }>;
    }>(`/api/v1/absences?employeeId=${emp('head')}&limit=100`);
    expect(absences.status).toBe(200);
    for (const a of absences.body.items.filter((i) => i.status === 'recorded')) {
      const cancelled = await admin.post(`/api/v1/absences/${a.id}/cancel`, { version: a.version });
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      if (a.substitutionId)
        await periodDone((await admin.get<Substitution>(`/api/v1/substitutions/${a.substitutionId}`)).body);
    }
    const seeded = await admin.get<{ items: Substitution[] }>(
      `/api/v1/substitutions?employeeId=${emp('head')}&limit=100`,
    );
    expect(seeded.status).toBe(200);
    for (const s of seeded.body.items.filter((i) => i.active)) {
      const off = await admin.put<Substitution>(`/api/v1/substitutions/${s.id}`, {
        employeeId: s.employeeId,
        substituteId: s.substituteId,
        from: s.from,
        to: s.to,
        ...(s.reason ? { reason: s.reason } : {}),
        active: false,
        version: s.version,
      });
      expect(off.status, JSON.stringify(off.body)).toBe(200);
      await periodDone(off.body);
    }
    const today = bakuLocalDate(await now());
    const away = await admin.post<Substitution>('/api/v1/substitutions', {
      employeeId: emp('head'),
      substituteId: emp('deputy'),
      from: today,
      to: today,
      reason: 'Xidməti ezamiyyət',
    });
    expect(away.status, JSON.stringify(away.body)).toBe(201);

    // A personnel order on the seeded route: the legal head and the HR head endorse in parallel,
    // then the director signs.
    const order = await clerk.post<Doc>('/api/v1/documents/order', {
      summary: unique('Kadr əmri'),
      category: 'directive',
      classificationId: ref.classifications.get('03.01'),
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const docId = order.body.id;
    const proposed = await clerk.get<ApprovalRouteView>(`/api/v1/documents/${docId}/approval-route`);
    expect(proposed.body.route?.templateName).toBe('Kadr əmrinin razılaşdırılması və imzası');
    const started = await clerk.post(`/api/v1/documents/${docId}/approval-route/start`, {
      version: proposed.body.documentVersion,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    await decide('approver', docId, 'endorsement', 'approve');
    await decide('hr', docId, 'endorsement', 'approve');
    const held = await eventually(async () => {
      const lines = await approvalLines(deputy, docId);
      return lines.find((l) => l.open && l.onBehalfOf === emp('head'));
    }, "the signing task in the deputy's approval list");
    const head = await as(base, 'head');

    // Act: the substitution ends (the clock past its last day); once the line is back with the head,
    // the whole embedded default is killed and started again.
    await advanceTo(Date.parse(`${today}T00:00:00+04:00`) + 86_400_000 + 60_000);
    await eventually(async () => {
      const headLines = await approvalLines(head, docId);
      const deputyLines = await approvalLines(deputy, docId);
      return headLines.some((l) => l.open && l.assignmentId === held.assignmentId) && deputyLines.length === 0
        ? true
        : undefined;
    }, 'the signing task back with the head');
    await embedded.kill9();
    await embedded.restart();

    // Assert
    expect(await approvalLines(deputy, docId)).toEqual([]);
    const withHead = await approvalLines(head, docId);
    expect(withHead).toEqual([expect.objectContaining({ assignmentId: held.assignmentId, open: true })]);
    expect(withHead[0]?.onBehalfOf).toBeUndefined();
    await decide('head', docId, 'signing', 'sign');
    const signed = await eventually(async () => {
      const res = await clerk.get<Doc>(`/api/v1/documents/${docId}`);
      return res.body.status === 'signed' ? res.body : undefined;
    }, 'the order signed');
    expect(signed.status).toBe('signed');
    expect((await approvalLines(head, docId)).filter((l) => l.open)).toEqual([]);
    expect(await approvalLines(deputy, docId)).toEqual([]);
    // The journal's hidden write stamp never reaches an answer of the API.
    expect(JSON.stringify([held, withHead, signed])).not.toContain(WRITE_STAMP);
  });
});
