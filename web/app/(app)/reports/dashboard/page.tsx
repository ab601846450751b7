import { DashboardPage } from '../../../../features/reports/dashboard';

export default function Page() {
  return <DashboardPage />;
}
