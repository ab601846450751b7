import { SectionPlaceholder } from '../../../components/section-placeholder';

export default function Page() {
  return <SectionPlaceholder section="outgoing" />;
}
