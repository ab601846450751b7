/**
 * The agency's side of applications (issue 15, item 3): a service's applications newest first, one
 * application with its values, scan download links, checks, the service level with the time left,
 * the log and the decisions, and the officer's decisions per applicant while the route runs.
 *
 * Who: the agency's admins read every application; the people of an application's route (its
 * steps' officials and whoever decided a step for them) read that application; only a person of the
 * running route records decisions. An application someone may not read does not exist for them (404).
 */
import type { Actor, Page } from '../../../../platform/kernel/aggregate';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../../platform/kernel/errors';
import type { FieldIssue } from '../../../../platform/kernel/errors';
import type { DocumentRecord } from '../../../documents';
import { parseApplicationNumber } from '../../domain/application-number';
import { displayDate } from '../../domain/messages';
import { bakuDate } from '../../domain/time';
import type { ApplicationReviewDeps } from '../../ports';
import {
  APPLICATION,
  applicationKeys,
  type ApplicantDecision,
  type ApplicationRecord,
} from '../application-records';
import { serviceByCode } from '../services.usecase';
import { applicantName, scansOf } from './register';
import { changeApplication, logEntry } from '../flow/records';

/** How long a scan's download link works. */
const LINK_SECONDS = 300;

export interface LevelView {
  startedAt: string;
  dueAt: string;
  /** The last day as people read it (dd.MM.yyyy, Baku). */
  lastDay: string;
  overdue: boolean;
  /** Whole minutes until `dueAt` (negative once overdue). */
  minutesLeft: number;
}

export interface ApplicationSummary {
  number: string;
  version: number;
  serviceCode: string;
  serviceVersion: number;
  variant: string;
  state: ApplicationRecord['state'];
  submittedAt: string;
  applicants: string[];
  registrationNumber?: string;
  level?: LevelView;
  routeOutcome?: ApplicationRecord['routeOutcome'];
}

export interface ApplicationView extends ApplicationSummary {
  language: ApplicationRecord['language'];
  values: ApplicationRecord['values'];
  contact: ApplicationRecord['contact'];
  scans: Array<{ path: string; name: string; mediaType: string; bytes: number; url?: string }>;
  checks: NonNullable<ApplicationRecord['checks']>;
  decisions: ApplicantDecision[];
  log: ApplicationRecord['log'];
  documentId?: string;
  /** What the caller may do now. */
  actions: Array<'decide'>;
}

const isAdmin = (actor: Actor) => actor.roles.has('admin');

/** The people of a document's route: its steps' officials and whoever decided a step for them. */
function routePeople(doc: DocumentRecord | undefined): Set<string> {
  const people = new Set<string>();
  for (const step of doc?.route?.steps ?? []) {
    for (const id of step.employeeIds) people.add(id);
    for (const a of step.assignees) {
      people.add(a.employeeId);
      if (a.decidedBy) people.add(a.decidedBy);
    }
  }
  return people;
}

const documentOf = async (deps: ApplicationReviewDeps, app: ApplicationRecord) =>
  app.documentId ? deps.documents.get(app.tenantId, app.documentId) : undefined;

const mayRead = (actor: Actor, doc: DocumentRecord | undefined) =>
  isAdmin(actor) || routePeople(doc).has(actor.employeeId);

const mayDecide = (actor: Actor, app: ApplicationRecord, doc: DocumentRecord | undefined) =>
  app.state === 'in-review' &&
  !app.routeOutcome &&
  doc?.route?.state === 'running' &&
  routePeople(doc).has(actor.employeeId);

export function levelView(level: NonNullable<ApplicationRecord['level']>, now: Date): LevelView {
  const left = Date.parse(level.dueAt) - now.getTime();
  return {
    startedAt: level.startedAt,
    dueAt: level.dueAt,
    lastDay: displayDate(level.lastDay),
    overdue: left <= 0,
    minutesLeft: Math.trunc(left / 60_000),
  };
}

function summary(app: ApplicationRecord, now: Date): ApplicationSummary {
  return {
    number: app.id,
    version: app.version,
    serviceCode: app.serviceCode,
    serviceVersion: app.serviceVersion,
    variant: app.values.variant,
    state: app.state,
    submittedAt: app.submittedAt,
    applicants: app.values.applicants.map((_, i) => applicantName(app, i)),
    ...(app.registrationNumber ? { registrationNumber: app.registrationNumber } : {}),
    ...(app.level ? { level: levelView(app.level, now) } : {}),
    ...(app.routeOutcome ? { routeOutcome: app.routeOutcome } : {}),
  };
}

async function view(
  deps: ApplicationReviewDeps,
  actor: Actor,
  app: ApplicationRecord,
  doc: DocumentRecord | undefined,
): Promise<ApplicationView> {
  const scans = [];
  for (const { path, file } of scansOf(app)) {
    const url = deps.objects
      ? await deps.objects.presignDownload({
          bucket: 'attachments',
          key: applicationKeys.upload(app.tenantId, file.ref),
          fileName: file.name,
          inline: false,
          expiresInSeconds: LINK_SECONDS,
        })
      : undefined;
    scans.push({
      path,
      name: file.name,
      mediaType: file.mediaType,
      bytes: file.bytes,
      ...(url ? { url } : {}),
    });
  }
  return {
    ...summary(app, deps.clock.now()),
    language: app.language,
    values: app.values,
    contact: app.contact,
    scans,
    checks: app.checks ?? [],
    decisions: app.decisions ?? [],
    log: app.log,
    ...(app.documentId ? { documentId: app.documentId } : {}),
    actions: mayDecide(actor, app, doc) ? ['decide'] : [],
  };
}

/** The officer's filter row; every filter given must hold. */
export interface ApplicationFilter {
  state?: ApplicationRecord['state'];
  /** Part of the number or the registration number or of a name; or an applicant's value as written. */
  q?: string;
  /** Submitted on or after / on or before these days (yyyy-MM-dd, Baku). */
  submittedFrom?: string;
  submittedTo?: string;
  /** Only applications past their service level. */
  overdue?: 'true';
}

/**
 * Case, spaces and dashes aside; the Azerbaijani lower case, with dotless ı and dotted i as one
 * letter: a passport's Latin `I` lowers to `ı` in `az`, while an officer types `i`.
 */
const folded = (text: string) =>
  text
    .toLocaleLowerCase('az')
    .replace(/ı/g, 'i')
    .replace(/[\s-]+/g, '');

/**
 * Whether an application passes the filter row. The text matches a part of the application's number
 * or registration number or of an applicant's name, or a whole value of an applicant (a passport
 * number, a FİN: the fields differ per service), case and spaces aside.
 */
export function matchesFilter(app: ApplicationRecord, filter: ApplicationFilter, now: Date): boolean {
  if (filter.state && app.state !== filter.state) return false;
  const day = bakuDate(app.submittedAt);
  if (filter.submittedFrom && day < filter.submittedFrom) return false;
  if (filter.submittedTo && day > filter.submittedTo) return false;
  if (filter.overdue === 'true' && !(app.level && levelView(app.level, now).overdue)) return false;
  if (filter.q) {
    const q = folded(filter.q);
    if (!q) return true;
    const parts = [
      app.id,
      app.registrationNumber ?? '',
      ...app.values.applicants.map((_, i) => applicantName(app, i)),
    ];
    const values = app.values.applicants.flatMap((a) =>
      Object.values(a).filter((v): v is string => typeof v === 'string'),
    );
    return parts.some((p) => folded(p).includes(q)) || values.some((v) => folded(v) === q);
  }
  return true;
}

/** How many store pages one list request reads at most to fill a filtered page. */
const MAX_READS = 10;

/**
 * A service's applications newest first: all of them for an admin, a route's own for its people;
 * with a filter, those that pass it. A filtered page reads on through the store until it holds
 * `limit` items or has read MAX_READS pages; its cursor continues after what was read (a page may
 * then be short or empty while `nextCursor` says there is more).
 */
export async function listApplications(
  deps: ApplicationReviewDeps,
  actor: Actor,
  code: string,
  query: { limit: number; cursor?: string } & ApplicationFilter,
): Promise<Page<ApplicationSummary>> {
  const service = await serviceByCode(deps, actor.tenantId, code);
  const now = deps.clock.now();
  const items: ApplicationSummary[] = [];
  let cursor = query.cursor;
  for (let reads = 0; reads < MAX_READS && items.length < query.limit; reads++) {
    // Never more than the page still holds: every item read may pass.
    const page = await deps.store.list<ApplicationRecord>(APPLICATION, actor.tenantId, {
      limit: query.limit - items.length,
      parentKey: service.id,
      ...(cursor ? { cursor } : {}),
    });
    for (const app of page.items) {
      if (!matchesFilter(app, query, now)) continue;
      if (isAdmin(actor) || mayRead(actor, await documentOf(deps, app))) items.push(summary(app, now));
    }
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, ...(cursor ? { nextCursor: cursor } : {}) };
}

/** The application and its document, when the caller may read it; otherwise 404. */
async function readable(deps: ApplicationReviewDeps, actor: Actor, number: string) {
  const id = parseApplicationNumber(number);
  const app = id ? await deps.store.get<ApplicationRecord>(APPLICATION, actor.tenantId, id) : undefined;
  if (!app) throw new NotFoundError('application not found');
  const doc = await documentOf(deps, app);
  if (!mayRead(actor, doc)) throw new NotFoundError('application not found');
  return { app, doc };
}

export async function getApplication(
  deps: ApplicationReviewDeps,
  actor: Actor,
  number: string,
): Promise<ApplicationView> {
  const { app, doc } = await readable(deps, actor, number);
  return view(deps, actor, app, doc);
}

export interface DecisionsInput {
  version: number;
  decisions: Array<{ applicant: number; outcome: 'approved' | 'refused'; reason?: string }>;
}

function decisionIssues(app: ApplicationRecord, input: DecisionsInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  input.decisions.forEach((d, i) => {
    if (d.applicant >= app.values.applicants.length)
      issues.push({ path: `decisions.${i}.applicant`, code: 'decision_applicant_unknown' });
    else if (seen.has(d.applicant))
      issues.push({ path: `decisions.${i}.applicant`, code: 'decision_applicant_repeated' });
    seen.add(d.applicant);
    if (d.outcome === 'refused' && !d.reason?.trim())
      issues.push({ path: `decisions.${i}.reason`, code: 'decision_reason_required' });
  });
  return issues;
}

/**
 * The officer decides on what they saw: the decisions as of their version. A later decision (by
 * another person of the route) makes it stale; the machine's own writes in between (its wait
 * token, notices, log lines) do not, or the officer would be refused for what they cannot see.
 */
function refuseStale(app: ApplicationRecord, seen: number): void {
  if (seen < (app.decisionsVersion ?? 0) || seen > app.version)
    throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
      expected: seen,
      actual: app.version,
    });
}

/**
 * The officer's decisions per applicant while the route runs (the route's end completes them: see
 * route-outcome.usecase.ts). Under the application's version the officer saw; a decision given again
 * for an applicant replaces the earlier one.
 */
export async function recordDecisions(
  deps: ApplicationReviewDeps,
  actor: Actor,
  number: string,
  input: DecisionsInput,
): Promise<ApplicationView> {
  const { app, doc } = await readable(deps, actor, number);
  if (!routePeople(doc).has(actor.employeeId))
    throw new ForbiddenError('Only a person of the application’s route records decisions');
  if (!mayDecide(actor, app, doc))
    throw new ConflictError('application_not_in_review', 'The application is not waiting on a decision', {
      state: app.state,
    });
  const issues = decisionIssues(app, input);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new BusinessRuleError(first.code, 'The decisions are not valid', {}, issues);
  }
  refuseStale(app, input.version);
  const now = deps.clock.now().toISOString();
  const { record: saved } = await changeApplication(
    deps,
    app.tenantId,
    app.id,
    actor.employeeId,
    (current) => {
      refuseStale(current, input.version);
      if (current.routeOutcome)
        throw new ConflictError('application_not_in_review', 'The application is not waiting on a decision', {
          state: current.state,
        });
      const given = input.decisions.map((d): ApplicantDecision => ({
        applicant: d.applicant,
        outcome: d.outcome,
        ...(d.outcome === 'refused' && d.reason ? { reason: d.reason.trim() } : {}),
        decidedAt: now,
        decidedBy: actor.employeeId,
      }));
      const kept = (current.decisions ?? []).filter((d) => !given.some((g) => g.applicant === d.applicant));
      return {
        ...current,
        decisions: [...kept, ...given].sort((a, b) => a.applicant - b.applicant),
        decisionsVersion: current.version + 1,
        log: [
          ...current.log,
          ...given.map((d) =>
            logEntry(now, 'decision-recorded', actor.employeeId, {
              applicant: d.applicant,
              outcome: d.outcome,
            }),
          ),
        ],
      };
    },
  );
  return view(deps, actor, saved, doc);
}
