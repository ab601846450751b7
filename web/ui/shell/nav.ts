import { type Role, referenceLists } from '../../api/contract';

export interface NavItem {
  /** Full message key of the label. */
  label: string;
  href: string;
  /** Any one of these roles shows the item; absent = every signed-in user. */
  roles?: readonly Role[];
  children?: NavItem[];
  /** A count shown beside the label (read by the shell). */
  count?: 'receivedWaiting';
}

export { referenceLists, type ReferenceListName } from '../../api/contract';

// The menu of the brochure ("Kargüzarlıq modulunun sxemi"): documents, personal folders, search,
// reports, reference lists, plus administration. Screens follow the position's roles.
export const navigation: NavItem[] = [
  { label: 'nav.incoming', href: '/incoming/', roles: ['clerk', 'head', 'executor', 'controller'] },
  { label: 'nav.outgoing', href: '/outgoing/', roles: ['clerk', 'head', 'executor'] },
  // Electronic documents from other agencies and the intake address, waiting for registration.
  { label: 'nav.received', href: '/received/', roles: ['clerk', 'admin'], count: 'receivedWaiting' },
  { label: 'nav.internal', href: '/internal/' },
  { label: 'nav.orders', href: '/orders/', roles: ['clerk', 'head', 'approver', 'executor'] },
  // Anyone may be a document's addressee: the documents waiting for their resolution.
  { label: 'nav.awaitingResolution', href: '/awaiting-resolution/' },
  { label: 'nav.forExecution', href: '/for-execution/' },
  { label: 'nav.myDocuments', href: '/my-documents/' },
  { label: 'nav.forInformation', href: '/for-information/' },
  // Anyone may be named on a route (by position or in person): every user has this list.
  { label: 'nav.forApproval', href: '/for-approval/' },
  { label: 'nav.underControl', href: '/under-control/', roles: ['controller', 'head', 'clerk'] },
  // E-service applications (issue 15): the API shows an admin every one, others those on whose
  // route they are; route templates name officials (heads, approvers, executors).
  {
    label: 'nav.eserviceApplications',
    href: '/applications/',
    roles: ['admin', 'head', 'approver', 'executor'],
  },
  { label: 'nav.search', href: '/search/' },
  { label: 'nav.reports', href: '/reports/', roles: ['clerk', 'head', 'controller', 'admin'] },
  { label: 'nav.archive', href: '/archive/', roles: ['archivist'] },
  {
    label: 'nav.lists',
    href: '/lists/',
    roles: ['admin', 'clerk'],
    children: referenceLists.map((list) => ({ label: `lists.names.${list}`, href: `/lists/${list}/` })),
  },
  {
    label: 'nav.admin',
    href: '/admin/',
    roles: ['admin'],
    children: [
      { label: 'admin.nav.tenant', href: '/admin/' },
      { label: 'admin.nav.departments', href: '/admin/departments/' },
      { label: 'admin.nav.positions', href: '/admin/positions/' },
      { label: 'admin.nav.employees', href: '/admin/employees/' },
      { label: 'admin.nav.absences', href: '/admin/absences/' },
      { label: 'admin.nav.substitutions', href: '/admin/substitutions/' },
      { label: 'admin.nav.calendar', href: '/admin/calendar/' },
      { label: 'route.admin.title', href: '/admin/approval-route-templates/' },
      { label: 'webhooks.title', href: '/admin/webhooks/' },
      { label: 'integratorKeys.title', href: '/admin/integrator-keys/' },
    ],
  },
];

/** Pages of the user menu in the header (every signed-in user), outside the side menu. */
export const userMenu: NavItem[] = [
  { label: 'nav.notifications', href: '/settings/notifications/' },
  { label: 'nav.security', href: '/settings/security/' },
];

export function visibleFor(items: NavItem[], userRoles: readonly Role[]): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((r) => userRoles.includes(r)));
}

/** The menu entry that owns a path (longest matching prefix), to apply its roles to the page. */
export function navItemFor(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  const walk = (items: NavItem[], parent?: NavItem) => {
    for (const item of items) {
      if (pathname.startsWith(item.href) && (!best || item.href.length > best.href.length)) {
        // Children inherit the roles of their parent entry.
        best = item.roles || !parent ? item : { ...item, roles: parent.roles };
      }
      if (item.children) walk(item.children, item.roles ? item : parent);
    }
  };
  walk([...navigation, ...userMenu]);
  return best;
}
