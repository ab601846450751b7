'use client';

import { useId } from 'react';
import { useI18n, type LocalizedText } from '../lib/i18n';
import { ApiError } from '../lib/api';

type Errors = Record<string, string | undefined>;

function ErrorText({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors?: Errors;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'password';
  hint?: string;
  disabled?: boolean;
  lang?: string;
  autoComplete?: string;
  min?: string | number;
}

/** The frame of one field: its label (marked when required), the control, its error. */
function FieldFrame(props: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span className="required"> ({t('form.required')})</span> : null}
      </label>
      {props.children}
      <ErrorText id={`${props.id}-err`} message={props.error} />
    </div>
  );
}

/** The attributes an input, a select and a text area share. */
function controlProps(
  props: Pick<TextFieldProps, 'name' | 'value' | 'onChange' | 'required' | 'disabled'>,
  id: string,
  error?: string,
) {
  return {
    id,
    name: props.name,
    value: props.value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      props.onChange(e.target.value),
    required: props.required,
    disabled: props.disabled,
    'aria-invalid': error ? true : undefined,
  };
}

/** The ids a control is described by (its error, its hint) and the hint itself. */
function useDescription(props: { name: string; errors?: Errors; hint?: string }) {
  const id = useId();
  const error = props.errors?.[props.name];
  const describedBy = [error ? `${id}-err` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const hint = props.hint ? (
    <p id={`${id}-hint`} className="hint">
      {props.hint}
    </p>
  ) : null;
  return { id, error, describedBy: describedBy || undefined, hint };
}

export function TextField(props: TextFieldProps) {
  const { id, error, describedBy, hint } = useDescription(props);
  return (
    <FieldFrame id={id} label={props.label} required={props.required} error={error}>
      <input
        {...controlProps(props, id, error)}
        type={props.type ?? 'text'}
        lang={props.lang}
        min={props.min}
        autoComplete={props.autoComplete ?? 'off'}
        aria-describedby={describedBy}
      />
      {hint}
    </FieldFrame>
  );
}

/** A multi-line text field in the same frame as the others. */
export function TextAreaField(
  props: Omit<TextFieldProps, 'type' | 'lang' | 'autoComplete' | 'min'> & { rows?: number },
) {
  const { id, error, describedBy, hint } = useDescription(props);
  return (
    <FieldFrame id={id} label={props.label} required={props.required} error={error}>
      <textarea {...controlProps(props, id, error)} rows={props.rows ?? 3} aria-describedby={describedBy} />
      {hint}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  errors?: Errors;
  required?: boolean;
  /** Label of the empty option; absent = no empty option. */
  emptyLabel?: string;
  disabled?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = useId();
  const error = props.errors?.[props.name];
  return (
    <FieldFrame id={id} label={props.label} required={props.required} error={error}>
      <select {...controlProps(props, id, error)} aria-describedby={error ? `${id}-err` : undefined}>
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: Errors;
  disabled?: boolean;
}) {
  const id = useId();
  const error = props.errors?.[props.name];
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      <label htmlFor={id}>{props.label}</label>
      <ErrorText id={`${id}-err`} message={error} />
    </div>
  );
}

export type Option = { value: string; label: string };

/** One checkbox or radio button per option, each with its label (ids `${id}-${value}`). */
export function Choices(props: {
  id: string;
  type: 'checkbox' | 'radio';
  name: string;
  options: Option[];
  checked: (value: string) => boolean;
  onChange: (value: string, on: boolean) => void;
}) {
  return props.options.map((o) => (
    <div className="field-checkbox" key={o.value}>
      <input
        type={props.type}
        id={`${props.id}-${o.value}`}
        name={props.name}
        value={o.value}
        checked={props.checked(o.value)}
        onChange={(e) => props.onChange(o.value, e.target.checked)}
      />
      <label htmlFor={`${props.id}-${o.value}`}>{o.label}</label>
    </div>
  ));
}

/** A group of checkboxes (roles, positions) with a legend. */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  errors?: Errors;
  emptyText?: string;
}) {
  const id = useId();
  const error = props.errors?.[props.name];
  const toggle = (v: string, on: boolean) =>
    props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset className="field-group" aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.length === 0 && props.emptyText ? <p className="hint">{props.emptyText}</p> : null}
      <div className="checkbox-list">
        <Choices
          id={id}
          type="checkbox"
          name={props.name}
          options={props.options}
          checked={(v) => props.value.includes(v)}
          onChange={toggle}
        />
      </div>
      <ErrorText id={`${id}-err`} message={error} />
    </fieldset>
  );
}

const languages = [
  ['az', 'form.langAz'],
  ['en', 'form.langEn'],
  ['ru', 'form.langRu'],
] as const;

/** Azerbaijani (required), English and Russian versions of one text. */
export function LocalizedFields(props: {
  legend: string;
  name: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  errors?: Errors;
  required?: boolean;
}) {
  const { t } = useI18n();
  const set = (lang: 'az' | 'en' | 'ru', v: string) => props.onChange({ ...props.value, [lang]: v });
  const groupError = props.errors?.[props.name];
  return (
    <fieldset className="field-group localized">
      <legend>{props.legend}</legend>
      {groupError ? <p className="field-error">{groupError}</p> : null}
      {languages.map(([lang, label]) => (
        <TextField
          key={lang}
          label={t(label)}
          name={`${props.name}.${lang}`}
          value={props.value[lang] ?? ''}
          onChange={(v) => set(lang, v)}
          errors={props.errors}
          required={lang === 'az' && props.required}
          lang={lang}
        />
      ))}
    </fieldset>
  );
}

/** Drops empty optional translations so the API stores only what was typed. */
export function cleanText(value: LocalizedText): LocalizedText {
  const out: LocalizedText = { az: value.az.trim() };
  if (value.en?.trim()) out.en = value.en.trim();
  if (value.ru?.trim()) out.ru = value.ru.trim();
  return out;
}

export function emptyText(): LocalizedText {
  return { az: '', en: '', ru: '' };
}

/** The title of a failed request (localized by the API) in a live region. */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  let title = t('errors.unexpected');
  let detail: string | undefined;
  let conflict = false;
  let mfa = false;
  if (error instanceof ApiError) {
    // Two-step sign-in required (issue 18): the way to set it up.
    mfa = error.status === 403 && error.problem.code === 'mfa_required';
    if (error.status === 0) title = t('errors.network');
    else title = error.problem.title || t('errors.unexpected');
    detail = error.problem.detail;
    // Only a stale version is solved by reloading (not a duplicate code or name).
    conflict = error.status === 409 && error.problem.code === 'stale_version';
  }
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      {detail ? <p>{detail}</p> : null}
      {mfa ? (
        <p>
          <a href="/settings/security/">{t('errors.mfaSetup')}</a>
        </p>
      ) : null}
      {conflict && onReload ? (
        <p>
          {t('errors.conflictHint')}{' '}
          <button type="button" className="link-button" onClick={onReload}>
            {t('form.reload')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** A polite live region; a success message (and whatever else is given) is read out when it appears. */
export function StatusMessage({ message, children }: { message?: string; children?: React.ReactNode }) {
  return (
    <div className="status" role="status" aria-live="polite">
      {message ? <p className="alert alert-success">{message}</p> : null}
      {children}
    </div>
  );
}

/** A form-level error with one line of text (not tied to a field). */
export function ErrorAlert({ title }: { title: string }) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
    </div>
  );
}

/**
 * The actions row of a form: the submit button ("Saving…" while it works), "Cancel" when
 * `onCancel` is given, then any others given.
 */
export function FormActions({
  busy,
  disabled,
  label,
  busyLabel,
  onCancel,
  children,
}: {
  busy: boolean;
  disabled?: boolean;
  /** Default "Save" / "Saving…". */
  label?: string;
  busyLabel?: string;
  onCancel?: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={busy || disabled}>
        {busy ? (busyLabel ?? t('form.saving')) : (label ?? t('form.save'))}
      </button>
      {onCancel ? (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      ) : null}
      {children}
    </div>
  );
}

/**
 * Binds fields to the text values of an object: `bind(key)` gives a field its name (`prefix` +
 * key, or the name given), the value, an onChange that calls `update({ [key]: value })`, and the errors.
 */
export function fieldBinder<T>(values: T, update: (patch: Partial<T>) => void, errors?: Errors, prefix = '') {
  return <K extends keyof T & string>(key: K, name: string = `${prefix}${key}`) => ({
    name,
    value: values[key] as unknown as string,
    onChange: (value: string) => update({ [key]: value } as Partial<T>),
    errors,
  });
}

/** Pick-list options of the given values, each labelled by `label`. */
export function optionsOf(values: readonly string[], label: (value: string) => string): Option[] {
  return values.map((value) => ({ value, label: label(value) }));
}

export function fieldErrorsOf(error: unknown): Errors {
  return error instanceof ApiError ? error.fieldErrors() : {};
}
