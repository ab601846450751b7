import { WebhooksPage } from '../../../../features/webhooks/webhooks-admin';

export default function Page() {
  return <WebhooksPage />;
}
