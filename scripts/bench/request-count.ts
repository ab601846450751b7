import { randomUUID } from 'node:crypto';
import { tokenFor } from '../../test/support/api';
import { startEmbeddedProcess } from '../../test/support/embedded';
import type { DynamoCounts } from '../../infra/local/dynamo-counter';
import { streamCaughtUp } from './lists';

/**
 * DynamoDB requests of one call on the hot paths (issue 17), counted by the embedded default
 * (KARGUZAR_COUNT_DYNAMO=1): one incoming registration, one outgoing registration, one route
 * decision with the work it sets off until the next assignee's task is written, and one read of
 * the execution view. Requests run one at a time, so each count is that call's alone.
 * `node --import tsx scripts/bench/request-count.ts`
 */
async function main() {
  process.env.KARGUZAR_COUNT_DYNAMO = '1';
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const embedded = await startEmbeddedProcess();
  const base = embedded.baseUrl;
  const counts = async (reset: boolean) =>
    (await (await fetch(`${base}/local/dynamo-counts${reset ? '?reset=1' : ''}`)).json()) as DynamoCounts;
  const tokens: Record<string, string> = {};
  for (const u of ['clerk', 'executor1', 'executor2', 'approver']) tokens[u] = await tokenFor(base, u);
  const call = async <T>(user: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const print = (name: string, c: DynamoCounts) => {
    out(`\n${name}: ${c.requests} requests  ${JSON.stringify(c.byOperation)}`);
    for (const [line, n] of Object.entries(c.byKey).sort((a, b) => b[1] - a[1]))
      out(`  ${String(n).padStart(3)}  ${line}`);
  };
  /**
   * Waits until what a call set off has run: the stream poller has delivered every record (its
   * checkpoints, a positive signal), and a whole such round added no DynamoDB request (a consumer
   * or a task it started has finished writing). A deadline ends the wait with an error.
   */
  const settled = async () => {
    const deadline = Date.now() + 120_000;
    for (let before = (await counts(false)).requests; Date.now() < deadline;) {
      await streamCaughtUp(base, embedded.dataDir, 60_000);
      const after = (await counts(false)).requests;
      if (after === before) return;
      before = after;
    }
    throw new Error('the work set off by the call did not settle within 2 minutes');
  };
  /** The requests of `work` (its answer), then of whatever it set off until settled. */
  const measure = async (name: string, work: () => Promise<unknown>) => {
    await settled();
    await counts(true);
    await work();
    print(name, await counts(true));
    await settled();
    print(`  … then set off by it until settled (stream, Step Functions, tasks)`, await counts(true));
  };
  try {
    const employees = await call<{ items: Array<{ id: string; username: string }> }>(
      'clerk',
      'GET',
      '/api/v1/employees?limit=100',
    );
    const id = (u: string) => employees.items.find((e) => e.username === u)!.id;
    const incoming = (i: number) => ({
      sender: { kind: 'citizen', name: `Sayğac ${i}`, fin: '5ZK7QH2' },
      documentNumber: `C-${i}`,
      summary: `Sorğu sayğacı ${i}`,
    });
    await call('clerk', 'POST', '/api/v1/documents/incoming', incoming(0)); // warm: the journal counter
    await measure('POST /documents/incoming (registration)', () =>
      call('clerk', 'POST', '/api/v1/documents/incoming', incoming(1)),
    );
    const outgoing = () => ({
      summary: 'Sayğac məktubu',
      signatoryId: id('approver'),
      recipients: [{ name: 'Alıcı' }],
    });
    await call('clerk', 'POST', '/api/v1/documents/outgoing', outgoing());
    await measure('POST /documents/outgoing (registration)', () =>
      call('clerk', 'POST', '/api/v1/documents/outgoing', outgoing()),
    );

    const stages = [
      ['executor1', 'endorsement'],
      ['executor2', 'endorsement'],
      ['approver', 'signing'],
    ].map(([u, kind]) => ({
      kind,
      mode: 'sequential',
      participants: [{ employeeId: id(u!) }],
    }));
    type View = {
      documentVersion: number;
      assignments: Array<{ id: string; kind: string; actions: string[] }>;
    };
    const task = async (user: string, doc: string) => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const v = await call<View>(user, 'GET', `/api/v1/documents/${doc}/execution`);
        const a = v.assignments?.find((x) => x.actions.includes('approve') || x.actions.includes('sign'));
        if (a) return { a, version: v.documentVersion };
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no task for ${user} on ${doc} within 60 s`);
    };
    for (const round of [1, 2]) {
      const order = await call<{ id: string; version: number }>('clerk', 'POST', '/api/v1/documents/order', {
        summary: `Sayğac əmri ${round}`,
        category: 'directive',
      });
      const shaped = await call<{ documentVersion: number }>(
        'clerk',
        'PUT',
        `/api/v1/documents/${order.id}/approval-route`,
        { version: order.version, stages },
      );
      await call('clerk', 'POST', `/api/v1/documents/${order.id}/approval-route/start`, {
        version: shaped.documentVersion,
      });
      const first = await task('executor1', order.id);
      if (round === 1) {
        await call('executor1', 'POST', `/api/v1/documents/${order.id}/assignments/${first.a.id}/approve`, {
          version: first.version,
        });
        continue; // warm
      }
      await measure('GET /documents/{id}/execution (one poll)', () =>
        call('executor1', 'GET', `/api/v1/documents/${order.id}/execution`),
      );
      await measure('POST …/assignments/{id}/approve (the request alone)', () =>
        call('executor1', 'POST', `/api/v1/documents/${order.id}/assignments/${first.a.id}/approve`, {
          version: first.version,
        }),
      );
    }
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
