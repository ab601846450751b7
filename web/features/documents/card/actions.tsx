'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { performOperation } from '../api';
import type { DocumentCard, Operation } from '../types';
import { useI18n } from '../../../lib/i18n';
import { FormActions, ProblemAlert, StatusMessage, TextAreaField } from '../../../ui/fields';
import { DateField } from '../form/controls';
import { parseDisplayDate, todayDisplay } from '../../../lib/dates';

/** The card's operation buttons, in the order a document moves. `update` opens the edit form. */
const order: Operation[] = [
  'update',
  'register',
  'submit',
  'agree',
  'sign',
  'enact',
  'send',
  'to-execution',
  'to-information',
  'return',
  'archive',
  'cancel',
];

/**
 * Operations the document's own route performs: while it runs, agreeing, signing and returning are
 * its participants' decisions on the Viza tab, not buttons here; a route still to start (or to
 * resubmit) is started there instead of a bare submission.
 */
function routeOperations(doc: DocumentCard): readonly Operation[] {
  const state = doc.route?.state;
  if (state === 'running') return ['submit', 'agree', 'sign', 'return'];
  if (state === 'draft' || state === 'rejected') return ['submit'];
  return [];
}

/** Operations that ask for a comment, a date or a confirmation before they run. */
const confirmed = new Set<Operation>(['return', 'enact', 'archive', 'cancel']);

/**
 * Buttons for exactly the operations the document's status allows (`allowedOperations`): a click
 * posts the operation with the version the card shows; a refusal (409) shows the API's title.
 */
export function CardActions({
  doc,
  onEdit,
  onDone,
  onReload,
  children,
}: {
  doc: DocumentCard;
  onEdit: () => void;
  /** Called after a successful operation; the card reads itself again before the success message. */
  onDone: (doc: DocumentCard, op: Operation) => Promise<void> | void;
  onReload: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const formId = useId();
  const [pending, setPending] = useState<Operation>();
  const [asking, setAsking] = useState<Operation>();
  const [comment, setComment] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (asking) headingRef.current?.focus();
  }, [asking]);

  const byRoute = routeOperations(doc);
  const buttons = order.filter((op) => doc.allowedOperations.includes(op) && !byRoute.includes(op));
  const needsReason = asking === 'cancel' && doc.kind === 'order' && doc.status === 'in-force';

  const run = async (op: Operation) => {
    setError(null);
    setDone('');
    const options: { comment?: string; effectiveDate?: string } = {};
    if (asking === op) {
      const errs: Record<string, string> = {};
      if (needsReason && !comment.trim()) errs.comment = t('validation.required');
      const date = op === 'enact' ? parseDisplayDate(effectiveDate) : '';
      if (date === undefined) errs.effectiveDate = t('doc.form.invalidDate');
      setErrors(errs);
      if (Object.keys(errs).length > 0) return;
      if (comment.trim()) options.comment = comment.trim();
      if (date) options.effectiveDate = date;
    }
    setPending(op);
    try {
      const result = await performOperation(doc, op, options);
      setAsking(undefined);
      setComment('');
      await onDone(result, op);
      setDone(t('doc.card.operationDone', { operation: t(`doc.ops.${op}`) }));
    } catch (err) {
      setError(err);
      // Someone moved the document meanwhile: show its current state (and buttons) under the message.
      if (err instanceof ApiError && err.status === 409 && err.problem.code !== 'stale_version') {
        setAsking(undefined);
        onReload();
      }
    } finally {
      setPending(undefined);
    }
  };

  const click = (op: Operation) => {
    if (op === 'update') return onEdit();
    setError(null);
    if (confirmed.has(op)) {
      setAsking(op);
      setComment('');
      setErrors({});
      setEffectiveDate(op === 'enact' ? todayDisplay() : '');
      return;
    }
    void run(op);
  };

  return (
    <div className="doc-actions">
      <div className="toolbar doc-toolbar" role="group" aria-label={t('doc.card.actions')}>
        {buttons.map((op) => (
          <button
            key={op}
            type="button"
            className={op === 'cancel' ? 'secondary danger' : op === 'update' ? 'secondary' : 'primary'}
            disabled={pending !== undefined}
            aria-expanded={confirmed.has(op) ? asking === op : undefined}
            onClick={() => click(op)}
          >
            {pending === op ? t('doc.card.working') : t(`doc.ops.${op}`)}
          </button>
        ))}
        {children}
      </div>
      {asking ? (
        <section className="editor-panel doc-confirm" aria-labelledby={`${formId}-title`}>
          <h2 id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
            {t(`doc.ops.${asking}`)}
          </h2>
          <p>{t(`doc.confirm.${asking}`)}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(asking);
            }}
            noValidate
          >
            {asking === 'enact' ? (
              <DateField
                label={t('doc.fields.effectiveDate')}
                name="effectiveDate"
                value={effectiveDate}
                onChange={setEffectiveDate}
                errors={errors}
              />
            ) : null}
            <TextAreaField
              label={needsReason ? t('doc.card.reason') : t('doc.card.comment')}
              name="comment"
              value={comment}
              onChange={setComment}
              errors={errors}
              required={needsReason}
            />
            <FormActions
              busy={pending !== undefined}
              label={t(`doc.ops.${asking}`)}
              busyLabel={t('doc.card.working')}
              onCancel={() => setAsking(undefined)}
            />
          </form>
        </section>
      ) : null}
      <ProblemAlert
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <StatusMessage message={done} />
    </div>
  );
}
