'use client';

import { formatDateTime } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import type { ApplicationSummary } from './api';

/** "3 d 4 h" or "5 h 20 min" of a number of minutes (its sign aside). */
export function durationText(minutes: number, t: Translate): string {
  const m = Math.abs(minutes);
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return days > 0
    ? t('eservicesOfficer.level.days', { d: days, h: hours })
    : t('eservicesOfficer.level.hours', { h: hours, m: m % 60 });
}

/**
 * The service level of an application: when it is due (dd.MM.yyyy HH:mm, Baku) and the time left,
 * or how long it is overdue — marked by words and a sign, not only by colour.
 */
export function LevelText({ level, t }: { level: ApplicationSummary['level']; t: Translate }) {
  if (!level) return <span className="hint">{t('eservicesOfficer.level.none')}</span>;
  return (
    <span className={level.overdue ? 'eoff-level eoff-overdue' : 'eoff-level'}>
      <span>{t('eservicesOfficer.level.due', { at: formatDateTime(level.dueAt) })}</span>{' '}
      <strong>
        {level.overdue
          ? `⚠ ${t('eservicesOfficer.level.overdue', { time: durationText(level.minutesLeft, t) })}`
          : t('eservicesOfficer.level.left', { time: durationText(level.minutesLeft, t) })}
      </strong>
    </span>
  );
}
