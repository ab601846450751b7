import { PositionsPage } from '../../../../features/org/positions-admin';

export default function Page() {
  return <PositionsPage />;
}
