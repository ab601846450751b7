import { IntegratorKeysPage } from '../../../../features/integrator-keys/integrator-keys-admin';

export default function Page() {
  return <IntegratorKeysPage />;
}
