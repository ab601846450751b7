import { ListsIndexPage } from '../../../features/reference/lists-index';

export default function Page() {
  return <ListsIndexPage />;
}
