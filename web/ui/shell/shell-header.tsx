'use client';

import Link from 'next/link';
import { useI18n } from '../../lib/i18n';
import { LanguageSwitch } from '../language-switch';
import { LogoutButton } from './logout-button';

/**
 * The top of every signed-in page, the agency's and the operator's: the skip link, the brand
 * (linking `home`) with who the pages belong to, and the signed-in user with the page's own links,
 * the language switch and sign-out.
 */
export function ShellHeader({
  home,
  belongsTo,
  belongsToTestId,
  userName,
  children,
}: {
  home: string;
  belongsTo: string;
  belongsToTestId: string;
  userName: string;
  /** Links between the user's name and the language switch. */
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link href={home} className="brand-name">
            {t('app.name')}
          </Link>
          <span className="agency" data-testid={belongsToTestId}>
            {belongsTo}
          </span>
        </div>
        <div className="header-tools">
          <span className="user-name" data-testid="user-name">
            <span className="visually-hidden">{t('header.signedInAs')} </span>
            {userName}
          </span>
          {children}
          <LanguageSwitch />
          <LogoutButton />
        </div>
      </header>
    </>
  );
}
