import { CataloguePage } from '../../features/eservices-public/catalogue';

export default function Page() {
  return <CataloguePage />;
}
