import { InvitationPage } from '../../features/onboarding/invitation';

export default function Page() {
  return <InvitationPage />;
}
