'use client';

import Link from 'next/link';
import { listOperations } from '../api';
import type { DocumentCard, OperationEntry } from '../types';
import { useI18n, type Translate } from '../../../lib/i18n';
import type { ApprovalStage } from '../../approval/api';
import { useLoad } from '../../../lib/use-load';
import { LoadState, Table } from '../../../ui/data-table';
import { stagesSummary } from '../../approval/model';
import { cardPath } from '../paths';
import { formatDateTime, toDisplayDate } from '../../../lib/dates';
import type { Resolver } from '../form/lookups';
import { formatSize, statusLabel, tr } from '../labels';

type Change = OperationEntry['changes'][number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DOCUMENT_REFS = new Set(['incoming.repeatOf', 'outgoing.inReplyTo', 'internal.answersId']);

/** A route task's kind as its stage is called ("task" is the resolution stage's task). */
const routeKindOf = (kind: string) => (kind === 'task' ? 'resolution' : kind);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A logged value as the clerk reads it: names for ids, dd.MM.yyyy for dates, labels for codes. */
function ValueText({
  field,
  value,
  names,
  t,
  locale,
}: {
  field: string;
  value: unknown;
  names: Resolver;
  t: Translate;
  locale: string;
}): React.ReactNode {
  if (value === undefined || value === null || value === '') return <span className="muted">—</span>;
  if (DOCUMENT_REFS.has(field) && typeof value === 'string') {
    return <Link href={cardPath(value)}>{t('doc.log.documentRef')}</Link>;
  }
  if (field === 'status' && typeof value === 'string') return statusLabel(t, value);
  if (field === 'order.category' && typeof value === 'string')
    return tr(t, `doc.orderCategories.${value}`, value);
  if (field === 'internal.executionCharacter' && typeof value === 'string')
    return tr(t, `doc.executionCharacters.${value}`, value);
  if (typeof value === 'boolean') return value ? t('doc.common.yes') : t('doc.common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return toDisplayDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    const name = names.any(value);
    if (name) return name;
    return value.length > 400 ? `${value.slice(0, 400)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    // The route's stages before and after an edit.
    if (field === 'route') return stagesSummary(t, value as ApprovalStage[]);
    const parts = value.map((v) => {
      if (typeof v === 'string') return names.any(v) ?? v;
      if (isRecord(v))
        return [str(v.name), str(v.email) ? `<${str(v.email)}>` : ''].filter(Boolean).join(' ');
      return JSON.stringify(v);
    });
    return parts.join('; ');
  }
  if (isRecord(value)) {
    if (field === 'contents' && value.fileName) {
      return `${str(value.fileName)}${typeof value.size === 'number' ? ` (${formatSize(value.size, locale)})` : ''}`;
    }
    if (field === 'links' && typeof value.documentId === 'string') {
      return (
        <>
          {tr(t, `doc.linkTypes.out.${str(value.type)}`, str(value.type))}:{' '}
          <Link href={cardPath(value.documentId)}>{t('doc.log.documentRef')}</Link>
        </>
      );
    }
    if (field === 'resolution' || field === 'assignment' || field === 'notification') {
      return executionText(value, names, t);
    }
    if (field === 'route') return routeText(value, names, t);
    if (field === 'incoming.sender') {
      const org = value.kind === 'organization';
      return [str(value.name), !org && value.fin ? `${t('doc.sender.fin')}: ${str(value.fin)}` : '']
        .filter(Boolean)
        .join(', ');
    }
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return String(value);
}

/** A route's start (round, steps), a step reached (its people, due date) or ended (outcome), as words. */
function routeText(value: Record<string, unknown>, names: Resolver, t: Translate): string {
  const parts: string[] = [];
  if (typeof value.round === 'number') parts.push(`${t('route.fields.round')}: ${value.round}`);
  if (typeof value.steps === 'number') parts.push(t('doc.log.routeSteps', { n: value.steps }));
  if (typeof value.step === 'number') parts.push(t('route.steps.step', { n: value.step + 1 }));
  if (typeof value.kind === 'string') parts.push(tr(t, `route.kinds.${value.kind}`, value.kind));
  if (Array.isArray(value.people)) parts.push(value.people.map((id) => names.employee(str(id))).join(', '));
  if (typeof value.dueDate === 'string')
    parts.push(`${t('route.steps.dueDate')}: ${toDisplayDate(value.dueDate)}`);
  if (typeof value.outcome === 'string')
    parts.push(tr(t, `doc.log.routeOutcome.${value.outcome}`, value.outcome));
  if (typeof value.state === 'string')
    parts.push(`${t('route.fields.state')}: ${tr(t, `route.states.${value.state}`, value.state)}`);
  return parts.join('; ');
}

/** A resolution, an assignment's new state or a sent notice, as words: names, roles, labels, dates. */
function executionText(value: Record<string, unknown>, names: Resolver, t: Translate): string {
  const parts: string[] = [];
  if (typeof value.status === 'string') parts.push(tr(t, `exec.status.${value.status}`, value.status));
  if (typeof value.text === 'string') parts.push(`«${value.text}»`);
  if (Array.isArray(value.executors)) {
    const executors = value.executors.filter(isRecord).map((e) => {
      const who = names.employee(str(e.employeeId));
      return e.role ? `${who} (${tr(t, `exec.roles.${str(e.role)}`, str(e.role))})` : who;
    });
    if (executors.length) parts.push(`${t('exec.tree.executors')}: ${executors.join(', ')}`);
  }
  if (Array.isArray(value.forInformation) && value.forInformation.length) {
    const informed = value.forInformation.map((id) => names.employee(str(id)));
    parts.push(`${t('exec.tree.forInformation')}: ${informed.join(', ')}`);
  }
  if (typeof value.controllerId === 'string')
    parts.push(`${t('exec.tree.controller')}: ${names.employee(value.controllerId)}`);
  if (typeof value.dueDate === 'string')
    parts.push(`${t('exec.tree.dueDate')}: ${toDisplayDate(value.dueDate)}`);
  if (typeof value.kind === 'string')
    parts.push(
      tr(t, `exec.notices.${value.kind}`, tr(t, `route.kinds.${routeKindOf(value.kind)}`, value.kind)),
    );
  if (typeof value.channel === 'string') parts.push(tr(t, `exec.channels.${value.channel}`, value.channel));
  if (typeof value.recipientId === 'string') parts.push(names.employee(value.recipientId));
  if (typeof value.subject === 'string') parts.push(`«${value.subject}»`);
  return parts.join('; ');
}

function Changes({ changes, names }: { changes: Change[]; names: Resolver }) {
  const { t, locale } = useI18n();
  if (changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain doc-changes">
      {changes.map((c, i) => (
        <li key={`${c.field}:${i}`}>
          <span className="doc-change-field">{tr(t, `doc.logFields.${c.field}`, c.field)}:</span>{' '}
          {c.before !== undefined ? (
            <>
              <ValueText field={c.field} value={c.before} names={names} t={t} locale={locale} />
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('doc.log.changedTo')} </span>
            </>
          ) : null}
          <ValueText field={c.field} value={c.after} names={names} t={t} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

/** Əməliyyatlar: the append-only operations log — when (Baku), who, on whose behalf, what changed. */
export function OperationsTab({ doc, names }: { doc: DocumentCard; names: Resolver }) {
  const { t } = useI18n();
  const log = useLoad(() => listOperations(doc.id), [doc.id, doc.version]);
  const who = (id: string | undefined) => (id === 'system' ? t('doc.log.system') : names.employee(id));
  const items = log.data ?? [];
  return (
    <>
      <h2>{t('doc.tabs.operations')}</h2>
      <LoadState load={log} empty={items.length === 0} />
      {items.length > 0 ? (
        <Table
          className="doc-log"
          caption={t('doc.log.caption')}
          headers={['when', 'action', 'who', 'onBehalfOf', 'changes'].map((k) => t(`doc.log.${k}`))}
        >
          {items.map((op) => (
            <tr key={op.id}>
              <td className="nowrap">{formatDateTime(op.at)}</td>
              <th scope="row">
                {tr(t, `doc.actions.${op.action}`, op.action)}
                {op.comment ? <p className="small muted doc-comment">{op.comment}</p> : null}
              </th>
              <td>{who(op.actorId)}</td>
              <td>{op.onBehalfOf ? who(op.onBehalfOf) : <span className="muted">—</span>}</td>
              <td>
                <Changes changes={op.changes} names={names} />
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </>
  );
}
