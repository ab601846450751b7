import { Suspense } from 'react';
import { DocumentList } from '../../../features/documents/list/document-list';
import { Loading } from '../../../ui/loading';

// The filters live in the query string: the list reads them on the client (static export).
export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <DocumentList kind="outgoing" />
    </Suspense>
  );
}
