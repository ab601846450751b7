import { Suspense } from 'react';
import { ApplicationsList } from '../../../features/eservices-officer/applications-list';
import { Loading } from '../../../ui/loading';

// The service and the filters live in the query string: the list reads them on the client.
export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <ApplicationsList />
    </Suspense>
  );
}
