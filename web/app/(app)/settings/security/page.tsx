import { TwoStepSignInPage } from '../../../../features/org/mfa';

export default function Page() {
  return <TwoStepSignInPage />;
}
