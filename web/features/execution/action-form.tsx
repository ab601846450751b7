'use client';

import { useState } from 'react';
import { listLinks } from '../documents/api';
import { numberText } from '../documents/labels';
import type { DocumentCard } from '../documents/types';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { DecisionForm, type HeadingLevel } from '../../ui/decision-form';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/loading';
import { actOnAssignment, type Assignment, type AssignmentAction, type ExecutionView } from './api';

/**
 * The form of one assignment action: a report (text, reply document), closing, acceptance or a
 * return on the İcra tab; a route decision (approve, sign, reject with its reason) on the Viza tab.
 */
export function ActionForm({
  doc,
  view,
  a,
  action,
  level,
  onDone,
  onCancel,
  onReload,
}: {
  doc: DocumentCard;
  view: ExecutionView;
  a: Assignment;
  action: Exclude<AssignmentAction, 'read'>;
  level: HeadingLevel;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const withReport = action === 'report' || action === 'close';
  // A return and a rejection say why; a report says what was done; the rest may add a comment.
  const required = withReport || action === 'return' || action === 'reject';
  const links = useLoad(() => (withReport ? listLinks(doc.id) : Promise.resolve([])), [doc.id, withReport]);
  const [reply, setReply] = useState('');

  // Documents linked to this one: a reply registered by the clerk shows up here by itself.
  const replies = (links.data ?? []).map((l) => ({
    value: l.document.id,
    label: `${t(`doc.kinds.${l.document.kind}`)} ${numberText(t, l.document.number)} — ${l.document.summary.slice(0, 80)}`,
  }));
  return (
    <DecisionForm
      title={t(`exec.actions.${action}`)}
      workingLabel={t('doc.card.working')}
      explanation={t(`exec.explain.${action}`)}
      level={level}
      text={{
        label: t(
          withReport
            ? 'exec.form.reportText'
            : action === 'return'
              ? 'exec.form.reason'
              : action === 'reject'
                ? 'exec.form.rejectReason'
                : 'exec.form.comment',
        ),
        name: withReport ? 'text' : 'comment',
        required,
      }}
      fields={(errors) =>
        withReport ? (
          <>
            {links.loading && !links.data ? <Loading /> : null}
            <SelectField
              label={t('exec.form.replyDocument')}
              name="replyDocumentId"
              value={reply}
              onChange={setReply}
              options={replies}
              emptyLabel={t('exec.form.noReply')}
              errors={errors}
            />
            <p className="hint exec-hint">{t('exec.form.replyHint')}</p>
          </>
        ) : null
      }
      problem={links.error}
      onSubmit={async (value) => {
        await actOnAssignment(doc.id, a.id, action, {
          version: view.documentVersion,
          ...(withReport ? { text: value } : value ? { comment: value } : {}),
          ...(withReport && reply ? { replyDocumentId: reply } : {}),
        });
        onDone(t(`exec.done.${action}`));
      }}
      onCancel={onCancel}
      onReload={onReload}
    />
  );
}
