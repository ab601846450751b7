import { SearchPage } from '../../../features/search/search-page';

export default function Page() {
  return <SearchPage />;
}
