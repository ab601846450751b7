'use client';

import Link from 'next/link';
import { useI18n } from '../../lib/i18n';
import { referenceLists } from '../../ui/shell/nav';

export function ListsIndexPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('nav.lists')}</h1>
      <p className="lead">{t('lists.intro')}</p>
      <ul className="card-grid">
        {referenceLists.map((list) => (
          <li key={list} className="card">
            <Link href={`/lists/${list}/`}>{t(`lists.names.${list}`)}</Link>
            <p className="muted">{t(`lists.descriptions.${list}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
