import { Suspense } from 'react';
import { InboxList } from '../../../features/execution/inbox/inbox-list';
import { Loading } from '../../../ui/loading';

// The filters live in the query string: the list reads them on the client (static export).
export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <InboxList box="awaiting-resolution" />
    </Suspense>
  );
}
