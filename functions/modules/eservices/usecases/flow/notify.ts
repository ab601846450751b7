/**
 * The applicant's notices (`applicationNotify`): each due notice goes at most once. Its key is
 * written to `notices` (with the log line) BEFORE it is sent, so a repeated task, a second runner
 * or a crash after the send never sends it twice; a send that fails takes its key back and fails
 * the task (the machine retries). The price: a process killed between the write and the send
 * loses that one notice (the log shows it as sent) — chosen over a second copy of a decision.
 */
import { smsParts } from '../../../notifications';
import { tenantSms, type Tenant } from '../../../org';
import type { ServiceDefinition } from '../../domain/definition';
import { bakuDate } from '../../domain/time';
import type { ApplicationFlowDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';
import { noticesDue, paymentDueAt, type DueNotice } from './next';
import { noticeText, type NoticeLinks } from './notice-texts';
import { changeApplication, definitionOf, logEntry, requireApplication, SYSTEM } from './records';

/** The web pages the notices link to (under the configured web origin). */
export function noticeLinks(
  webBaseUrl: string | undefined,
  record: Pick<ApplicationRecord, 'tenantId' | 'id' | 'confirmation'>,
): NoticeLinks {
  const base = webBaseUrl ?? '';
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const agency = record.tenantId;
  return {
    confirm: `${base}/e/confirm/?${q({ agency, number: record.id, token: record.confirmation?.token ?? '' })}`,
    status: `${base}/e/status/?${q({ agency, number: record.id })}`,
  };
}

/** Whether an SMS may go: the agency has SMS on and the text fits its month's budget (reserved now). */
async function smsAllowed(
  deps: ApplicationFlowDeps,
  record: ApplicationRecord,
  notice: DueNotice,
  text: string,
): Promise<boolean> {
  const tenant = await deps.store.get<Tenant>('tenant', record.tenantId, record.tenantId);
  const { enabled, monthlyParts } = tenantSms(tenant);
  if (!enabled) return false;
  const at = deps.clock.now().toISOString();
  const outcome = await deps.smsBudget.reserve({
    tenantId: record.tenantId,
    month: bakuDate(at).slice(0, 7),
    key: `eservice-application:${record.id}:${notice.key}`,
    parts: smsParts(text).parts,
    limit: monthlyParts,
    at,
  });
  return outcome === 'reserved';
}

/** Sends the applicant's notices due now; gives the keys sent and those withheld (no SMS). */
export async function sendDueNotices(
  deps: ApplicationFlowDeps,
  input: { tenantId: string; applicationId: string },
): Promise<{ sent: string[]; withheld: string[] }> {
  let record = await requireApplication(deps, input.tenantId, input.applicationId);
  const definition: ServiceDefinition = await definitionOf(deps, record);
  const channels = definition.decisionNotice.channels;
  const sent: string[] = [];
  const withheld: string[] = [];
  for (;;) {
    const notice = noticesDue(record, channels, deps.clock.now())[0];
    if (!notice) break;
    const message = noticeText(notice.kind, record, definition, noticeLinks(deps.webBaseUrl, record), {
      paymentDueAt: paymentDueAt(record),
    });
    const goes = notice.channel === 'email' || (await smsAllowed(deps, record, notice, message.sms));
    const at = deps.clock.now().toISOString();
    const claim = await changeApplication(deps, input.tenantId, input.applicationId, SYSTEM, (r) =>
      noticesDue(r, channels, deps.clock.now()).some((n) => n.key === notice.key)
        ? {
            ...r,
            notices: [...r.notices, notice.key],
            log: [
              ...r.log,
              logEntry(at, goes ? 'notice-sent' : 'notice-withheld', SYSTEM, {
                notice: notice.kind,
                channel: notice.channel,
                ...(goes ? {} : { reason: 'sms-unavailable' }),
              }),
            ],
          }
        : undefined,
    );
    record = claim.record;
    if (!claim.changed) continue; // another run took it
    if (!goes) {
      withheld.push(notice.key);
      continue;
    }
    try {
      if (notice.channel === 'email')
        await deps.email.send({ to: [record.contact.email!], subject: message.subject, text: message.text });
      else await deps.sms.send({ phone: record.contact.phone!, text: message.sms });
    } catch (error) {
      // Not sent: the key goes back, so the retried task sends it.
      await changeApplication(deps, input.tenantId, input.applicationId, SYSTEM, (r) => ({
        ...r,
        notices: r.notices.filter((k) => k !== notice.key),
        log: [
          ...r.log,
          logEntry(deps.clock.now().toISOString(), 'notice-failed', SYSTEM, {
            notice: notice.kind,
            channel: notice.channel,
          }),
        ],
      }));
      throw error;
    }
    sent.push(notice.key);
  }
  return { sent, withheld };
}
