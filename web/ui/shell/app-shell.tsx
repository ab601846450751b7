'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { pickText, useI18n } from '../../lib/i18n';
import { navItemFor, navigation, userMenu, visibleFor, type NavItem } from './nav';
import { useSession } from '../../lib/session';
import { SessionFailed, SessionLoading } from './session-pages';
import { ShellHeader } from './shell-header';
import type { Role } from '../../api/contract';
import { QuickSearch } from '../../features/search/quick-search';
import { ReceivedWaitingCount } from '../../features/exchange/nav-count';

function MenuItem({ item, roles, pathname }: { item: NavItem; roles: Role[]; pathname: string }) {
  const { t } = useI18n();
  const children = item.children ? visibleFor(item.children, roles) : [];
  const active = pathname === item.href;
  const inSection = pathname.startsWith(item.href);
  return (
    <li>
      <Link
        href={item.href}
        aria-current={active ? 'page' : undefined}
        className={inSection ? 'in-section' : undefined}
      >
        {t(item.label)}
        {item.count === 'receivedWaiting' ? <ReceivedWaitingCount pathname={pathname} /> : null}
      </Link>
      {children.length > 0 && inSection ? (
        <ul className="submenu">
          {children.map((child) => (
            <li key={child.href}>
              <Link href={child.href} aria-current={pathname === child.href ? 'page' : undefined}>
                {t(child.label)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const { t, locale } = useI18n();
  const { state, reload } = useSession();
  const pathname = usePathname() ?? '/';
  const router = useRouter();

  useEffect(() => {
    if (state.status === 'anonymous') router.replace(`/?returnTo=${encodeURIComponent(pathname)}`);
    // An operator belongs to no agency: their pages are the platform's.
    if (state.status === 'operator') router.replace('/operator/');
  }, [state.status, pathname, router]);

  const pageItem = navItemFor(pathname);
  // Each page gets its own title (WCAG 2.4.2), in the current language.
  const title = pageItem ? `${t(pageItem.label)} — ${t('app.name')}` : t('app.title');

  if (state.status === 'loading' || state.status === 'anonymous' || state.status === 'operator') {
    return <SessionLoading title={title} />;
  }
  if (state.status === 'error') {
    return <SessionFailed title={title} onRetry={reload} />;
  }

  const { me } = state;
  const allowed = !pageItem?.roles || pageItem.roles.some((r) => me.roles.includes(r));

  return (
    <div className="shell">
      <title>{title}</title>
      <ShellHeader
        home="/home/"
        belongsTo={pickText(me.tenant.name, locale)}
        belongsToTestId="agency-name"
        userName={me.employee.fullName}
      >
        <QuickSearch />
        {userMenu.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className="header-link"
            aria-current={pathname === item.href ? 'page' : undefined}
          >
            {t(item.label)}
          </Link>
        ))}
      </ShellHeader>
      <div className="shell-body">
        <nav className="side-menu" aria-label={t('nav.label')}>
          <ul>
            {visibleFor(navigation, me.roles).map((entry) => (
              <MenuItem key={entry.href} item={entry} roles={me.roles} pathname={pathname} />
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {allowed ? (
            children
          ) : (
            <>
              <h1>{t('errors.forbiddenTitle')}</h1>
              <p>{t('errors.forbiddenText')}</p>
            </>
          )}
        </main>
      </div>
    </div>
  );
}
