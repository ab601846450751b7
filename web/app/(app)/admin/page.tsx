import { TenantPage } from '../../../features/org/tenant-admin';

export default function Page() {
  return <TenantPage />;
}
