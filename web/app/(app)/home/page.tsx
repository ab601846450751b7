import { CalendarDataWarning } from '../../../features/execution/calendar/calendar-warning';
import { HomePage } from '../../../ui/shell/home';

// The admin's home page also warns of a working-day calendar year without its data.
export default function Page() {
  return <HomePage adminNotice={<CalendarDataWarning />} />;
}
