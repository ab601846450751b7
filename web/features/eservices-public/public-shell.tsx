'use client';

import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../../ui/language-switch';
import { useI18n, type Translate } from '../../lib/i18n';
import type { ServiceLevel } from './types';
import { formatMoney } from './form-model';
import './eservices-public.css';

/** The query of the page's address (static export: no dynamic segments), once in the browser. */
export function useQuery(): URLSearchParams | undefined {
  const [query, setQuery] = useState<URLSearchParams>();
  useEffect(() => setQuery(new URLSearchParams(window.location.search)), []);
  return query;
}

/** A link within the public pages, with the agency (and what else is given) in the query. */
export function publicHref(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The frame of every public page: the header with the menu and the language, then the page. */
export function PublicShell({
  title,
  agency,
  current,
  children,
}: {
  title: string;
  agency?: string;
  current?: 'catalogue' | 'status' | 'verify';
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const links = [
    ['catalogue', publicHref('/e/', { agency })],
    ['status', publicHref('/e/status/', { agency })],
    ['verify', '/e/verify/'],
  ] as const;
  return (
    <div className="landing eserv">
      <title>{`${title} — ${t('eservicesPublic.brand')}`}</title>
      <header className="landing-header">
        <a className="brand-name" href={publicHref('/e/', { agency })}>
          {t('eservicesPublic.brand')}
        </a>
        <nav className="eserv-nav" aria-label={t('eservicesPublic.nav.label')}>
          <ul>
            {links
              .filter(([key]) => key === 'verify' || agency)
              .map(([key, href]) => (
                <li key={key}>
                  <a href={href} aria-current={current === key ? 'page' : undefined}>
                    {t(`eservicesPublic.nav.${key}`)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" className="landing-main eserv-main">
        {children}
      </main>
    </div>
  );
}

/** The service level as a person reads it: "3 working days", "3 hours, non-working days included". */
export function levelText(level: ServiceLevel, t: Translate): string {
  if (level.unit === 'days') {
    return t(
      level.countNonWorkingDays ? 'eservicesPublic.level.calendarDays' : 'eservicesPublic.level.workingDays',
      {
        n: level.days,
      },
    );
  }
  return t(level.countNonWorkingDays ? 'eservicesPublic.level.hours' : 'eservicesPublic.level.workingHours', {
    n: level.hours,
  });
}

/** A fee per person, or "free". */
export function feeText(fee: { amount: number; currency: string }, t: Translate): string {
  return fee.amount === 0 ? t('eservicesPublic.variant.free') : formatMoney(fee.amount, fee.currency);
}

/** The page's message when the address names no agency. */
export function NoAgency() {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('eservicesPublic.noAgency')}</p>
    </div>
  );
}
