import type { DocumentRecord, DocumentStore } from '../../documents';
import { defaultNotificationPreferences, type Employee } from '../../org';
import type { AggregateStore } from '../../../platform/ports/aggregate-store.port';
import type { Clock } from '../../../platform/ports/clock.port';
import type { EmailSender } from '../../../platform/ports/email.port';
import type { SmsSender } from '../../../platform/ports/sms.port';
import { renderNotice, type NoticeKind, type NoticeParams } from './templates';

export interface NotifyDeps {
  store: AggregateStore;
  documents: DocumentStore;
  clock: Clock;
  readonly email?: EmailSender;
  readonly sms?: SmsSender;
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
  daysLeft?: number;
  escalation?: number;
  /** The file a content notice is about. */
  file?: string;
  /** The card's tab the link opens (execution by default). */
  tab?: 'execution' | 'route' | 'contents';
  /** Identifies the logical notice (e.g. the deadline execution and its event): sent once per recipient and channel. */
  key: string;
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
    ...(notice.daysLeft !== undefined ? { daysLeft: notice.daysLeft } : {}),
    ...(notice.escalation !== undefined ? { escalation: notice.escalation } : {}),
    ...(notice.file !== undefined ? { file: notice.file } : {}),
    link: doc
      ? `${deps.webBaseUrl ?? ''}/documents/view/?id=${doc.id}&tab=${notice.tab ?? 'execution'}`
      : `${deps.webBaseUrl ?? ''}${notice.about?.path ?? '/'}`,
  };
  let sent = 0;
  for (const employee of employees) {
    if (!employee.active) continue;
    const prefs = { ...defaultNotificationPreferences, ...employee.notifications };
    const message = renderNotice(notice.kind, prefs.language, params);
    const channels: Array<'email' | 'sms'> = [];
    if (prefs.email && employee.email) channels.push('email');
    if (prefs.sms && employee.phone) channels.push('sms');
    for (const channel of channels) {
      const key = `${notice.key}:${employee.id}:${channel}`;
      if (await deps.documents.notificationSent(notice.tenantId, key)) continue;
      const at = deps.clock.now().toISOString();
      if (channel === 'email') {
        if (!deps.email) continue;
        await deps.email.send({ to: [employee.email], subject: message.subject, text: message.text });
      } else {
        if (!deps.sms) continue;
        await deps.sms.send({ phone: employee.phone!, text: message.sms });
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
  return { sent };
}

/** yyyy-MM-dd (a Baku calendar date) → dd.MM.yyyy. */
function formatDate(date: string): string {
  return date.split('-').reverse().join('.');
}
