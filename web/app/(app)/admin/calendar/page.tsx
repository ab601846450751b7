'use client';

import { CalendarEditor } from '../../../../components/execution/calendar-editor';
import { useI18n } from '../../../../lib/i18n';

export default function CalendarPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('exec.calendar.title')}</h1>
      <p className="lead">{t('exec.calendar.intro')}</p>
      <CalendarEditor />
    </>
  );
}
