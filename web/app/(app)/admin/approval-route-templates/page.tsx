import { RouteTemplatesPage } from '../../../../features/approval/route-templates-admin';

export default function Page() {
  return <RouteTemplatesPage />;
}
