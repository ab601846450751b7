'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { SessionFailed, SessionLoading } from './session-pages';
import { ShellHeader } from './shell-header';

/**
 * The frame of the platform operator's pages: no agency, no side menu — the operator onboards
 * agencies and works in none of them. Agency users who land here are told so.
 */
export function OperatorShell({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  const { state, reload } = useSession();
  const pathname = usePathname() ?? '/';
  const router = useRouter();

  useEffect(() => {
    if (state.status === 'anonymous') router.replace(`/?returnTo=${encodeURIComponent(pathname)}`);
  }, [state.status, pathname, router]);

  const title = `${t('operator.title')} — ${t('app.name')}`;
  if (state.status === 'loading' || state.status === 'anonymous') {
    return <SessionLoading title={title} />;
  }
  if (state.status === 'error') {
    return <SessionFailed title={title} onRetry={reload} />;
  }
  if (state.status === 'authenticated') {
    return (
      <main id="main" className="centered">
        <title>{title}</title>
        <h1>{t('errors.forbiddenTitle')}</h1>
        <p>{t('operator.notOperator')}</p>
        <Link href="/home/">{t('operator.toAgency')}</Link>
      </main>
    );
  }

  return (
    <div className="shell">
      <title>{title}</title>
      <ShellHeader
        home="/operator/"
        belongsTo={t('operator.role')}
        belongsToTestId="platform-role"
        userName={state.operator.username}
      />
      <div className="shell-body">
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
