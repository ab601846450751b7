'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { employeeOptions, type FilterKey, type ListFilters, type Option } from './api';
import type { ColumnContext, FilterSpec } from './columns';
import './list.css';

/** Typing settles for this long before a text filter goes to the URL and the API. */
const DEBOUNCE_MS = 700;

interface ControlProps {
  spec: FilterSpec;
  /** The accessible name, "Filtr: <column>". */
  label: string;
  /** Shows the label (filters outside the table); in the filter row it is only for assistive tech. */
  visibleLabel?: boolean;
  filters: ListFilters;
  onChange: (patch: ListFilters) => void;
  ctx: ColumnContext;
  error?: string;
  /** Id of a shared hint (the date syntax). */
  hintId?: string;
}

/** One filter control with its label and the API's message for a bad value under it. */
export function FilterControl(props: ControlProps) {
  const id = useId();
  const errorId = `${id}-err`;
  const describedBy = [props.error ? errorId : '', props.hintId ?? ''].filter(Boolean).join(' ') || undefined;
  const common = { id, describedBy, invalid: Boolean(props.error) };
  return (
    <div className={props.visibleLabel ? 'field' : 'doclist-filter-cell'}>
      <label htmlFor={id} className={props.visibleLabel ? undefined : 'visually-hidden'}>
        {props.label}
      </label>
      {props.spec.type === 'text' || props.spec.type === 'date' ? (
        <TextFilter
          {...common}
          date={props.spec.type === 'date'}
          value={props.filters[props.spec.key] ?? ''}
          onCommit={(value) => props.onChange({ [(props.spec as { key: FilterKey }).key]: value })}
        />
      ) : props.spec.type === 'select' ? (
        <SelectFilter
          {...common}
          value={props.filters[props.spec.key] ?? ''}
          options={withCombined(props.spec.options(props.ctx), props.filters[props.spec.key])}
          onCommit={(value) => props.onChange({ [(props.spec as { key: FilterKey }).key]: value })}
        />
      ) : (
        <ControlFilter {...common} filters={props.filters} onChange={props.onChange} ctx={props.ctx} />
      )}
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A bookmarked `status=a,b` keeps showing as one option naming both. */
function withCombined(options: Option[], value: string | undefined): Option[] {
  if (!value || options.some((o) => o.value === value)) return options;
  const labels = value.split(',').map((v) => options.find((o) => o.value === v)?.label ?? v);
  return [{ value, label: labels.join(', ') }, ...options];
}

interface InputProps {
  id: string;
  describedBy?: string;
  invalid: boolean;
}

/**
 * Free text, exact numbers and dates: applied on Enter at once, otherwise when typing pauses.
 * The draft follows the URL when the filters change from elsewhere (a saved filter, "clear").
 */
function TextFilter(props: InputProps & { value: string; date: boolean; onCommit: (value: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.value);
  const committed = useRef(props.value);
  const onCommit = useRef(props.onCommit);
  onCommit.current = props.onCommit;

  useEffect(() => {
    // Only a change that did not come from this input replaces what is being typed.
    if (props.value !== committed.current) setDraft(props.value);
    committed.current = props.value;
  }, [props.value]);

  const commit = (value: string) => {
    const next = value.trim();
    if (next === committed.current) return;
    committed.current = next;
    onCommit.current(next);
  };

  useEffect(() => {
    if (draft.trim() === committed.current) return;
    const timer = window.setTimeout(() => commit(draft), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `commit` reads refs only: the draft alone restarts the wait.
  }, [draft]);

  return (
    <input
      id={props.id}
      type="text"
      value={draft}
      autoComplete="off"
      spellCheck={false}
      inputMode={props.date ? 'numeric' : undefined}
      placeholder={props.date ? t('docList.datePlaceholder') : undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => commit(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(draft);
        } else if (e.key === 'Escape' && draft) {
          setDraft('');
          commit('');
        }
      }}
    />
  );
}

function SelectFilter(
  props: InputProps & { value: string; options: Option[]; onCommit: (value: string) => void },
) {
  const { t } = useI18n();
  return (
    <select
      id={props.id}
      value={props.value}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onCommit(e.target.value)}
    >
      <option value="">{t('common.all')}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Nəzarət: all, under control, not under control, or a given controller. */
function ControlFilter(
  props: InputProps & { filters: ListFilters; onChange: (patch: ListFilters) => void; ctx: ColumnContext },
) {
  const { t } = useI18n();
  const { filters, ctx } = props;
  const value = filters.controllerId
    ? `controller:${filters.controllerId}`
    : filters.controlled
      ? `controlled:${filters.controlled}`
      : '';
  const onChange = (v: string) => {
    const [what, arg = ''] = v.split(':');
    props.onChange({
      controllerId: what === 'controller' ? arg : '',
      controlled: what === 'controlled' ? arg : '',
    });
  };
  const employees = employeeOptions(ctx.lookups.employees, ctx.locale, filters.controllerId);
  return (
    <select
      id={props.id}
      value={value}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('common.all')}</option>
      <option value="controlled:true">{t('docList.control.controlled')}</option>
      <option value="controlled:false">{t('docList.control.notControlled')}</option>
      <optgroup label={t('docList.control.byController')}>
        {employees.map((e) => (
          <option key={e.value} value={`controller:${e.value}`}>
            {e.label}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
