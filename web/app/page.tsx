import { LandingPage } from '../ui/shell/landing';

export default function Page() {
  return <LandingPage />;
}
