import { ServiceFormPage } from '../../../features/eservices-public/service-form';

export default function Page() {
  return <ServiceFormPage />;
}
