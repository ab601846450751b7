'use client';

import Link from 'next/link';
import { pickText, useI18n } from '../../lib/i18n';
import { navigation, visibleFor } from './nav';
import { useSession } from '../../lib/session';

/** The signed-in start page: who I am, my roles, and the sections I may open (`adminNotice`: shown to admins). */
export function HomePage({ adminNotice }: { adminNotice?: React.ReactNode }) {
  const { t, locale } = useI18n();
  const { state } = useSession();
  if (state.status !== 'authenticated') return null;
  const { me } = state;
  return (
    <>
      <h1>{t('home.title', { name: me.employee.fullName })}</h1>
      <p className="lead">{pickText(me.tenant.name, locale)}</p>
      {me.roles.includes('admin') ? adminNotice : null}
      <p>
        {t('home.roles')}: {me.roles.map((r) => t(`roles.${r}`)).join(', ') || '—'}
      </p>
      <h2>{t('home.sections')}</h2>
      <ul className="card-grid">
        {visibleFor(navigation, me.roles).map((item) => (
          <li key={item.href} className="card">
            <Link href={item.href}>{t(item.label)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
