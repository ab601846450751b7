'use client';

import { useEffect, useState } from 'react';
import { publicApi, type Page } from '../../lib/api';
import { pickText, useI18n } from '../../lib/i18n';
import { Loading } from '../../ui/loading';
import { ProblemAlert } from '../../ui/fields';
import type { CatalogueEntry } from './types';
import { NoAgency, PublicShell, feeText, levelText, publicHref, useQuery } from './public-shell';

/** `/e/?agency=…`: the agency's published e-services, each with its options, fees and terms. */
export function CataloguePage() {
  const { t, locale } = useI18n();
  const query = useQuery();
  const agency = query?.get('agency') ?? undefined;
  const [items, setItems] = useState<CatalogueEntry[]>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!agency) return;
    const all: CatalogueEntry[] = [];
    const load = async (cursor?: string): Promise<void> => {
      const page = await publicApi<Page<CatalogueEntry>>(`/agencies/${encodeURIComponent(agency)}/services`, {
        query: { limit: 100, cursor },
      });
      all.push(...page.items);
      if (page.nextCursor && all.length < 500) await load(page.nextCursor);
    };
    load()
      .then(() => setItems(all))
      .catch(setError);
  }, [agency]);

  return (
    <PublicShell title={t('eservicesPublic.catalogue.title')} agency={agency} current="catalogue">
      <h1>{t('eservicesPublic.catalogue.title')}</h1>
      <p className="lead">{t('eservicesPublic.catalogue.lead')}</p>
      {query && !agency ? <NoAgency /> : null}
      <ProblemAlert error={error} />
      {agency && !items && !error ? <Loading /> : null}
      {items && items.length === 0 ? <p>{t('eservicesPublic.catalogue.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="eserv-catalogue">
          {items.map((s) => {
            const name = pickText(s.name, locale);
            const headingId = `eserv-service-${s.code}`;
            return (
              <li key={s.code}>
                <article className="eserv-card" aria-labelledby={headingId}>
                  <h2 id={headingId}>{name}</h2>
                  <p>{pickText(s.description, locale)}</p>
                  <h3>{t('eservicesPublic.catalogue.variants')}</h3>
                  <ul className="eserv-variants">
                    {s.variants.map((v) => (
                      <li key={v.code} data-variant={v.code}>
                        <strong>{pickText(v.name, locale)}</strong>
                        {v.description ? (
                          <span className="hint">{pickText(v.description, locale)}</span>
                        ) : null}
                        <span>
                          {t('eservicesPublic.variant.fee')}: {feeText(v.fee, t)}
                        </span>
                        <span>
                          {t('eservicesPublic.variant.term')}: {levelText(v.level, t)}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {s.maxApplicants > 1 ? (
                    <p className="hint">{t('eservicesPublic.catalogue.group', { max: s.maxApplicants })}</p>
                  ) : null}
                  <a
                    className="eserv-button primary"
                    href={publicHref('/e/service/', { agency, code: s.code })}
                  >
                    {t('eservicesPublic.catalogue.apply', { name })}
                  </a>
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
    </PublicShell>
  );
}
