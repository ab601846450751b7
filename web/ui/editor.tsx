'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../lib/api';
import { useI18n, type Translate } from '../lib/i18n';
import type { Loaded } from '../lib/use-load';
import type { Entity } from '../api/contract';
import { ListSection } from './data-table';
import { ErrorAlert, FormActions, ProblemAlert, StatusMessage, fieldErrorsOf } from './fields';

type Errors = Record<string, string>;

export interface EditorOptions<E extends Entity, F> {
  /** Collection path, e.g. "/departments". */
  path: string;
  /** Path of one entity; default `${path}/${id}` (the tenant is a singleton at /tenant). */
  itemPath?: (entity: E) => string;
  toForm: (entity?: E, preset?: Partial<F>) => F;
  toBody: (form: F) => Record<string, unknown>;
  /** Client-side checks (message keys already translated); the API stays the authority. */
  validate?: (form: F) => Errors;
  /** Names the saved entity in the status message ("… created" / "… saved"); without, a plain "Saved". */
  savedName?: (entity: E) => string;
  onSaved: () => void;
}

export interface Editor<E extends Entity, F> {
  mode: 'closed' | 'create' | 'edit';
  entity?: E;
  form: F;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  open: (entity?: E, preset?: Partial<F>) => void;
  close: () => void;
  submit: (event: React.FormEvent) => void;
  reloadEntity: () => void;
  error: unknown;
  fieldErrors: Errors;
  saving: boolean;
  saved?: string;
  /** Props of a field bound to `form[key]`: name, value, onChange and the field errors. */
  bind: <K extends keyof F & string>(
    key: K,
  ) => { name: K; value: F[K]; onChange: (value: F[K]) => void; errors: Errors };
  /** Props of a checkbox bound to the boolean `form[key]`. */
  check: <K extends keyof F & string>(key: K) => { name: K; checked: F[K]; onChange: (value: F[K]) => void };
}

/** A form's first values: each field of `defaults` as the entity has it, else the default (a new entity). */
export function formOf<F extends object>(entity: object | undefined, defaults: F): F {
  const stored = (entity ?? {}) as Partial<F>;
  return Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [key, stored[key as keyof F] ?? value]),
  ) as F;
}

function itemPathOf<E extends Entity, F>(options: EditorOptions<E, F>, entity: E): string {
  return options.itemPath ? options.itemPath(entity) : `${options.path}/${encodeURIComponent(entity.id)}`;
}

/** Create / edit one entity of a collection, with optimistic concurrency (version) on PUT. */
export function useEditor<E extends Entity, F>(options: EditorOptions<E, F>): Editor<E, F> {
  const { t } = useI18n();
  const [mode, setMode] = useState<'closed' | 'create' | 'edit'>('closed');
  const [entity, setEntity] = useState<E>();
  const [form, setForm] = useState<F>(() => options.toForm());
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string>();
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const open = useCallback((target?: E, preset?: Partial<F>) => {
    setEntity(target);
    setForm(optionsRef.current.toForm(target, preset));
    setMode(target ? 'edit' : 'create');
    setSaved(undefined);
    setError(null);
    setFieldErrors({});
  }, []);

  const close = useCallback(() => {
    setMode('closed');
    setEntity(undefined);
    setError(null);
    setFieldErrors({});
  }, []);

  const set = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  }, []);

  const reloadEntity = useCallback(() => {
    if (!entity) return;
    api<E>(itemPathOf(optionsRef.current, entity))
      .then((fresh) => open(fresh))
      .catch(setError);
  }, [entity, open]);

  const submit = useCallback(
    (event: React.FormEvent) => {
      event.preventDefault();
      const { path, toBody, validate, savedName, onSaved } = optionsRef.current;
      const clientErrors = validate?.(form) ?? {};
      setError(null);
      setFieldErrors(clientErrors);
      if (Object.keys(clientErrors).length > 0) return;
      setSaving(true);
      const body = toBody(form);
      const request = entity
        ? api<E>(itemPathOf(optionsRef.current, entity), {
            method: 'PUT',
            body: { ...body, version: entity.version },
          })
        : api<E>(path, { method: 'POST', body });
      request
        .then((stored) => {
          const created = !entity;
          close();
          setSaved(
            savedName
              ? t(created ? 'form.created' : 'form.saved', { name: savedName(stored) })
              : t('form.savedPlain'),
          );
          onSaved();
        })
        .catch((err: unknown) => {
          setError(err);
          setFieldErrors(fieldErrorsOf(err) as Errors);
        })
        .finally(() => setSaving(false));
    },
    [form, entity, close, t],
  );

  const bind = <K extends keyof F & string>(key: K) => ({
    name: key,
    value: form[key],
    onChange: (value: F[K]) => set(key, value),
    errors: fieldErrors,
  });
  const check = <K extends keyof F & string>(key: K) => ({
    name: key,
    checked: form[key],
    onChange: (value: F[K]) => set(key, value),
  });

  return {
    mode,
    entity,
    form,
    set,
    open,
    close,
    submit,
    reloadEntity,
    error,
    fieldErrors,
    saving,
    saved,
    bind,
    check,
  };
}

/** The form panel of an editor: heading, problem, fields, save / cancel. */
export function EditorPanel<E extends Entity, F>({
  editor,
  createTitle,
  editTitle,
  children,
}: {
  editor: Editor<E, F>;
  createTitle: string;
  editTitle: string;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opened = editor.mode !== 'closed';
  const entityId = editor.entity?.id;

  useEffect(() => {
    // Move focus to the form so keyboard and screen-reader users land where they work.
    if (opened) headingRef.current?.focus();
  }, [opened, entityId]);

  if (!opened) return null;
  const title = editor.mode === 'create' ? createTitle : editTitle;
  return (
    <section className="editor-panel" aria-labelledby="editor-title">
      <h2 id="editor-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <form onSubmit={editor.submit} noValidate>
        <ProblemAlert error={editor.error} onReload={editor.entity ? editor.reloadEntity : undefined} />
        {Object.keys(editor.fieldErrors).length > 0 && !editor.error ? (
          <ErrorAlert title={t('errors.checkFields')} />
        ) : null}
        {children}
        <FormActions busy={editor.saving}>
          <button type="button" className="secondary" onClick={editor.close}>
            {t('form.cancel')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

/** The words of an editor page: heading, lead, create button, form titles, list title. */
export interface EditorPageText {
  title: string;
  intro: string;
  add: string;
  /** Title of the create form; default `add`. */
  create?: string;
  edit: string;
  list: string;
}

/** The words of an editor page from the messages `${prefix}.title`, `.intro`, `.add`, `.edit` and `.list`. */
export function editorPageText(t: Translate, prefix: string): EditorPageText {
  const m = (key: string) => t(`${prefix}.${key}`);
  return { title: m('title'), intro: m('intro'), add: m('add'), edit: m('edit'), list: m('list') };
}

/**
 * A page that keeps one collection: heading and lead, the create button (filters beside it) or a
 * read-only notice, the save status, the form with the given fields, then the list section
 * (children) with its loading, problem and empty states.
 */
export function EditorPage<E extends Entity, F>(props: {
  editor: Editor<E, F>;
  text: EditorPageText;
  /** Form values a new entity starts with (the list's filter). */
  preset?: Partial<F>;
  /** Shown instead of the toolbar to those who may not edit. */
  readOnlyNotice?: string;
  filters?: React.ReactNode;
  fields: React.ReactNode;
  list: { id: string; load: Loaded<unknown>; otherError?: unknown; empty: boolean };
  children: React.ReactNode;
}) {
  const { editor, text } = props;
  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {props.readOnlyNotice ? (
        <p className="notice">{props.readOnlyNotice}</p>
      ) : (
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => editor.open(undefined, props.preset)}>
            {text.add}
          </button>
          {props.filters}
        </div>
      )}
      <StatusMessage message={editor.saved} />
      <EditorPanel editor={editor} createTitle={text.create ?? text.add} editTitle={text.edit}>
        {props.fields}
      </EditorPanel>
      <ListSection title={text.list} {...props.list}>
        {props.children}
      </ListSection>
    </>
  );
}
