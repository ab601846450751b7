import { CalendarPage } from '../../../../features/execution/calendar/calendar-page';

export default function Page() {
  return <CalendarPage />;
}
