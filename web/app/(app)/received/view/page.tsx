import { ReceivedCardPage } from '../../../../features/exchange/received-card';

export default function Page() {
  return <ReceivedCardPage />;
}
