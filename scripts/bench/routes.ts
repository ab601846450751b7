import {
  GetExecutionHistoryCommand,
  ListStateMachinesCommand,
  SFNClient,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { LOCAL_AWS_CREDENTIALS } from '../../infra/local/services/common';
import { percentile } from './registration';

/** Users of the bench route: two endorsements, then the signature (sequential, one person each). */
export const routeUsers = ['clerk', 'executor1', 'executor2', 'approver'] as const;
export type RouteUser = (typeof routeUsers)[number];

/** The goal of issue 17: decision → next assignee's task, p99, 32 documents in flight. */
export const ROUTE_GOAL_P99_MS = 500;

const steps: Array<{ user: RouteUser; kind: string; action: string }> = [
  { user: 'executor1', kind: 'endorsement', action: 'approve' },
  { user: 'executor2', kind: 'endorsement', action: 'approve' },
  { user: 'approver', kind: 'signing', action: 'sign' },
];

/** p50 and p99 of one stage of the path from a decision to the next assignee's task. */
export interface StageFigures {
  name: string;
  count: number;
  p50: number;
  p99: number;
}

export interface RouteFigures {
  documents: number;
  transitions: number;
  seconds: number;
  transitionsPerSecond: number;
  startsPerSecond: number;
  /** Decision sent → the next assignee's task seen through the API (or the route seen completed). */
  p50: number;
  p99: number;
  /** The same path cut at the runner's journaled events (see `stagesOf`). */
  stages: StageFigures[];
  /** Reads of the API per transition while waiting for the next task. */
  pollsPerTransition: number;
  errors: number;
}

export interface RouteRunOptions {
  baseUrl: string;
  /** The local Step Functions endpoint (the runner's history gives the stages' timestamps). */
  sfnEndpoint: string;
  tokens: Record<RouteUser, string>;
  documents: number;
  clients: number;
}

type View = { documentVersion: number; assignments: Array<{ id: string; kind: string; actions: string[] }> };

/** One transition as the bench saw it: wall-clock instants (ms since the epoch). */
interface Observed {
  doc: string;
  step: number;
  sent: number;
  answered: number;
  seen: number;
}

const wallNow = () => performance.timeOrigin + performance.now();

/**
 * Drives `documents` orders through a three-stage route (endorsement, endorsement, signing) on the
 * route state machine, `clients` documents at a time. A transition is a decision that moves a
 * route on; its latency runs from sending the decision to the next assignee seeing their task
 * through the API (or the route completed). The stages come from the runner's execution history.
 */
/** The route-step figures as the bench prints them, each beside its goal. */
export function routeLines(route: RouteFigures, clients: number): string[] {
  return [
    `route of 3 stages (endorse, endorse, sign): ${route.documents} documents, ${route.transitions} transitions in ${route.seconds.toFixed(1)} s, ${route.errors} errors, ${clients} in flight`,
    `  transitions per second              ${route.transitionsPerSecond.toFixed(1).padStart(8)}/s`,
    `  route starts per second             ${route.startsPerSecond.toFixed(1).padStart(8)}/s`,
    `  decision → next assignee's task      p50 ${route.p50.toFixed(1).padStart(7)} ms   p99 ${route.p99.toFixed(1).padStart(7)} ms ` +
      `(goal p99 ≤ ${ROUTE_GOAL_P99_MS} ms: ${route.p99 <= ROUTE_GOAL_P99_MS ? 'met' : 'not met'})`,
    ...route.stages.map(
      (stage) =>
        `    ${stage.name.padEnd(40)} p50 ${stage.p50.toFixed(1).padStart(7)} ms   p99 ${stage.p99.toFixed(1).padStart(7)} ms`,
    ),
    `    API reads while waiting, per transition ${route.pollsPerTransition.toFixed(2)}`,
  ];
}

/** The route steps on a running embedded default, printed through `out`. */
export async function routeBlock(
  embedded: { baseUrl: string; port: number },
  tokens: Record<RouteUser, string>,
  options: { documents: number; clients: number },
  out: (text: string) => void,
): Promise<void> {
  const route = await routeRun({
    baseUrl: embedded.baseUrl,
    sfnEndpoint: `http://127.0.0.1:${embedded.port + 4}`,
    tokens,
    ...options,
  });
  for (const text of routeLines(route, options.clients)) out(text);
}

export async function routeRun(options: RouteRunOptions): Promise<RouteFigures> {
  const { baseUrl, tokens, documents, clients } = options;
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
  let polls = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const taskOf = async (user: RouteUser, doc: string, kind: string, action: string) => {
    for (let i = 0; i < 6000; i++) {
      polls++;
      const v = await call<View>(user, 'GET', `/api/v1/documents/${doc}/execution`);
      const task = v.body.assignments?.find((a) => a.kind === kind && a.actions.includes(action));
      if (task) return { task, version: v.body.documentVersion };
      await sleep(5);
    }
    throw new Error(`no ${kind} task for ${user} on ${doc}`);
  };
  const completed = async (doc: string) => {
    for (let i = 0; i < 6000; i++) {
      polls++;
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
  const observed: Observed[] = [];
  const t1 = performance.now();
  let cursor = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (cursor < ids.length) {
        const doc = ids[cursor++]!;
        try {
          let current = await taskOf(steps[0]!.user, doc, steps[0]!.kind, steps[0]!.action);
          for (const [i, step] of steps.entries()) {
            const sent = wallNow();
            const res = await call(
              step.user,
              'POST',
              `/api/v1/documents/${doc}/assignments/${current.task.id}/${step.action}`,
              {
                version: current.version,
              },
            );
            const answered = wallNow();
            if (res.status !== 200)
              throw new Error(
                `step ${i}: decision ${res.status} ${(res.body as { code?: string }).code ?? ''}`,
              );
            const following = steps[i + 1];
            if (following) current = await taskOf(following.user, doc, following.kind, following.action);
            else await completed(doc);
            observed.push({ doc, step: i, sent, answered, seen: wallNow() });
          }
        } catch (error) {
          errors++;
          if (errors <= 3) process.stderr.write(`route bench: ${String(error)}\n`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t1) / 1000;
  const latencies = observed.map((o) => o.seen - o.sent).sort((a, b) => a - b);
  const clockOffset = await call<{ offsetMs?: number }>('clerk', 'GET', '/local/clock').then(
    (r) => r.body.offsetMs ?? 0,
    () => 0,
  );
  return {
    documents: ids.length,
    transitions: latencies.length,
    seconds,
    transitionsPerSecond: latencies.length / seconds,
    startsPerSecond: ids.length / startSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    stages: await stagesOf(options.sfnEndpoint, observed, clockOffset),
    pollsPerTransition: polls / Math.max(1, latencies.length),
    errors,
  };
}

/** The names of the stages, in the order a transition goes through them. */
export const STAGE_NAMES = [
  'decision committed, token answered',
  'decision response back',
  'execution resumed (next step entered)',
  'next task Lambda invoked',
  'task written (task Lambda returned)',
  'task seen through the API',
] as const;

/**
 * Cuts every observed transition at the runner's journaled events of its route execution: the
 * token answered (TaskSucceeded), the next `AwaitStep` entered, its Lambda invoked
 * (TaskScheduled) and returned (TaskSubmitted) — the route's end (ExecutionSucceeded) stands for
 * the last three after the signature. The runner's clock is the system clock plus `clockOffset`.
 */
async function stagesOf(
  endpoint: string,
  observed: Observed[],
  clockOffset: number,
): Promise<StageFigures[]> {
  const sfn = new SFNClient({ endpoint, region: 'us-east-1', credentials: LOCAL_AWS_CREDENTIALS });
  try {
    const machines = await sfn.send(new ListStateMachinesCommand({}));
    const machine = machines.stateMachines?.find(
      (m) => m.name === 'karguzar-document-route',
    )?.stateMachineArn;
    if (!machine) return [];
    const histories = new Map<string, HistoryEvent[]>();
    for (const doc of new Set(observed.map((o) => o.doc))) {
      const executionArn = `${machine.replace(':stateMachine:', ':execution:')}:route-${doc}-1`;
      const out = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
      histories.set(doc, out.events ?? []);
    }
    const spans: number[][] = STAGE_NAMES.map(() => []);
    for (const o of observed) {
      const events = histories.get(o.doc) ?? [];
      const at = (e: HistoryEvent | undefined) =>
        e?.timestamp ? e.timestamp.getTime() - clockOffset : Number.NaN;
      const after = (from: number, test: (e: HistoryEvent) => boolean) => {
        const i = events.findIndex((e, k) => k > from && test(e));
        return { index: i, event: i < 0 ? undefined : events[i] };
      };
      let answered = -1;
      for (let k = 0; k <= o.step; k++) answered = after(answered, (e) => e.type === 'TaskSucceeded').index;
      if (answered < 0) continue;
      const resumed = after(
        answered,
        (e) =>
          (e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === 'AwaitStep') ||
          e.type === 'ExecutionSucceeded',
      );
      const last = resumed.event?.type === 'ExecutionSucceeded';
      const invoked = last ? resumed : after(resumed.index, (e) => e.type === 'TaskScheduled');
      const written = last ? resumed : after(invoked.index, (e) => e.type === 'TaskSubmitted');
      const instants = [
        o.sent,
        at(events[answered]),
        o.answered,
        at(resumed.event),
        at(invoked.event),
        at(written.event),
        o.seen,
      ];
      // The response comes back after the token was answered; the runner's stages follow the token.
      const from = [0, 1, 1, 3, 4, 5];
      STAGE_NAMES.forEach((_, s) => {
        const span = instants[s + 1]! - instants[from[s]!]!;
        if (Number.isFinite(span)) spans[s]!.push(span);
      });
    }
    return STAGE_NAMES.map((name, s) => {
      const sorted = spans[s]!.sort((a, b) => a - b);
      return { name, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    });
  } finally {
    sfn.destroy();
  }
}
