/**
 * The service-level watch of an application in review (statemachines/eservice-level-watch.asl.json):
 * one execution per application, started when the level starts (`ensureLevelWatch`, idempotent by
 * its name), that plans the next event (`planLevelWatch`), waits until its instant, sends its notices
 * (`notifyLevelEvent`) and plans again, until the application leaves review (its route ended, it was
 * decided or cancelled) or both events are past.
 *
 * Each event at most once per application: its key is written to the application's log (`reminder`
 * or `escalation`, detail `key`) BEFORE the notices go; a second run finds it and sends nothing. A
 * send that fails writes `<kind>-failed` with the key (the key is free again) and fails the task, so
 * the machine's retry sends; the notifications module skips each recipient and channel already sent.
 */
import { ConflictError } from '../../../../platform/kernel/errors';
import { notifyEmployees, type NotifyDeps } from '../../../notifications';
import { defaultDeadlinePolicy, type Tenant } from '../../../org';
import { isoInstant, MS } from '../../domain/time';
import type { ApplicationReviewDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';
import { changeApplication, definitionOf, loadApplication, logEntry, SYSTEM } from '../flow/records';
import { agencyWorkingDays } from '../review/level';
import { levelEvents, nextLevelEvent, type LevelEvent } from './events';
import { openTaskHolders, supervisorsOfAll } from './recipients';

/** The state machine and its execution name (one per application). */
export const LEVEL_WATCH_MACHINE = 'eservice-level-watch';
export const levelWatchName = (tenantId: string, applicationId: string): string =>
  `level-${tenantId}-${applicationId.replaceAll('-', '')}`;

export interface LevelWatchInput {
  tenantId: string;
  applicationId: string;
  /** Events at or before this instant are past. */
  after: string;
}

export type LevelPlan =
  { action: 'stop'; reason: string } | { action: 'wait'; at: string; event: LevelEvent };

/** Whether the application still waits on the agency's decision within its level. */
const watched = (app: ApplicationRecord): boolean =>
  app.state === 'in-review' && !app.routeOutcome && !!app.level;

/**
 * Starts the watch of an application whose level runs. The same name and input every time (the
 * input is the level's start), so a second start starts nothing; a name taken with another input
 * (an engine that compares inputs) means the watch runs or ran.
 */
export async function ensureLevelWatch(deps: ApplicationReviewDeps, app: ApplicationRecord): Promise<void> {
  if (!deps.workflow || !app.level || !watched(app)) return;
  const input: LevelWatchInput = {
    tenantId: app.tenantId,
    applicationId: app.id,
    after: app.level.startedAt,
  };
  try {
    await deps.workflow.start({
      machine: LEVEL_WATCH_MACHINE,
      name: levelWatchName(app.tenantId, app.id),
      input,
    });
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'workflow_name_conflict')) throw error;
  }
}

/** The watch's next step: the first event after `after`, or stop once there is nothing to watch. */
export async function planLevelWatch(
  deps: ApplicationReviewDeps,
  input: LevelWatchInput,
): Promise<LevelPlan> {
  const app = await loadApplication(deps, input.tenantId, input.applicationId);
  if (!app) return { action: 'stop', reason: 'not-found' };
  if (!app.level) return { action: 'stop', reason: 'no-level' };
  if (!watched(app)) return { action: 'stop', reason: app.routeOutcome ? 'route-ended' : app.state };
  const def = await definitionOf(deps, app);
  const unit = def.variants.find((v) => v.code === app.values.variant)?.level.unit ?? 'days';
  const tenant = await deps.store.get<Tenant>('tenant', app.tenantId, app.tenantId);
  const notifyHour = (tenant?.deadlinePolicy ?? defaultDeadlinePolicy).notifyHour;
  const events = levelEvents(app.level, unit, await agencyWorkingDays(deps, app.tenantId), notifyHour);
  const event = nextLevelEvent(events, input.after, deps.clock.now().toISOString());
  return event ? { action: 'wait', at: event.at, event } : { action: 'stop', reason: 'done' };
}

/** The key of one event of one level on the application's log. */
export const levelEventKey = (level: NonNullable<ApplicationRecord['level']>, kind: LevelEvent['kind']) =>
  `level-${kind}:${level.dueAt}`;

/** Whether the log holds the event's key, not taken back by a failed send after it. */
export function levelEventClaimed(app: Pick<ApplicationRecord, 'log'>, key: string): boolean {
  for (let i = app.log.length - 1; i >= 0; i--) {
    const entry = app.log[i]!;
    if (entry.detail?.key === key) return !entry.event.endsWith('-failed');
  }
  return false;
}

/** HH:mm in Baku of an instant. */
const bakuTime = (instant: string) => isoInstant(Date.parse(instant) + 4 * MS.hour).slice(11, 16);

/**
 * One event's notices: the reminder to the holders of the route's open tasks, the escalation to
 * them and their supervisors (recipients.ts), in-app on the document's log and by e-mail (or SMS)
 * as each person chose, in their language.
 */
export async function notifyLevelEvent(
  deps: ApplicationReviewDeps & NotifyDeps,
  input: { tenantId: string; applicationId: string; event: LevelEvent },
): Promise<{ sent: number; skipped?: string }> {
  const app = await loadApplication(deps, input.tenantId, input.applicationId);
  if (!app || !app.level || !watched(app)) return { sent: 0, skipped: 'not-in-review' };
  const level = app.level;
  // A stale event (a level that moved: none does today) is not sent; the next plan has the new one.
  if (input.event.kind === 'escalation' && input.event.at !== level.dueAt)
    return { sent: 0, skipped: 'moved' };
  const doc = app.documentId ? await deps.documents.get(app.tenantId, app.documentId) : undefined;
  if (!doc) return { sent: 0, skipped: 'no-document' };
  const holders = await openTaskHolders(deps, doc);
  const supervisors =
    input.event.kind === 'escalation' ? await supervisorsOfAll(deps, app.tenantId, holders) : [];
  const recipients = [...holders, ...supervisors];
  const key = levelEventKey(level, input.event.kind);
  const at = deps.clock.now().toISOString();
  const claim = await changeApplication(deps, app.tenantId, app.id, SYSTEM, (r) =>
    watched(r) && !levelEventClaimed(r, key)
      ? {
          ...r,
          log: [
            ...r.log,
            logEntry(at, input.event.kind, SYSTEM, {
              key,
              dueAt: level.dueAt,
              holders: holders.length,
              supervisors: supervisors.length,
            }),
          ],
        }
      : undefined,
  );
  if (!claim.changed) return { sent: 0, skipped: watched(claim.record) ? 'sent' : 'not-in-review' };
  try {
    const hourTerm = bakuTime(level.dueAt) !== '00:00';
    return await notifyEmployees(deps, {
      tenantId: app.tenantId,
      document: doc,
      kind: input.event.kind === 'reminder' ? 'service-level-reminder' : 'service-level-overdue',
      recipients,
      dueDate: level.lastDay,
      ...(hourTerm ? { dueTime: bakuTime(level.dueAt) } : {}),
      tab: 'route',
      key: `eservice-application:${app.id}:${key}`,
    });
  } catch (error) {
    await changeApplication(deps, app.tenantId, app.id, SYSTEM, (r) => ({
      ...r,
      log: [
        ...r.log,
        logEntry(deps.clock.now().toISOString(), `${input.event.kind}-failed`, SYSTEM, { key }),
      ],
    }));
    throw error;
  }
}
