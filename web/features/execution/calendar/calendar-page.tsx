'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { CalendarEditor, initialCalendarYear } from './calendar-editor';
import { todayDisplay } from '../../../lib/dates';
import { Loading } from '../../../ui/loading';
import { useI18n } from '../../../lib/i18n';

/** `/admin/calendar/[?year=2031]`: the year a link (e.g. the home page's warning) asks for. */
function Editor() {
  const params = useSearchParams();
  const year = initialCalendarYear(params.get('year'), todayDisplay());
  return <CalendarEditor key={year} initialYear={year} />;
}

export function CalendarPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('exec.calendar.title')}</h1>
      <p className="lead">{t('exec.calendar.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Editor />
      </Suspense>
    </>
  );
}
