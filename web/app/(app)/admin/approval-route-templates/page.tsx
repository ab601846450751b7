import { ApprovalRouteTemplatesPage } from '../../../../features/approval/route-templates-admin';

export default function Page() {
  return <ApprovalRouteTemplatesPage />;
}
