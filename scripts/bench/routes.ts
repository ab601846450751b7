import { percentile } from './registration';

/** Users of the bench route: two endorsements, then the signature (sequential, one person each). */
export const routeUsers = ['clerk', 'executor1', 'executor2', 'approver'] as const;
export type RouteUser = (typeof routeUsers)[number];

const steps: Array<{ user: RouteUser; kind: string; action: string }> = [
  { user: 'executor1', kind: 'endorsement', action: 'approve' },
  { user: 'executor2', kind: 'endorsement', action: 'approve' },
  { user: 'approver', kind: 'signing', action: 'sign' },
];

export interface RouteFigures {
  documents: number;
  transitions: number;
  seconds: number;
  transitionsPerSecond: number;
  startsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

type View = { documentVersion: number; assignments: Array<{ id: string; kind: string; actions: string[] }> };

/**
 * Drives `documents` orders through a three-stage route (endorsement, endorsement, signing) on the
 * route state machine, `clients` documents at a time. A transition is a decision that moves a
 * route on; the latency is from sending a decision to the next assignee seeing their task (or the
 * route completed), polled every few milliseconds.
 */
export async function routeRun(
  baseUrl: string,
  tokens: Record<RouteUser, string>,
  documents: number,
  clients: number,
): Promise<RouteFigures> {
  const call = async <T>(
    user: RouteUser,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const employees = await call<{ items: Array<{ id: string; username: string }> }>(
    'clerk',
    'GET',
    '/api/v1/employees?limit=100',
  );
  const id = (u: string) => employees.body.items.find((e) => e.username === u)!.id;
  const stages = steps.map((s) => ({
    kind: s.kind,
    mode: 'sequential',
    participants: [{ employeeId: id(s.user) }],
  }));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const taskOf = async (user: RouteUser, doc: string, kind: string, action: string) => {
    for (let i = 0; i < 6000; i++) {
      const v = await call<View>(user, 'GET', `/api/v1/documents/${doc}/execution`);
      const task = v.body.assignments?.find((a) => a.kind === kind && a.actions.includes(action));
      if (task) return { task, version: v.body.documentVersion };
      await sleep(5);
    }
    throw new Error(`no ${kind} task for ${user} on ${doc}`);
  };
  const completed = async (doc: string) => {
    for (let i = 0; i < 6000; i++) {
      const r = await call<{ route: { state: string } | null }>(
        'clerk',
        'GET',
        `/api/v1/documents/${doc}/approval-route`,
      );
      if (r.body.route?.state === 'completed') return;
      await sleep(5);
    }
    throw new Error(`route of ${doc} did not complete`);
  };

  // The documents and their started routes.
  const ids: string[] = [];
  let errors = 0;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < documents) {
        const n = next++;
        try {
          const order = await call<{ id: string; version: number }>(
            'clerk',
            'POST',
            '/api/v1/documents/order',
            {
              summary: `Marşrut ölçüsü ${n}`,
              category: 'directive',
            },
          );
          const shaped = await call<{ documentVersion: number }>(
            'clerk',
            'PUT',
            `/api/v1/documents/${order.body.id}/approval-route`,
            {
              version: order.body.version,
              stages,
            },
          );
          const started = await call(
            'clerk',
            'POST',
            `/api/v1/documents/${order.body.id}/approval-route/start`,
            {
              version: shaped.body.documentVersion,
            },
          );
          if (started.status === 200) ids.push(order.body.id);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const startSeconds = (performance.now() - t0) / 1000;

  // The decisions.
  const latencies: number[] = [];
  const t1 = performance.now();
  let cursor = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (cursor < ids.length) {
        const doc = ids[cursor++]!;
        try {
          let current = await taskOf(steps[0]!.user, doc, steps[0]!.kind, steps[0]!.action);
          for (const [i, step] of steps.entries()) {
            const sent = performance.now();
            const res = await call(
              step.user,
              'POST',
              `/api/v1/documents/${doc}/assignments/${current.task.id}/${step.action}`,
              {
                version: current.version,
              },
            );
            if (res.status !== 200)
              throw new Error(
                `step ${i}: decision ${res.status} ${(res.body as { code?: string }).code ?? ''}`,
              );
            const following = steps[i + 1];
            if (following) current = await taskOf(following.user, doc, following.kind, following.action);
            else await completed(doc);
            latencies.push(performance.now() - sent);
          }
        } catch (error) {
          errors++;
          if (errors <= 3) process.stderr.write(`route bench: ${String(error)}\n`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t1) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    documents: ids.length,
    transitions: latencies.length,
    seconds,
    transitionsPerSecond: latencies.length / seconds,
    startsPerSecond: ids.length / startSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}
