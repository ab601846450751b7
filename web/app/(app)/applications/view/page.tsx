import { Suspense } from 'react';
import { ApplicationViewPage } from '../../../../features/eservices-officer/application-view';
import { Loading } from '../../../../ui/loading';

// The application's number is in the query string (?number=…): static export, no dynamic segment.
export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <ApplicationViewPage />
    </Suspense>
  );
}
