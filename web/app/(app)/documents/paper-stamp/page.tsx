import { PaperStampPage } from '../../../../features/signatures/paper-stamp';

export default function Page() {
  return <PaperStampPage />;
}
