import { TenantsOperatorPage } from '../../features/onboarding/tenants-operator';

export default function Page() {
  return <TenantsOperatorPage />;
}
