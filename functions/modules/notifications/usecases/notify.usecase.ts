import { bakuLocalDate, type DocumentRecord, type DocumentStore } from '../../documents';
import {
  defaultNotificationPreferences,
  tenantSms,
  type Employee,
  type Tenant,
  type TenantSms,
} from '../../org';
import type { AggregateStore } from '../../../platform/ports/aggregate-store.port';
import type { Clock } from '../../../platform/ports/clock.port';
import type { EmailSender } from '../../../platform/ports/email.port';
import type { Log } from '../../../platform/ports/log.port';
import type { Metrics } from '../../../platform/ports/metrics.port';
import type { SmsSender } from '../../../platform/ports/sms.port';
import { smsParts } from '../domain/sms-parts';
import type { SmsBudget } from '../ports';
import { agencyAdmins } from './agency-admins';
import { renderNotice, type NoticeKind, type NoticeParams } from './templates';

export interface NotifyDeps {
  store: AggregateStore;
  documents: DocumentStore;
  clock: Clock;
  readonly email?: EmailSender;
  readonly sms?: SmsSender;
  /** The agencies' monthly SMS parts: no SMS goes without a reservation in it. */
  readonly smsBudget?: SmsBudget;
  readonly metrics?: Metrics;
  readonly log?: Log;
  readonly webBaseUrl?: string;
}

export interface Notice {
  tenantId: string;
  /** The document the notice is about (its log records the notice); absent for the archive's reports. */
  document?: DocumentRecord;
  /** Without a document: what the notice names, and where its link leads (a web path). */
  about?: { label: string; path: string };
  kind: NoticeKind;
  recipients: string[];
  dueDate?: string;
  /** HH:mm (Baku) when the term ends within `dueDate` rather than at its end (a service level in hours). */
  dueTime?: string;
  daysLeft?: number;
  escalation?: number;
  /** The file a content notice is about. */
  file?: string;
  /** The card's tab the link opens (execution by default). */
  tab?: 'execution' | 'route' | 'contents';
  /** Identifies the logical notice (e.g. the deadline execution and its event): sent once per recipient and channel. */
  key: string;
  /** By e-mail only, whatever the recipients chose (the SMS budget's own alert). */
  emailOnly?: boolean;
  /** The agency's monthly SMS budget in parts (the budget alert names it). */
  smsLimit?: number;
  /** The organization a document was sent to (the no-receipt notice names it). */
  recipient?: string;
}

/**
 * Tells each recipient through the channels they chose, in their language, and records every sent
 * message on the document's operations log. A retried call (the deadline machine's task may run
 * again) skips what was already sent; a crash between sending and recording may send one twice,
 * never lose it.
 */
export async function notifyEmployees(deps: NotifyDeps, notice: Notice): Promise<{ sent: number }> {
  const recipients = [...new Set(notice.recipients)];
  const employees = await deps.store.getMany<Employee>('employee', notice.tenantId, recipients);
  const doc = notice.document;
  const params: NoticeParams = {
    document: doc ? (doc.registration?.number ?? doc.summary.slice(0, 60)) : (notice.about?.label ?? ''),
    summary: doc ? doc.summary.slice(0, 200) : '',
    ...(notice.dueDate ? { dueDate: formatDate(notice.dueDate) } : {}),
    ...(notice.dueTime ? { dueTime: notice.dueTime } : {}),
    ...(notice.daysLeft !== undefined ? { daysLeft: notice.daysLeft } : {}),
    ...(notice.escalation !== undefined ? { escalation: notice.escalation } : {}),
    ...(notice.file !== undefined ? { file: notice.file } : {}),
    ...(notice.smsLimit !== undefined ? { smsLimit: notice.smsLimit } : {}),
    ...(notice.recipient !== undefined ? { recipient: notice.recipient } : {}),
    link: doc
      ? `${deps.webBaseUrl ?? ''}/documents/view/?id=${doc.id}&tab=${notice.tab ?? 'execution'}`
      : `${deps.webBaseUrl ?? ''}${notice.about?.path ?? '/'}`,
  };
  const sms = smsGate(deps, notice.tenantId);
  let sent = 0;
  for (const employee of employees) {
    if (!employee.active) continue;
    const prefs = { ...defaultNotificationPreferences, ...employee.notifications };
    const message = renderNotice(notice.kind, prefs.language, params);
    const wantsSms = prefs.sms && !!employee.phone && !notice.emailOnly;
    const wantsEmail = (prefs.email || notice.emailOnly === true) && !!employee.email;
    const channels: Array<'email' | 'sms'> = [];
    if (wantsSms) {
      const smsKey = `${notice.key}:${employee.id}:sms`;
      // A retried notice finds its SMS sent (or at least reserved: counted once, sent again).
      const allowed =
        (await deps.documents.notificationSent(notice.tenantId, smsKey)) ||
        (await sms.allows(smsKey, message.sms));
      if (allowed) channels.push('sms');
      // Without SMS (the agency has it off, or its month's budget is spent) e-mail goes instead.
      else if (employee.email && !wantsEmail) channels.push('email');
    }
    if (wantsEmail) channels.unshift('email');
    for (const channel of channels) {
      const key = `${notice.key}:${employee.id}:${channel}`;
      if (await deps.documents.notificationSent(notice.tenantId, key)) continue;
      const at = deps.clock.now().toISOString();
      if (channel === 'email') {
        if (!deps.email) continue;
        await deps.email.send({ to: [employee.email], subject: message.subject, text: message.text });
      } else {
        await deps.sms!.send({ phone: employee.phone!, text: message.sms });
      }
      await deps.documents.recordNotification(notice.tenantId, key, at);
      if (doc)
        await deps.documents.log(notice.tenantId, {
          documentId: doc.id,
          at,
          actorId: 'system',
          action: 'notification',
          changes: [
            {
              field: 'notification',
              after: { kind: notice.kind, channel, recipientId: employee.id, subject: message.subject },
            },
          ],
        });
      sent++;
    }
  }
  await sms.afterwards();
  return { sent };
}

/** yyyy-MM-dd (a Baku calendar date) → dd.MM.yyyy. */
function formatDate(date: string): string {
  return date.split('-').reverse().join('.');
}

/**
 * Whether an SMS may go: the agency has SMS on, and the text's parts fit in what is left of its
 * month's budget (reserved before the send: a reservation whose send then fails stays counted).
 * The first send of a month that does not fit marks the month, counts a metric and, once the
 * notice is done, alerts the agency's admins by e-mail.
 */
function smsGate(deps: NotifyDeps, tenantId: string) {
  let setting: Promise<TenantSms> | undefined;
  let exceeded: { month: string; limit: number } | undefined;
  return {
    async allows(key: string, text: string): Promise<boolean> {
      if (!deps.sms || !deps.smsBudget) return false;
      setting ??= deps.store.get<Tenant>('tenant', tenantId, tenantId).then(tenantSms);
      const { enabled, monthlyParts } = await setting;
      if (!enabled) return false;
      const at = deps.clock.now().toISOString();
      const month = bakuLocalDate(at).slice(0, 7);
      const { parts } = smsParts(text);
      const outcome = await deps.smsBudget.reserve({
        tenantId,
        month,
        key,
        parts,
        limit: monthlyParts,
        at,
      });
      if (outcome === 'reserved') return true;
      deps.metrics?.count('SmsWithheld', { reason: 'budget' });
      if (await deps.smsBudget.markExceeded(tenantId, month, at)) {
        deps.log?.warn('sms_budget_exceeded', { tenantId, month, limit: monthlyParts });
        exceeded = { month, limit: monthlyParts };
      }
      return false;
    },
    /** The admins' alert of a budget first exceeded (after the notice's own messages). */
    async afterwards(): Promise<void> {
      if (!exceeded) return;
      const { month, limit } = exceeded;
      exceeded = undefined;
      try {
        const admins = await agencyAdmins(deps, tenantId);
        if (admins.length === 0) return;
        await notifyEmployees(deps, {
          tenantId,
          about: { label: month.split('-').reverse().join('.'), path: '/admin/' },
          kind: 'sms-budget',
          recipients: admins,
          key: `sms-budget:${month}`,
          emailOnly: true,
          smsLimit: limit,
        });
      } catch (error) {
        // The notice itself went; the alert is not worth failing it (the metric and the log stand).
        deps.log?.error('sms_budget_alert_failed', {
          tenantId,
          month,
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    },
  };
}
