import { StatusPage } from '../../../features/eservices-public/status';

export default function Page() {
  return <StatusPage />;
}
