'use client';

import { useId, useState } from 'react';
import { updateCalendarYear, type CalendarYearView, type MovableHolidayStatus } from '../api';
import { useI18n } from '../../../lib/i18n';
import {
  ErrorAlert,
  fieldErrorsOf,
  FormActions,
  ProblemAlert,
  SelectField,
  TextField,
} from '../../../ui/fields';
import { parseDisplayDate, toDisplayDate } from '../../../lib/dates';

type Field = 'ramazan' | 'qurban' | 'workingDays' | 'restDays';
const fields: Field[] = ['ramazan', 'qurban', 'workingDays', 'restDays'];
const statuses: MovableHolidayStatus[] = ['provisional', 'confirmed'];

/** yyyy-MM-dd dates of a list typed as "dd.MM.yyyy, dd.MM.yyyy"; undefined when one is not a date. */
export function parseDateList(text: string): string[] | undefined {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const dates = parts.map(parseDisplayDate);
  return dates.every((d): d is string => Boolean(d)) ? dates : undefined;
}

const listText = (dates: readonly string[]) => dates.map(toDisplayDate).join(', ');

/** Moves focus to a field of the year data form (the first one by default). */
function focusField(formId: string, name: Field = 'ramazan') {
  document.getElementById(formId)?.querySelector<HTMLInputElement>(`[name="${name}"]`)?.focus();
}

/**
 * Where a year's Ramazan, Qurban and transfer data stands: a warning with a way to the form when it
 * is missing (deadlines then count fixed holidays and weekends only), else its status and source.
 */
export function CalendarYearStatus(props: { view: CalendarYearView; formId: string }) {
  const { view } = props;
  const { t } = useI18n();
  const id = useId();
  if (view.movableHolidays === 'missing') {
    return (
      <div className="notice" role="note" aria-labelledby={`${id}-missing`}>
        <p id={`${id}-missing`}>
          <strong>{t('exec.calendar.yearData.missing', { year: view.year })}</strong>
        </p>
        <p>{t('exec.calendar.yearData.missingHint')}</p>
        <p>
          <button type="button" className="link-button" onClick={() => focusField(props.formId)}>
            {t('exec.calendar.yearData.enter', { year: view.year })}
          </button>
        </p>
      </div>
    );
  }
  return (
    <p className={view.movableHolidays === 'provisional' ? 'notice' : undefined}>
      {t(`exec.calendar.yearData.${view.movableHolidays}`, { year: view.year })}{' '}
      {t(
        view.source === 'agency'
          ? 'exec.calendar.yearData.sourceAgency'
          : 'exec.calendar.yearData.sourceBuiltIn',
      )}
    </p>
  );
}

/** The form that enters or corrects a year's Ramazan, Qurban and transfer data for the agency. */
export function CalendarYearForm(props: {
  view: CalendarYearView;
  formId: string;
  onSaved: (message: string) => void;
  onReload: () => void;
}) {
  const { view } = props;
  const { year } = view;
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    ramazan: listText(view.ramazan),
    qurban: listText(view.qurban),
    workingDays: listText(view.workingDays),
    restDays: listText(view.restDays),
  }));
  // A year being entered now is usually taken from the Cabinet's decision.
  const [status, setStatus] = useState<MovableHolidayStatus>(
    view.movableHolidays === 'missing' ? 'confirmed' : view.movableHolidays,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const focusFirst = (names: string[]) =>
    focusField(
      props.formId,
      fields.find((f) => names.includes(f)),
    );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const errs: Record<string, string> = {};
    const parsed = {} as Record<Field, string[]>;
    for (const field of fields) {
      const dates = parseDateList(values[field]);
      if (!dates) errs[field] = t('exec.calendar.yearData.invalidDates');
      else if (dates.some((d) => !d.startsWith(`${year}-`)))
        errs[field] = t('exec.calendar.dateOutsideYear', { year });
      else if ((field === 'ramazan' || field === 'qurban') && dates.length === 0)
        errs[field] = t('validation.required');
      else if ((field === 'ramazan' || field === 'qurban') && dates.length > 2)
        errs[field] = t('exec.calendar.yearData.tooMany');
      else parsed[field] = dates;
    }
    setErrors(errs);
    setError(null);
    if (Object.keys(errs).length > 0) {
      focusFirst(Object.keys(errs));
      return;
    }
    setSaving(true);
    try {
      await updateCalendarYear(year, { version: view.version, status, ...parsed });
      props.onSaved(t('exec.calendar.yearData.saved', { year }));
    } catch (err) {
      const fieldErrors = fieldErrorsOf(err) as Record<string, string>;
      setError(err);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length > 0) focusFirst(Object.keys(fieldErrors));
    } finally {
      setSaving(false);
    }
  };

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const field = (name: Field, hint: string, required: boolean) => (
    <TextField
      label={t(`exec.calendar.yearData.${name}`)}
      name={name}
      value={values[name]}
      onChange={set(name)}
      errors={errors}
      hint={hint}
      required={required}
    />
  );

  return (
    <section className="editor-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('exec.calendar.yearData.title', { year })}</h2>
      <p className="hint form-intro">{t('exec.calendar.yearData.intro')}</p>
      <form id={props.formId} onSubmit={(e) => void submit(e)} noValidate>
        <ProblemAlert error={error} onReload={props.onReload} />
        {Object.keys(errors).length > 0 && !error ? <ErrorAlert title={t('errors.checkFields')} /> : null}
        <div className="field-row">
          {field('ramazan', t('exec.calendar.yearData.lunarHint'), true)}
          {field('qurban', t('exec.calendar.yearData.lunarHint'), true)}
        </div>
        <div className="field-row">
          {field('workingDays', t('exec.calendar.yearData.transfersHint'), false)}
          {field('restDays', t('exec.calendar.yearData.transfersHint'), false)}
        </div>
        <SelectField
          label={t('exec.calendar.yearData.status')}
          name="status"
          value={status}
          onChange={(v) => setStatus(v as MovableHolidayStatus)}
          options={statuses.map((s) => ({ value: s, label: t(`exec.calendar.yearData.statuses.${s}`) }))}
          errors={errors}
          required
        />
        <FormActions busy={saving} />
      </form>
    </section>
  );
}
