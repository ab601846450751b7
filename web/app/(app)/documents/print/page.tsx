import { PrintDocumentPage } from '../../../../features/documents/print/print-document';

export default function Page() {
  return <PrintDocumentPage />;
}
