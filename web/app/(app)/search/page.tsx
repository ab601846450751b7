import { SectionPlaceholder } from '../../../ui/section-placeholder';

export default function Page() {
  return <SectionPlaceholder section="search" />;
}
