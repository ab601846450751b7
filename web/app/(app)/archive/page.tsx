import { ArchivePage } from '../../../features/archive/archive-page';

export default function Page() {
  return <ArchivePage />;
}
