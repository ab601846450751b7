import { NewDocumentPage } from '../../../../features/documents/new-document';

export default function Page() {
  return <NewDocumentPage />;
}
