import { AuthCallbackPage } from '../../../ui/shell/auth-callback';

export default function Page() {
  return <AuthCallbackPage />;
}
