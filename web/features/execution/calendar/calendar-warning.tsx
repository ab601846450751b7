'use client';

import Link from 'next/link';
import { useId } from 'react';
import { listCalendarYears } from '../api';
import { useI18n } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';

/**
 * The admin's home page warning: the current year (and from 1 December the next one, by the
 * server's clock) has no Ramazan, Qurban and transfer data, so its deadlines count fixed holidays
 * and weekends only. Links to the calendar page of each such year. Shows nothing otherwise (and
 * nothing when the check itself fails: the home page stays usable).
 */
export function CalendarDataWarning() {
  const { t } = useI18n();
  const id = useId();
  const loaded = useLoad(() => listCalendarYears(), []);
  const missing = loaded.data?.missing ?? [];
  if (missing.length === 0) return null;
  return (
    <div className="notice" role="note" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>{t('exec.calendar.attention.title')}</strong>
      </p>
      <p>{t('exec.calendar.attention.text', { years: missing.join(', ') })}</p>
      <ul className="plain">
        {missing.map((year) => (
          <li key={year}>
            <Link href={`/admin/calendar/?year=${year}`}>{t('exec.calendar.attention.link', { year })}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
