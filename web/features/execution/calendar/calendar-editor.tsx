'use client';

import { useId, useRef, useState } from 'react';
import {
  getCalendar,
  getCalendarYear,
  updateCalendar,
  type CalendarOverride,
  type CalendarUpdate,
} from '../api';
import { formatDate } from '../../../lib/format';
import { pickText, useI18n, type LocalizedText } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';
import {
  CheckboxGroup,
  emptyText,
  fieldErrorsOf,
  FormActions,
  LocalizedFields,
  ProblemAlert,
  SelectField,
  StatusMessage,
} from '../../../ui/fields';
import { Loading } from '../../../ui/loading';
import { Table } from '../../../ui/data-table';
import { DateField } from '../../documents/form/controls';
import { parseDisplayDate, todayDisplay, toDisplayDate } from '../../../lib/dates';
import { CalendarYearForm, CalendarYearStatus } from './calendar-year-form';

type Edit = CalendarUpdate['days'][number];
const editKinds: CalendarOverride['kind'][] = ['holiday', 'day-off', 'working', 'normal'];
const weekdays = [1, 2, 3, 4, 5, 6, 7];

/** The years the API keeps a calendar for (any of them can be picked). */
export const CALENDAR_YEARS = { from: 2000, to: 2100 } as const;
const years = Array.from(
  { length: CALENDAR_YEARS.to - CALENDAR_YEARS.from + 1 },
  (_, i) => CALENDAR_YEARS.from + i,
);

/** ISO weekday (1 = Monday … 7 = Sunday) of a yyyy-MM-dd date. */
function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay() || 7;
}

/** The year a page link asks for (`?year=2031`), else the current one. */
export function initialCalendarYear(asked: string | null, today: string): number {
  const year = Number(asked);
  return Number.isInteger(year) && year >= CALENDAR_YEARS.from && year <= CALENDAR_YEARS.to
    ? year
    : Number(today.slice(6, 10));
}

/**
 * İş günləri təqvimi: a year's holidays, days off and working weekend days (the state calendar,
 * computed for any year, with the agency's edits), the edits themselves, the form that adds,
 * changes or drops one, and the year's Ramazan, Qurban and transfer data (with a warning when it
 * is missing). Deadlines (reminders, overdue notices) count working days on this calendar. The
 * API reads and writes the agency's edits a year at a time.
 */
export function CalendarEditor(props: { initialYear?: number }) {
  const { t, locale } = useI18n();
  const formId = useId();
  const [year, setYear] = useState(() => props.initialYear ?? Number(todayDisplay().slice(6, 10)));
  const loaded = useLoad(() => Promise.all([getCalendar(year), getCalendarYear(year)]), [year]);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarOverride['kind']>('holiday');
  const [name, setName] = useState<LocalizedText>(emptyText());
  const [weekend, setWeekend] = useState<string[]>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState('');
  const dateRef = useRef<HTMLDivElement>(null);

  const yearSelect = (
    <div className="toolbar">
      <SelectField
        label={t('exec.calendar.year')}
        name="year"
        value={String(year)}
        onChange={(v) => {
          setYear(Number(v));
          setMessage('');
          setError(null);
          setErrors({});
          setWeekend(undefined);
        }}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
    </div>
  );
  const [view, yearData] = loaded.data ?? [];
  if (!view || !yearData || view.year !== year || yearData.year !== year) {
    return (
      <>
        {yearSelect}
        {loaded.loading ? <Loading /> : null}
        <ProblemAlert error={loaded.error} onReload={loaded.reload} />
      </>
    );
  }
  const yearEdits: Edit[] = view.overrides;
  const currentWeekend = weekend ?? view.weekend.map(String);
  const weekdayName = (n: number) => t(`exec.calendar.weekdays.${n}`);
  const kindName = (k: string) => t(`exec.calendar.kinds.${k}`);
  const edited = new Set(view.overrides.map((o) => o.date));

  const save = async (days: Edit[], done: string, nextWeekend?: number[]) => {
    setSaving(true);
    setError(null);
    setMessage('');
    try {
      await updateCalendar({
        version: view.version,
        // This year's edits only: the other years' stay as they are.
        year,
        weekend: nextWeekend ?? view.weekend,
        days: days.sort((a, b) => a.date.localeCompare(b.date)),
      });
      setMessage(done);
      setWeekend(undefined);
      loaded.reload();
      return true;
    } catch (err) {
      setError(err);
      setErrors(fieldErrorsOf(err) as Record<string, string>);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const submitDay = async (event: React.FormEvent) => {
    event.preventDefault();
    const iso = parseDisplayDate(date);
    const errs: Record<string, string> = {};
    if (!iso) errs.date = iso === '' ? t('validation.required') : t('doc.form.invalidDate');
    else if (!iso.startsWith(`${year}-`)) errs.date = t('exec.calendar.dateOutsideYear', { year });
    setErrors(errs);
    if (!iso || Object.keys(errs).length > 0) {
      dateRef.current?.querySelector('input')?.focus();
      return;
    }
    const az = name.az.trim();
    const edit: Edit = {
      date: iso,
      kind,
      ...(az && kind !== 'normal'
        ? { name: { az, en: name.en?.trim() || az, ru: name.ru?.trim() || az } }
        : {}),
    };
    const ok = await save(
      [...yearEdits.filter((e) => e.date !== iso), edit],
      t('exec.calendar.savedDay', { date: toDisplayDate(iso) }),
    );
    if (ok) {
      setDate('');
      setName(emptyText());
    }
  };

  const prefill = (d: { date: string; kind: string; name?: LocalizedText }) => {
    setDate(toDisplayDate(d.date));
    setKind(edited.has(d.date) ? (d.kind as CalendarOverride['kind']) : 'normal');
    setName(d.name ? { ...d.name } : emptyText());
    setErrors({});
    dateRef.current?.querySelector('input')?.focus();
  };

  const offDays = view.days.filter((d) => d.kind !== 'working').length;
  const workingWeekend = view.days.filter((d) => d.kind === 'working').length;

  return (
    <>
      {yearSelect}
      <CalendarYearStatus view={yearData} formId={`${formId}-year-form`} />
      <StatusMessage message={message} />
      <ProblemAlert
        error={error ?? loaded.error}
        onReload={() => {
          setError(null);
          loaded.reload();
        }}
      />

      <section aria-labelledby={`${formId}-days`}>
        <h2 id={`${formId}-days`}>{t('exec.calendar.daysTitle', { year })}</h2>
        <p>
          {t('exec.calendar.summary', {
            weekend: view.weekend.map(weekdayName).join(', ') || '—',
            off: offDays,
            working: workingWeekend,
          })}
        </p>
        {view.days.length === 0 ? <p>{t('exec.calendar.noDays')}</p> : null}
        {view.days.length > 0 ? (
          <Table
            caption={t('exec.calendar.daysTitle', { year })}
            headers={['date', 'weekday', 'kind', 'name', 'note'].map((k) => t(`exec.calendar.${k}`))}
            actions
          >
            {view.days.map((d) => (
              <tr key={d.date}>
                <th scope="row" className="nowrap">
                  {formatDate(d.date)}
                </th>
                <td>{weekdayName(isoWeekday(d.date))}</td>
                <td>{kindName(d.kind)}</td>
                <td>{d.name ? pickText(d.name, locale) : '—'}</td>
                <td>
                  {[
                    edited.has(d.date) ? t('exec.calendar.agencyEdit') : '',
                    d.provisional ? t('exec.calendar.provisional') : '',
                  ]
                    .filter(Boolean)
                    .join('; ') || '—'}
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('exec.calendar.changeDay', { date: formatDate(d.date) })}
                    onClick={() => prefill(d)}
                  >
                    {t('exec.calendar.change')}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
      </section>

      <section aria-labelledby={`${formId}-edits`}>
        <h2 id={`${formId}-edits`}>{t('exec.calendar.editsTitle', { year })}</h2>
        {view.overrides.length === 0 ? <p>{t('exec.calendar.noEdits')}</p> : null}
        {view.overrides.length > 0 ? (
          <ul className="plain">
            {view.overrides.map((o) => (
              <li key={o.date}>
                <strong>{formatDate(o.date)}</strong> — {kindName(o.kind)}
                {o.name ? `: ${pickText(o.name, locale)}` : ''}{' '}
                <button
                  type="button"
                  className="small secondary"
                  disabled={saving}
                  aria-label={t('exec.calendar.dropEdit', { date: formatDate(o.date) })}
                  onClick={() =>
                    void save(
                      yearEdits.filter((e) => e.date !== o.date),
                      t('exec.calendar.droppedEdit', { date: formatDate(o.date) }),
                    )
                  }
                >
                  {t('exec.calendar.drop')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="editor-panel" aria-labelledby={`${formId}-form`}>
        <h2 id={`${formId}-form`}>{t('exec.calendar.formTitle')}</h2>
        <p className="hint form-intro">{t('exec.calendar.formHint')}</p>
        <form onSubmit={(e) => void submitDay(e)} noValidate>
          <div className="field-row">
            <div ref={dateRef}>
              <DateField
                label={t('exec.calendar.date')}
                name="date"
                value={date}
                onChange={setDate}
                errors={errors}
                required
              />
            </div>
            <SelectField
              label={t('exec.calendar.kind')}
              name="kind"
              value={kind}
              onChange={(v) => setKind(v as CalendarOverride['kind'])}
              options={editKinds.map((k) => ({ value: k, label: kindName(k) }))}
              errors={errors}
              required
            />
          </div>
          {kind !== 'normal' ? (
            <LocalizedFields
              legend={t('exec.calendar.name')}
              name="name"
              value={name}
              onChange={setName}
              errors={errors}
            />
          ) : null}
          <FormActions busy={saving} />
        </form>
      </section>

      <CalendarYearForm
        key={`${year}-${yearData.version}-${yearData.movableHolidays}`}
        view={yearData}
        formId={`${formId}-year-form`}
        onSaved={(done) => {
          setMessage(done);
          loaded.reload();
        }}
        onReload={loaded.reload}
      />

      <section className="editor-panel" aria-labelledby={`${formId}-weekend`}>
        <h2 id={`${formId}-weekend`}>{t('exec.calendar.weekendTitle')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(
              yearEdits,
              t('exec.calendar.savedWeekend'),
              currentWeekend.map(Number).sort((a, b) => a - b),
            );
          }}
          noValidate
        >
          <CheckboxGroup
            legend={t('exec.calendar.weekend')}
            name="weekend"
            options={weekdays.map((n) => ({ value: String(n), label: weekdayName(n) }))}
            value={currentWeekend}
            onChange={setWeekend}
            errors={errors}
          />
          <FormActions busy={saving} disabled={weekend === undefined} />
        </form>
      </section>
    </>
  );
}
