'use client';

import { useId, useState } from 'react';
import { ApiError } from '../../lib/api';
import { pickText, useI18n, type Locale } from '../../lib/i18n';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { countryOptions } from './countries';
import {
  emptyRow,
  formatMoney,
  parseAmount,
  paths,
  type FieldValue,
  type LeafValue,
  type Row,
} from './form-model';
import type { CatalogueService, FileField, FormField, LeafField, ListField, UploadedFile } from './types';
import { uploadFile } from './upload';

/** A value's update as a function of the value it replaces (uploads finish after other edits). */
export type Setter = (next: (previous: FieldValue | undefined) => FieldValue) => void;

export interface FormContext {
  agency: string;
  serviceCode: string;
  errors: Record<string, string>;
  /** The options of the reference lists the form's choices name, by list (from the catalogue). */
  referenceOptions: CatalogueService['referenceOptions'];
  /** An upload started (+1) or ended (-1): the form waits for them before it is sent. */
  uploading: (delta: 1 | -1) => void;
}

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useI18n();
  return required ? <span className="required"> ({t('form.required')})</span> : null;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** A file field: choose files, see each upload's progress, remove an uploaded one. */
function FileInput(props: {
  field: FileField;
  path: string;
  files: UploadedFile[];
  set: Setter;
  ctx: FormContext;
  locale: Locale;
}) {
  const { t } = useI18n();
  const { field, path, files, set, ctx } = props;
  const id = useId();
  const [progress, setProgress] = useState<Array<{ key: number; name: string; share: number }>>([]);
  const [localError, setLocalError] = useState<string>();
  const error = localError ?? ctx.errors[path];
  const label = pickText(field.label, props.locale);
  const hint = [
    field.hint ? pickText(field.hint, props.locale) : '',
    t('eservicesPublic.file.allowed', {
      types: field.mediaTypes.map((m) => typeNames[m] ?? m).join(', '),
      size: sizeText(field.maxBytes),
      max: field.maxCount,
    }),
  ]
    .filter(Boolean)
    .join(' ');

  const choose = (chosen: File[]) => {
    setLocalError(undefined);
    if (files.length + chosen.length > field.maxCount) {
      setLocalError(t('eservicesPublic.file.tooMany', { max: field.maxCount }));
      return;
    }
    for (const file of chosen) {
      if (file.type && !field.mediaTypes.includes(file.type)) {
        setLocalError(t('eservicesPublic.file.wrongType', { name: file.name }));
        return;
      }
      if (file.size > field.maxBytes) {
        setLocalError(
          t('eservicesPublic.file.tooLarge', { name: file.name, size: sizeText(field.maxBytes) }),
        );
        return;
      }
    }
    for (const file of chosen) {
      const key = Math.random();
      setProgress((p) => [...p, { key, name: file.name, share: 0 }]);
      ctx.uploading(1);
      uploadFile(ctx.agency, ctx.serviceCode, field.code, file, (share) =>
        setProgress((p) => p.map((x) => (x.key === key ? { ...x, share } : x))),
      )
        .then((uploaded) => set((prev) => [...((prev as UploadedFile[] | undefined) ?? []), uploaded]))
        .catch((err: unknown) => {
          // The API's refusal (type, size) says why; a failed transfer gets the page's message.
          const title =
            err instanceof ApiError && err.status !== 0
              ? (err.problem.errors?.[0]?.message ?? err.problem.title)
              : '';
          setLocalError(title || t('eservicesPublic.file.failed', { name: file.name }));
        })
        .finally(() => {
          setProgress((p) => p.filter((x) => x.key !== key));
          ctx.uploading(-1);
        });
    }
  };

  const describedBy = [`${id}-hint`, error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className="field eserv-file">
      <label htmlFor={id}>
        {label}
        <RequiredMark required={field.required} />
      </label>
      <input
        id={id}
        name={path}
        type="file"
        accept={field.mediaTypes.join(',')}
        multiple={field.maxCount > 1}
        disabled={files.length >= field.maxCount}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          choose(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {progress.map((p) => (
        <div key={p.key} className="eserv-progress">
          <span>{t('eservicesPublic.file.uploading', { name: p.name })}</span>
          <progress
            max={1}
            value={p.share}
            aria-label={t('eservicesPublic.file.progress', { name: p.name })}
          />
        </div>
      ))}
      {files.length > 0 ? (
        <ul className="eserv-files">
          {files.map((f) => (
            <li key={f.ref}>
              <span>
                {f.name} ({sizeText(f.bytes)})
              </span>
              <button
                type="button"
                className="secondary small"
                onClick={() =>
                  set((prev) => ((prev as UploadedFile[] | undefined) ?? []).filter((x) => x.ref !== f.ref))
                }
              >
                {t('eservicesPublic.file.remove', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One field that holds one value, by its type. */
export function LeafInput(props: {
  field: LeafField;
  path: string;
  value: LeafValue | undefined;
  set: Setter;
  ctx: FormContext;
}) {
  const { t, locale } = useI18n();
  const { field, path, set, ctx } = props;
  const label = pickText(field.label, locale);
  const hint = field.hint ? pickText(field.hint, locale) : undefined;
  const text = typeof props.value === 'string' ? props.value : '';
  const common = {
    name: path,
    value: text,
    onChange: (v: string) => set(() => v),
    errors: ctx.errors,
    required: field.required,
  };
  switch (field.type) {
    case 'text':
      return field.multiline ? (
        <TextAreaField {...common} label={label} hint={hint} />
      ) : (
        <TextField {...common} label={label} hint={hint} />
      );
    case 'date':
      return (
        <TextField
          {...common}
          label={label}
          hint={[hint, t('eservicesPublic.form.dateHint')].filter(Boolean).join(' ')}
        />
      );
    case 'choice':
      return (
        <SelectField
          {...common}
          label={label}
          emptyLabel={t('eservicesPublic.form.choose')}
          options={
            field.source.kind === 'options'
              ? field.source.options.map((o) => ({ value: o.code, label: pickText(o.label, locale) }))
              : (ctx.referenceOptions[field.source.list] ?? []).map((o) => ({
                  value: o.code,
                  label: pickText(o.label, locale),
                }))
          }
        />
      );
    case 'country':
      return (
        <SelectField
          {...common}
          label={label}
          emptyLabel={t('eservicesPublic.form.choose')}
          options={countryOptions(locale, field.countries)}
        />
      );
    case 'email':
      return <TextField {...common} type="email" label={label} hint={hint} autoComplete="email" />;
    case 'phone':
      return <TextField {...common} type="tel" label={label} hint={hint} autoComplete="tel" />;
    case 'passport-number':
    case 'fin':
      return <TextField {...common} label={label} hint={hint} />;
    case 'amount': {
      const amount = parseAmount(text);
      return (
        <TextField
          {...common}
          label={label}
          hint={[
            hint,
            t('eservicesPublic.form.amountHint', { currency: field.currency }),
            amount === undefined
              ? ''
              : t('eservicesPublic.form.amountPreview', { amount: formatMoney(amount, field.currency) }),
          ]
            .filter(Boolean)
            .join(' ')}
        />
      );
    }
    case 'file':
      return (
        <FileInput
          field={field}
          path={path}
          files={Array.isArray(props.value) ? props.value : []}
          set={set}
          ctx={ctx}
          locale={locale}
        />
      );
  }
}

/** A list: rows of its fields, a row added or removed within the list's bounds. */
function ListInput(props: { field: ListField; path: string; rows: Row[]; set: Setter; ctx: FormContext }) {
  const { t, locale } = useI18n();
  const { field, path, rows, set, ctx } = props;
  const id = useId();
  const label = pickText(field.label, locale);
  const error = ctx.errors[path];
  const setRows = (fn: (rows: Row[]) => Row[]) => set((prev) => fn((prev as Row[] | undefined) ?? []));
  return (
    <fieldset className="field-group eserv-list" aria-describedby={error ? `${id}-err` : undefined}>
      <legend>
        {label}
        <RequiredMark required={field.required} />
      </legend>
      {field.hint ? <p className="hint">{pickText(field.hint, locale)}</p> : null}
      {error ? (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      ) : null}
      {rows.map((row, r) => (
        <fieldset key={r} className="field-group eserv-row">
          <legend>{t('eservicesPublic.form.row', { list: label, n: r + 1 })}</legend>
          {field.fields.map((inner) => (
            <LeafInput
              key={inner.code}
              field={inner}
              path={paths.row(path, r, inner.code)}
              value={row[inner.code]}
              ctx={ctx}
              set={(fn) =>
                setRows((all) =>
                  all.map((x, i) => (i === r ? { ...x, [inner.code]: fn(x[inner.code]) as LeafValue } : x)),
                )
              }
            />
          ))}
          <button
            type="button"
            className="secondary small"
            onClick={() => setRows((all) => all.filter((_, i) => i !== r))}
          >
            {t('eservicesPublic.form.removeRow', { list: label, n: r + 1 })}
          </button>
        </fieldset>
      ))}
      {rows.length < field.maxItems ? (
        <button
          type="button"
          className="secondary"
          onClick={() => setRows((all) => [...all, emptyRow(field)])}
        >
          {t('eservicesPublic.form.addRow', { list: label })}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Any field of the form. */
export function FieldInput(props: {
  field: FormField;
  path: string;
  value: FieldValue | undefined;
  set: Setter;
  ctx: FormContext;
}) {
  if (props.field.type === 'list') {
    return (
      <ListInput
        field={props.field}
        path={props.path}
        rows={Array.isArray(props.value) ? (props.value as Row[]) : []}
        set={props.set}
        ctx={props.ctx}
      />
    );
  }
  return (
    <LeafInput
      field={props.field}
      path={props.path}
      value={props.value as LeafValue | undefined}
      set={props.set}
      ctx={props.ctx}
    />
  );
}
