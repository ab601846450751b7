import { DepartmentsPage } from '../../../../features/org/departments-admin';

export default function Page() {
  return <DepartmentsPage />;
}
