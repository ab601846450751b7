import { ConfirmPage } from '../../../features/eservices-public/confirm';

export default function Page() {
  return <ConfirmPage />;
}
