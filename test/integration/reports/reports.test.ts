import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azerbaijanBuiltInCalendar } from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import { addWorkingDays } from '../../../functions/modules/execution/domain/calendar/working-days';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import type { Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';
import type { ExecutionView } from '../execution/helpers';

// Reports on a running embedded default of their own (the clock moves past the due dates): the
// control report's rows equal the control list's lines for the same filters, and the exported
// workbook reads back with exceljs and converts with LibreOffice.
const embedded = ownEmbedded();
const run = promisify(execFile);
const cal = azerbaijanBuiltInCalendar;

type Row = {
  documentId: string;
  number: string;
  state: string;
  overdue: boolean;
  workingDays?: number;
  executor: string;
  controller: string;
  department: string;
  actedAt?: string;
};
type Page<T> = { items: T[]; nextCursor?: string };
type InboxRow = { document: Doc; line: { open: boolean }; overdue: boolean };
type Job = { id: string; status: string; progress: { done: number; total: number }; fileName: string };

let clerk: Api;
let head: Api;
let controller: Api;
let executor: Api;
let ref: Lookups;
let registered: string;
const work: string[] = [];
const emp = (u: string) => ref.employee.get(u)!;

async function all<T>(api: Api, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get<Page<T>>(
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

async function controlled(summary: string, due: string): Promise<Doc> {
  const res = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(summary));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const resolved = await head.post<Doc>(`/api/v1/documents/${res.body.id}/resolutions`, {
    version: res.body.version,
    text: 'İcra edin',
    executors: [{ employeeId: emp('executor1'), responsible: true }],
    controllerId: emp('controller'),
    dueDate: due,
  });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
  return resolved.body;
}

/**
 * An assignment action on the document's current version; background writes (the deadline machine
 * recording itself on the resolution) may bump the version in between, so a stale one is retried.
 */
async function act(api: Api, doc: Doc, pick: (v: ExecutionView) => string, action: string, body = {}) {
  for (let attempt = 0; ; attempt++) {
    const v = (await api.get<ExecutionView>(`/api/v1/documents/${doc.id}/execution`)).body;
    const res = await api.post<{ code?: string }>(
      `/api/v1/documents/${doc.id}/assignments/${pick(v)}/${action}`,
      { version: v.documentVersion, ...body },
    );
    if (res.status === 409 && res.body.code === 'stale_version' && attempt < 5) continue;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return;
  }
}

/** The responsible executor closes with a report, the controller accepts. */
async function execute(doc: Doc) {
  const kind = (k: string) => (v: ExecutionView) => v.assignments.find((a) => a.kind === k)!.id;
  await act(executor, doc, kind('execution'), 'close', { text: 'İcra olundu' });
  await act(controller, doc, kind('resolution'), 'accept');
}

const docs: Record<'onTime' | 'late' | 'overdue' | 'open', Doc> = {} as never;

beforeAll(async () => {
  clerk = await as(embedded.baseUrl, 'clerk');
  head = await as(embedded.baseUrl, 'head');
  controller = await as(embedded.baseUrl, 'controller');
  executor = await as(embedded.baseUrl, 'executor1');
  ref = await lookups(clerk);
  const today = bakuLocalDate(await clockNow(embedded.baseUrl));
  registered = today.split('-').reverse().join('.');
  const soon = addWorkingDays(cal, today, 3);
  const later = addWorkingDays(cal, today, 40);
  docs.onTime = await controlled(unique('Vaxtında'), soon);
  docs.late = await controlled(unique('Gecikən'), soon);
  docs.overdue = await controlled(unique('Müddəti keçən'), soon);
  docs.open = await controlled(unique('Hələ vaxtı var'), later);
  await execute(docs.onTime);
  // Ten working days past the short due date: two are executed late or stay overdue.
  await advanceClockTo(embedded.baseUrl, `${addWorkingDays(cal, soon, 10)}T08:00:00+04:00`);
  await execute(docs.late);
}, 240_000);

afterAll(async () => {
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe('execution-control report', () => {
  it('classifies each controlled resolution, with working days left or late', async () => {
    const rows = await all<Row>(controller, `/api/v1/reports/control?report=all&registered=${registered}`);
    const of = (d: Doc) => rows.find((r) => r.documentId === d.id)!;
    expect(of(docs.onTime)).toMatchObject({ state: 'on-time', overdue: false });
    expect(of(docs.late)).toMatchObject({ state: 'late', overdue: false });
    expect(of(docs.late).workingDays).toBeLessThanOrEqual(-10);
    expect(of(docs.overdue)).toMatchObject({ state: 'not-executed', overdue: true });
    expect(of(docs.overdue).workingDays).toBe(-10);
    expect(of(docs.open)).toMatchObject({ state: 'not-executed', overdue: false });
    expect(of(docs.open).workingDays).toBeGreaterThan(0);
    expect(of(docs.onTime).executor).not.toBe('');
    expect(of(docs.onTime).actedAt).toBeDefined();
  });

  it("matches the controller's control list for the same filters", async () => {
    const filter = `registered=${registered}`;
    const list = await all<InboxRow>(controller, `/api/v1/inbox/control?${filter}`);
    const report = await all<Row>(
      controller,
      `/api/v1/reports/control?report=all&controllerId=${emp('controller')}&${filter}`,
    );
    expect(report.length).toBe(list.length);
    expect(report.map((r) => r.documentId).sort()).toEqual(list.map((l) => l.document.id).sort());
    const overdueList = list.filter((l) => l.overdue);
    const overdue = await all<Row>(
      controller,
      `/api/v1/reports/control?report=overdue&controllerId=${emp('controller')}&${filter}`,
    );
    expect(overdue.length).toBe(overdueList.length);
    expect(overdue.map((r) => r.documentId).sort()).toEqual(overdueList.map((l) => l.document.id).sort());
    const openList = list.filter((l) => l.line.open);
    const open = await all<Row>(
      controller,
      `/api/v1/reports/control?report=not-executed&controllerId=${emp('controller')}&${filter}`,
    );
    expect(open.length).toBe(openList.length);
    // The registry office sees the same rows (it sees every document).
    const clerkRows = await all<Row>(
      clerk,
      `/api/v1/reports/control?report=all&controllerId=${emp('controller')}&${filter}`,
    );
    expect(clerkRows.length).toBe(report.length);
  });

  it('hides documents from someone who takes no part in them', async () => {
    const lawyer = await as(embedded.baseUrl, 'lawyer');
    const rows = await all<Row>(lawyer, `/api/v1/reports/control?report=all&registered=${registered}`);
    for (const d of Object.values(docs)) expect(rows.some((r) => r.documentId === d.id)).toBe(false);
  });

  it('refuses a bad filter with a localized problem', async () => {
    const en = await as(embedded.baseUrl, 'controller', 'en');
    const bad = await en.get<{ code: string; errors: Array<{ path: string }> }>(
      '/api/v1/reports/control?registered=99.99.2026',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.path).toBe('registered');
    const unknown = await en.get<{ errors: Array<{ path: string }> }>(
      `/api/v1/reports/control?executorId=${crypto.randomUUID()}`,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]!.path).toBe('executorId');
  });

  it('lists the registration journal of the period in registration order', async () => {
    const rows = await all<{ number: string; seq: number; documentId: string }>(
      clerk,
      `/api/v1/reports/journal?kind=incoming&registered=${registered}`,
    );
    for (const d of Object.values(docs)) expect(rows.some((r) => r.documentId === d.id)).toBe(true);
  });
});

describe('dashboards', () => {
  it("give the executor's discipline, the month trend and this week's control items", async () => {
    type Discipline = {
      id: string;
      total: number;
      onTime: number;
      late: number;
      notExecuted: number;
      overdue: number;
      onTimePct?: number;
      averageDelay?: number;
    };
    type Dash = {
      week: { from: string; to: string };
      people: Discipline[];
      departments: Discipline[];
      trend: Array<{ month: string; onTime: number; late: number; notExecuted: number }>;
      dueThisWeek: Row[];
      volumes: Array<{ kind: string; count: number }>;
    };
    const res = await controller.get<Dash>(`/api/v1/reports/dashboard?registered=${registered}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = await all<Row & { dueDate?: string }>(
      controller,
      `/api/v1/reports/control?report=all&registered=${registered}`,
    );
    const person = res.body.people.find((p) => p.id === emp('executor1'))!;
    expect(person.total).toBe(rows.length);
    expect(person).toMatchObject({ onTime: 1, late: 1, notExecuted: 2, overdue: 1, onTimePct: 50 });
    expect(person.averageDelay).toBeGreaterThanOrEqual(5);
    expect(res.body.departments.reduce((n, d) => n + d.total, 0)).toBe(rows.length);
    expect(res.body.trend.reduce((n, m) => n + m.onTime + m.late + m.notExecuted, 0)).toBe(rows.length);
    const week = res.body.week;
    expect(res.body.dueThisWeek.map((r) => r.documentId).sort()).toEqual(
      rows
        .filter((r) => r.state === 'not-executed' && r.dueDate! >= week.from && r.dueDate! <= week.to)
        .map((r) => r.documentId)
        .sort(),
    );
    expect(res.body.volumes.find((v) => v.kind === 'incoming')?.count).toBeGreaterThanOrEqual(4);
  });
});

describe('Excel export job', () => {
  it('streams the overdue report to a workbook that exceljs and LibreOffice read', async () => {
    const asked = await controller.post<Job>('/api/v1/reports/exports', {
      report: 'overdue',
      registered,
      controllerId: emp('controller'),
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const notYet = await controller.get<{ code: string }>(`/api/v1/reports/exports/${asked.body.id}/file`);
    if (notYet.status !== 200) expect(notYet.body.code).toBe('export_not_ready');
    const done = await eventually(async () => {
      const job = await controller.get<Job>(`/api/v1/reports/exports/${asked.body.id}`);
      if (job.body.status === 'failed') throw new Error(JSON.stringify(job.body));
      return job.body.status === 'ready' ? job.body : undefined;
    }, 'the export job');
    expect(done.progress).toEqual({ done: 1, total: 1 });
    // Another user does not see the job.
    expect((await clerk.get(`/api/v1/reports/exports/${asked.body.id}`)).status).toBe(404);
    const link = await controller.get<{ url: string; fileName: string }>(
      `/api/v1/reports/exports/${asked.body.id}/file`,
    );
    expect(link.status).toBe(200);
    expect(link.body.fileName).toMatch(/\.xlsx$/);
    const bytes = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Qeydiyyat tarixi');
    expect(sheet.getRow(1).getCell(2).value).toBe('Qeydiyyat nömrəsi');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:M1');
    expect(sheet.actualRowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBeInstanceOf(Date);
    expect(row.getCell(5).value).toBeInstanceOf(Date);
    expect(row.getCell(2).value).toBe(docs.overdue.registration!.number);
    expect(row.getCell(7).value).toBe(-10);
    expect(row.getCell(13).value).toBe('Müddəti keçib');

    const dir = await mkdtemp(join(tmpdir(), 'karguzar-report-'));
    work.push(dir);
    await writeFile(join(dir, 'report.xlsx'), bytes);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        join(dir, 'report.xlsx'),
      ],
      { timeout: 120_000 },
    );
    const csv = await readFile(join(dir, 'report.csv'), 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Qeydiyyat nömrəsi');
    expect(lines[1]).toContain(docs.overdue.registration!.number);
    expect(lines[1]).toContain('Müddəti keçib');
    // The date is a date to LibreOffice too: shown as dd.mm.yyyy.
    expect(lines[1]).toContain(registered);
  }, 180_000);
});
