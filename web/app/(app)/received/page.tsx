import { ReceivedQueuePage } from '../../../features/exchange/received-list';

export default function Page() {
  return <ReceivedQueuePage />;
}
