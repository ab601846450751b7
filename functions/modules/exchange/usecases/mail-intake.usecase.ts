import { createHash } from 'node:crypto';
import { nameUuid, sha256Hex } from '../../../platform/kernel/hashing';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { AggregateStore } from '../../../platform/ports/aggregate-store.port';
import type { Clock } from '../../../platform/ports/clock.port';
import type { Log } from '../../../platform/ports/log.port';
import type { ObjectStore } from '../../../platform/ports/object-store.port';
import { attachmentsVerdict, MAIL_LIMITS, type Verdict } from '../domain/mail-checks';
import {
  DELIVERY_CLAIM,
  RECEIVED,
  receivedWriteOptions,
  type ReceivedFile,
  type ReceivedItem,
  type ReceivedSender,
} from '../domain/received';

/**
 * E-mail in (issue 14, item 5): one raw message that arrived at the intake bucket (SES receiving
 * in AWS, the local SMTP listener in the embedded default) becomes a received item of each agency
 * whose intake address it was sent to: waiting for registration, or kept aside (`quarantined`)
 * with the reason. Mail to no agency's address is kept at the platform level (`unknown_recipient`).
 * Idempotent: the same message delivered again (or the same object processed again after a crash)
 * makes no second item, and every stored object has a key derived from the item.
 */
export interface MailIntakeDeps {
  readonly store: AggregateStore;
  readonly objects: ObjectStore;
  readonly clock: Clock;
  readonly log: Log;
}

/** Where mail to no agency is kept: a platform-level pseudo-tenant (no tenant id starts with `_`). */
export const PLATFORM_INTAKE_TENANT = '_platform';
/** Who writes received e-mail items (no employee acts). */
export const INTAKE_ACTOR = 'system:mail-intake';
/** What a tenant key looks like (as the tokens' tenant claim): anything else names no agency. */
const TENANT_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** The most agencies one message is taken in for (the rest of its intake addresses are ignored). */
const MAX_AGENCIES = 20;

export interface IntakeOutcome {
  tenantId: string;
  itemId: string;
  state: ReceivedItem['state'];
  reason?: string;
  replayed: boolean;
}

type Tenant = AggregateMeta & { name?: { az?: string } };

const sha256 = sha256Hex;

/** The unfolded header block of a raw message (up to the first empty line; at most 256 KiB). */
export function headerBlock(raw: Uint8Array): string {
  const text = Buffer.from(raw.subarray(0, 256 * 1024)).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/** Whether the message starts with a header block that names its sender (RFC 5322's From). */
export function wellFormedHead(head: string): boolean {
  const lines = head.split(/\r?\n/).filter((l) => l.length > 0);
  return (
    lines.length > 0 &&
    lines.every((l) => /^[\x21-\x39\x3b-\x7e]+:/.test(l)) &&
    lines.some((l) => /^from:.*@/i.test(l))
  );
}

/**
 * The local parts of the intake addresses the message was delivered to: the envelope recipient
 * (Delivered-To / X-Original-To, which the receiving server adds), else To and Cc.
 */
export function intakeLocalParts(head: string, domain: string): string[] {
  const lines = head.split(/\r?\n/);
  const addressesOf = (names: string[]) =>
    lines
      .filter((l) => names.includes(l.slice(0, l.indexOf(':')).toLowerCase()))
      .flatMap((l) => [...l.matchAll(/([^\s<>,;:"()[\]]+)@([A-Za-z0-9.-]+)/g)])
      .filter((m) => m[2]!.toLowerCase() === domain.toLowerCase())
      .map((m) => m[1]!);
  const envelope = addressesOf(['delivered-to', 'x-original-to']);
  const found = envelope.length > 0 ? envelope : addressesOf(['to', 'cc']);
  return [...new Set(found)].slice(0, MAX_AGENCIES);
}

/** Parts of the message as its headers declare them (a cheap count before any parsing). */
export const declaredParts = (raw: Uint8Array) =>
  (
    Buffer.from(raw)
      .toString('latin1')
      .match(/^content-type:/gim) ?? []
  ).length;

function firstAddress(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value).find((a) => a.address);
}

/** The sender as its From header names it (from the raw header when the message was not parsed). */
function senderOf(parsed: ParsedMail | undefined, head: string): ReceivedSender {
  const from = firstAddress(parsed?.from);
  if (from?.address) return { organizationName: from.name || from.address, email: from.address };
  const line = head.split(/\r?\n/).find((l) => /^from:/i.test(l)) ?? '';
  const address = /([^\s<>,;:"()[\]]+@[A-Za-z0-9.-]+)/.exec(line)?.[1];
  return { organizationName: address ?? 'unknown', ...(address ? { email: address } : {}) };
}

function headerValue(head: string, name: string): string | undefined {
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

/** A file name safe as the last part of an object key (the real name stays on the item). */
const keyName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(-80) || 'file';

/** A deterministic id (a UUID) of the item a delivery makes in a tenant. */
const itemIdOf = (tenantId: string, deliveryKey: string) => nameUuid(`${tenantId}\n${deliveryKey}`);

/**
 * Stores bytes once under a key: a key already written (a replay after a crash) must hold the same
 * bytes, and its version is used.
 */
async function putOnce(
  deps: MailIntakeDeps,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<{ versionId?: string }> {
  try {
    return await deps.objects.put({ bucket: 'attachments', key, body, contentType });
  } catch (err) {
    if (!(err instanceof ConflictError) || err.code !== 'object_exists') throw err;
    const head = await deps.objects.head({ bucket: 'attachments', key });
    const expected = createHash('sha256').update(body).digest('base64');
    if (!head || (head.sha256Base64 && head.sha256Base64 !== expected)) throw err;
    return head.versionId ? { versionId: head.versionId } : {};
  }
}

interface Classified {
  parsed?: ParsedMail;
  head: string;
  verdict?: Verdict;
  attachments: Array<{ name: string; contentType: string; bytes: Uint8Array }>;
}

/** Reads the message and says whether it waits for registration or is kept aside, and why. */
export async function classifyMail(raw: Uint8Array): Promise<Classified> {
  const head = headerBlock(raw);
  if (raw.byteLength > MAIL_LIMITS.maxRawBytes)
    return { head, attachments: [], verdict: { reason: 'oversized', detail: `${raw.byteLength} bytes` } };
  if (!wellFormedHead(head))
    return { head, attachments: [], verdict: { reason: 'malformed', detail: 'no valid header block' } };
  const parts = declaredParts(raw);
  if (parts > MAIL_LIMITS.maxParts)
    return { head, attachments: [], verdict: { reason: 'too_many_parts', detail: `${parts} parts` } };
  let parsed: ParsedMail;
  try {
    // Loaded here: the route groups that reach this module through its index carry no MIME parser.
    const { simpleParser } = await import('mailparser');
    parsed = await simpleParser(Buffer.from(raw), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: 1024 * 1024,
    });
  } catch (err) {
    return { head, attachments: [], verdict: { reason: 'malformed', detail: (err as Error).message } };
  }
  const attachments = parsed.attachments.map((a, i) => ({
    name: a.filename?.trim() || `attachment-${i + 1}`,
    contentType: a.contentType || 'application/octet-stream',
    bytes: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength),
  }));
  const verdict = attachmentsVerdict(attachments);
  return { parsed, head, attachments, ...(verdict ? { verdict } : {}) };
}

/** The received item of one agency (or of the platform, for mail to no agency). */
async function takeInFor(
  deps: MailIntakeDeps,
  tenantId: string,
  raw: Uint8Array,
  mail: Classified,
  verdict: Verdict | undefined,
): Promise<IntakeOutcome> {
  const sender = senderOf(mail.parsed, mail.head);
  const messageId = mail.parsed?.messageId ?? headerValue(mail.head, 'message-id');
  const rawSha = sha256(raw);
  const deliveryKey = messageId ? sha256(`${messageId}\n${sender.email ?? ''}`) : rawSha;
  const id = itemIdOf(tenantId, deliveryKey);
  const state = verdict ? 'quarantined' : 'waiting';
  const done = (replayed: boolean, existing?: ReceivedItem): IntakeOutcome => ({
    tenantId,
    itemId: existing?.id ?? id,
    state: existing?.state ?? state,
    ...(verdict ? { reason: verdict.reason } : {}),
    replayed,
  });
  const known = await deps.store.findByUnique(tenantId, { scope: DELIVERY_CLAIM, value: deliveryKey });
  if (known) return done(true, await deps.store.get<ReceivedItem>(RECEIVED, tenantId, known));

  const prefix = `${tenantId}/received/${id}`;
  await putOnce(deps, `${prefix}/message.eml`, raw, 'message/rfc822');
  const files: ReceivedFile[] = [];
  if (!verdict) {
    for (const [i, a] of mail.attachments.entries()) {
      const key = `${prefix}/files/${i + 1}-${keyName(a.name)}`;
      const stored = await putOnce(deps, key, a.bytes, a.contentType);
      files.push({
        name: a.name,
        contentType: a.contentType,
        size: a.bytes.byteLength,
        sha256: sha256(a.bytes),
        key,
        ...(stored.versionId ? { versionId: stored.versionId } : {}),
      });
    }
  }
  const now = deps.clock.now().toISOString();
  const subject = (mail.parsed?.subject ?? headerValue(mail.head, 'subject') ?? '').trim();
  const item: ReceivedItem = {
    id,
    tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    source: 'email',
    state,
    deliveryKey,
    receivedAt: now,
    sender,
    requisites: { summary: subject.slice(0, 2000) },
    files,
    ...(verdict ? { quarantine: { reason: verdict.reason, detail: verdict.detail.slice(0, 500) } } : {}),
    evidence: { envelopeSha256: rawSha, key: `${prefix}/message.eml` },
  };
  try {
    const created = await deps.store.create<ReceivedItem>(
      RECEIVED,
      item,
      receivedWriteOptions(item, INTAKE_ACTOR, true),
    );
    return done(created.replayed, created.item);
  } catch (err) {
    // Another delivery of the same message got there first.
    if (err instanceof ConflictError && err.code === 'duplicate_value') return done(true);
    throw err;
  }
}

/**
 * Takes in one raw message from the intake bucket (`key`, as the S3 event names it). Throws when
 * the object cannot be read (the event is retried); never loses a message it could read.
 */
export async function takeInMail(
  deps: MailIntakeDeps,
  input: { key: string; versionId?: string; intakeDomain: string },
): Promise<IntakeOutcome[]> {
  const raw = await deps.objects.get({
    bucket: 'intake',
    key: input.key,
    ...(input.versionId ? { versionId: input.versionId } : {}),
  });
  if (!raw) throw new Error(`Intake object ${input.key} not found`);
  const mail = await classifyMail(raw);
  const outcomes: IntakeOutcome[] = [];
  for (const localPart of intakeLocalParts(mail.head, input.intakeDomain)) {
    if (!TENANT_KEY.test(localPart)) continue;
    const tenant = await deps.store.get<Tenant>('tenant', localPart, localPart);
    if (tenant) outcomes.push(await takeInFor(deps, tenant.id, raw, mail, mail.verdict));
  }
  if (outcomes.length === 0) {
    const verdict: Verdict = {
      reason: 'unknown_recipient',
      detail: intakeLocalParts(mail.head, input.intakeDomain).join(', ') || 'no intake address',
    };
    outcomes.push(await takeInFor(deps, PLATFORM_INTAKE_TENANT, raw, mail, verdict));
  }
  for (const o of outcomes)
    if (o.state === 'quarantined' && !o.replayed)
      deps.log.warn('intake mail kept aside', { tenantId: o.tenantId, itemId: o.itemId, reason: o.reason });
  return outcomes;
}
