import { EmployeesPage } from '../../../../features/org/employees-admin';

export default function Page() {
  return <EmployeesPage />;
}
