import { Suspense } from 'react';
import { InboxList } from '../../../components/execution/inbox-list';
import { Loading } from '../../../components/loading';

// The filters live in the query string: the list reads them on the client (static export).
export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <InboxList box="control" />
    </Suspense>
  );
}
