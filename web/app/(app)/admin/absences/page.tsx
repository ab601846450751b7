import { AbsencesPage } from '../../../../features/org/absences-admin';

export default function Page() {
  return <AbsencesPage />;
}
