import { ViewDocumentPage } from '../../../../features/documents/view-document';

export default function Page() {
  return <ViewDocumentPage />;
}
