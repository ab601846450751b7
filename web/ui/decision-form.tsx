'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { fieldErrorsOf, FormActions, ProblemAlert, TextAreaField } from './fields';

type Errors = Record<string, string>;

export type HeadingLevel = 3 | 4 | 5 | 6;

/** One decision a person may take on a task. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Drawn as a secondary button (a return, a rejection). */
  secondary?: boolean;
  /** Acts at once (a read mark) instead of opening its form: the button expands nothing. */
  immediate?: boolean;
}

/**
 * The decisions a person may take on one task, as a group of buttons named for whose task it is.
 * A decision with a form opens it (pressed again, closes it; `aria-expanded` says which is open);
 * an immediate one acts at once.
 */
export function DecisionChoices<T extends string>({
  label,
  choices,
  open,
  busy,
  onToggle,
  onAct,
}: {
  /** The group's accessible name, e.g. "Actions: Leyla Məmmədova". */
  label: string;
  choices: Array<Choice<T>>;
  /** The decision whose form is open, if any. */
  open: T | undefined;
  busy: boolean;
  /** Opens a decision's form, or closes it (undefined). */
  onToggle: (choice: T | undefined) => void;
  /** Takes an immediate decision. */
  onAct?: (choice: T) => void;
}) {
  if (choices.length === 0) return null;
  return (
    <div className="toolbar exec-actions" role="group" aria-label={label}>
      {choices.map((c) => (
        <button
          key={c.value}
          type="button"
          className={c.secondary ? 'secondary' : 'primary'}
          disabled={busy}
          aria-expanded={c.immediate ? undefined : open === c.value}
          onClick={() => {
            if (c.immediate) return onAct?.(c.value);
            onToggle(open === c.value ? undefined : c.value);
          }}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The form of one decision: a heading that takes the focus when it opens, what the decision does,
 * its text (a comment, a reason, a report), any further fields, the problem the API answered with,
 * and submit and cancel. A required text is checked here first; the API stays the authority, and
 * its field errors show on the fields.
 */
export function DecisionForm({
  title,
  workingLabel,
  explanation,
  level = 3,
  text,
  fields,
  problem,
  onSubmit,
  onCancel,
  onReload,
}: {
  /** The decision's name: the heading and the submit button. */
  title: string;
  /** The submit button's label while the decision is being sent. */
  workingLabel: string;
  explanation: string;
  level?: HeadingLevel;
  text: { label: string; name: string; required?: boolean };
  /** Further fields under the text, given the field errors to show. */
  fields?: (errors: Errors) => React.ReactNode;
  /** A problem of the form's own (loading what its fields offer), shown when submitting had none. */
  problem?: unknown;
  /** Sends the decision with the trimmed text; a thrown problem stays on the form. */
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    const trimmed = value.trim();
    if (!trimmed && text.required) {
      setErrors({ [text.name]: t('validation.required') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(trimmed);
    } catch (err) {
      setError(err);
      setErrors(fieldErrorsOf(err) as Errors);
    } finally {
      setSaving(false);
    }
  };

  const Heading = `h${level}` as 'h3';
  return (
    <section className="editor-panel exec-form" aria-labelledby={`${formId}-title`}>
      <Heading id={`${formId}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      <p>{explanation}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          label={text.label}
          name={text.name}
          value={value}
          onChange={setValue}
          errors={errors}
          required={text.required}
          rows={3}
        />
        {fields?.(errors)}
        <ProblemAlert error={error ?? problem} onReload={onReload} />
        <FormActions busy={saving} label={title} busyLabel={workingLabel} onCancel={onCancel} />
      </form>
    </section>
  );
}
