import { VerifyPage } from '../../../features/eservices-public/verify';

export default function Page() {
  return <VerifyPage />;
}
