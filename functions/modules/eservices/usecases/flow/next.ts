/**
 * What the application's machine does next, read from the record alone (docs/eservices.md, "The
 * machine"): a restart or a repeated task never skips or repeats a step, because the record says
 * where the application is and which notices it has had.
 */
import type { NoticeChannel } from '../../domain/definition';
import type { ApplicationRecord } from '../application-records';

export const flowSteps = [
  'confirmation',
  'payment',
  'review',
  'decision',
  'issue',
  'notify',
  'done',
] as const;
export type FlowStep = (typeof flowSteps)[number];

/** What `applicationNext` answers: the step, and for a timed wait the seconds left of its window. */
export interface NextStep {
  step: FlowStep;
  timeoutSeconds?: number;
}

/** The wait kinds of the machine (`applicationWait` `{on}`). */
export type WaitOn = 'confirmation' | 'payment' | 'decision';

/**
 * How long an unpaid application waits for its payment after it was confirmed (or submitted, when
 * nothing was to confirm) before it is cancelled as not paid.
 */
export const PAYMENT_WINDOW_HOURS = 72;

export const noticeKinds = ['confirmation-link', 'cancelled', 'payment-received', 'decision'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** One notice to the applicant on one channel; its key is kept in `notices` once it goes. */
export interface DueNotice {
  kind: NoticeKind;
  channel: NoticeChannel;
  key: string;
}

export const noticeKey = (kind: NoticeKind, channel: NoticeChannel): string => `${kind}:${channel}`;

/** The instant the payment window ends. */
export function paymentDueAt(record: Pick<ApplicationRecord, 'submittedAt' | 'confirmation'>): string {
  const from = Date.parse(record.confirmation?.confirmedAt ?? record.submittedAt);
  return new Date(from + PAYMENT_WINDOW_HOURS * 3_600_000).toISOString();
}

/** Every applicant has a decision. */
export function everyApplicantDecided(record: Pick<ApplicationRecord, 'values' | 'decisions'>): boolean {
  const decided = new Set((record.decisions ?? []).map((d) => d.applicant));
  return record.values.applicants.every((_, i) => decided.has(i));
}

/** The route ended and every applicant has a decision: the results can be issued. */
export function readyToIssue(
  record: Pick<ApplicationRecord, 'state' | 'routeOutcome' | 'values' | 'decisions'>,
) {
  return record.state === 'in-review' && record.routeOutcome !== undefined && everyApplicantDecided(record);
}

/** Whether the application still waits on that event (else the event already happened). */
export function stillWaitsOn(record: ApplicationRecord, on: WaitOn): boolean {
  switch (on) {
    case 'confirmation':
      return record.state === 'awaiting-confirmation';
    case 'payment':
      return record.state === 'awaiting-payment';
    case 'decision':
      return record.state === 'in-review' && record.documentId !== undefined && !readyToIssue(record);
  }
}

/**
 * The applicant's notices due for the record's state and not sent yet. E-mail notices go to the
 * contact e-mail; the decision also goes by SMS when the definition says so and a phone was given.
 */
export function noticesDue(
  record: Pick<ApplicationRecord, 'state' | 'contact' | 'confirmation' | 'payment' | 'notices'>,
  decisionChannels: readonly NoticeChannel[],
  now?: Date,
): DueNotice[] {
  const due: DueNotice[] = [];
  const add = (kind: NoticeKind, channel: NoticeChannel) => {
    const key = noticeKey(kind, channel);
    if (!record.notices.includes(key)) due.push({ kind, channel, key });
  };
  const email = record.contact.email !== undefined;
  // The link only while it can still be used (a link that could not go in time is not sent late).
  const open = (c: NonNullable<ApplicationRecord['confirmation']>) =>
    !c.confirmedAt && (now === undefined || now.getTime() < Date.parse(c.dueAt));
  if (email && record.state === 'awaiting-confirmation' && record.confirmation && open(record.confirmation))
    add('confirmation-link', 'email');
  if (email && record.payment?.status === 'paid' && record.state !== 'cancelled')
    add('payment-received', 'email');
  if (email && record.state === 'cancelled') add('cancelled', 'email');
  if (record.state === 'decided') {
    if (email) add('decision', 'email');
    if (decisionChannels.includes('sms') && record.contact.phone !== undefined) add('decision', 'sms');
  }
  return due;
}

const secondsUntil = (at: string, now: Date): number =>
  Math.max(1, Math.ceil((Date.parse(at) - now.getTime()) / 1000));

/**
 * The next step: notices first; then by state — the confirmation wait for the window left, the
 * payment wait for its window left, the review, the officer's decision, the results; `done` once
 * decided or cancelled with nothing left to send.
 */
export function nextStep(
  record: ApplicationRecord,
  decisionChannels: readonly NoticeChannel[],
  now: Date,
): NextStep {
  if (noticesDue(record, decisionChannels, now).length > 0) return { step: 'notify' };
  switch (record.state) {
    case 'awaiting-confirmation':
      if (!record.confirmation) throw new Error('An application awaiting confirmation has no confirmation');
      return { step: 'confirmation', timeoutSeconds: secondsUntil(record.confirmation.dueAt, now) };
    case 'awaiting-payment':
      return { step: 'payment', timeoutSeconds: secondsUntil(paymentDueAt(record), now) };
    case 'in-review':
      if (record.documentId === undefined) return { step: 'review' };
      return readyToIssue(record) ? { step: 'issue' } : { step: 'decision' };
    case 'decided':
    case 'cancelled':
      return { step: 'done' };
  }
}
