import { NotificationsPage } from '../../../../features/notifications/preferences';

export default function Page() {
  return <NotificationsPage />;
}
