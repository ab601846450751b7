import { SubstitutionsPage } from '../../../../features/org/substitutions-admin';

export default function Page() {
  return <SubstitutionsPage />;
}
