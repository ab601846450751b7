'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { parseDisplayDate, toDisplayDate } from '../../lib/dates';
import { pickText, useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { LoadState, Table } from '../../ui/data-table';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { Pager, useCursorPager } from '../../ui/pager';
import {
  applicationPath,
  applicationStates,
  filterKeys,
  listApplications,
  publishedServices,
  type Filters,
} from './api';
import { LevelText } from './level';
import './eservices-officer.css';

/** The filters of the address (`?service=…&state=…&q=…&submittedFrom=yyyy-MM-dd&…&overdue=true`). */
function readFilters(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

function writeAddress(service: string, filters: Filters) {
  const params = new URLSearchParams();
  if (service) params.set('service', service);
  for (const key of filterKeys) if (filters[key]) params.set(key, filters[key]!);
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

/** What the filter row's fields hold while typed (dates as dd.MM.yyyy). */
interface Draft {
  state: string;
  q: string;
  from: string;
  to: string;
  overdue: boolean;
}

const draftOf = (f: Filters): Draft => ({
  state: f.state ?? '',
  q: f.q ?? '',
  from: toDisplayDate(f.submittedFrom),
  to: toDisplayDate(f.submittedTo),
  overdue: f.overdue === 'true',
});

/**
 * E-xidmət müraciətləri: a published service's applications, newest first, with the filter row
 * (state, number / name / passport / FİN, submitted days, overdue only) sent to the API and kept in
 * the address; paged by the API's cursor; each number opens the decision view.
 */
export function ApplicationsList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const tenantId = session.state.status === 'authenticated' ? session.state.me.tenant.id : undefined;
  const params = useSearchParams();
  const search = params?.toString() ?? '';
  const address = useMemo(() => new URLSearchParams(search), [search]);
  const filters = useMemo(() => readFilters(address), [address]);
  const filterKey = JSON.stringify(filters);

  const services = useLoad(async () => (tenantId ? publishedServices(tenantId) : undefined), [tenantId]);
  const chosen = address.get('service') ?? services.data?.[0]?.code ?? '';
  const service = services.data?.find((s) => s.code === chosen);

  const [draft, setDraft] = useState<Draft>(() => draftOf(filters));
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  useEffect(() => setDraft(draftOf(filters)), [filterKey]);

  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(() => reset(), [chosen, filterKey, reset]);
  const page = useLoad(
    async () => (chosen ? listApplications(chosen, filters, pager.cursor) : undefined),
    [chosen, filterKey, pager.cursor],
  );

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const from = parseDisplayDate(draft.from);
    const to = parseDisplayDate(draft.to);
    const errors: Record<string, string> = {};
    if (from === undefined) errors.submittedFrom = t('eservicesOfficer.list.badDate');
    if (to === undefined) errors.submittedTo = t('eservicesOfficer.list.badDate');
    setDateErrors(errors);
    if (Object.keys(errors).length > 0) return;
    writeAddress(chosen, {
      ...(draft.state ? { state: draft.state } : {}),
      ...(draft.q.trim() ? { q: draft.q.trim() } : {}),
      ...(from ? { submittedFrom: from } : {}),
      ...(to ? { submittedTo: to } : {}),
      ...(draft.overdue ? { overdue: 'true' } : {}),
    });
  };
  const clear = () => {
    setDateErrors({});
    writeAddress(chosen, {});
  };

  const title = t('eservicesOfficer.list.title');
  const rows = page.data?.items ?? [];
  const variantName = (code: string) => {
    const v = service?.variants.find((x) => x.code === code);
    return v ? pickText(v.name, locale) : code;
  };
  const serviceName = service ? pickText(service.name, locale) : chosen;

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t('eservicesOfficer.list.lead')}</p>
      <LoadState
        load={services}
        empty={services.data?.length === 0}
        emptyText={t('eservicesOfficer.list.noServices')}
      />
      {services.data && services.data.length > 0 ? (
        <>
          <div className="eoff-service">
            <SelectField
              label={t('eservicesOfficer.list.service')}
              name="service"
              value={chosen}
              onChange={(code) => writeAddress(code, filters)}
              options={services.data.map((s) => ({ value: s.code, label: pickText(s.name, locale) }))}
            />
          </div>

          <form className="eoff-filters" onSubmit={apply} role="search" aria-labelledby="eoff-filters-title">
            <h2 id="eoff-filters-title" className="visually-hidden">
              {t('eservicesOfficer.list.filters')}
            </h2>
            <SelectField
              label={t('eservicesOfficer.list.state')}
              name="state"
              value={draft.state}
              onChange={(state) => setDraft({ ...draft, state })}
              emptyLabel={t('eservicesOfficer.list.anyState')}
              options={applicationStates.map((s) => ({
                value: s,
                label: t(`eservicesPublic.status.states.${s}`),
              }))}
            />
            <TextField
              label={t('eservicesOfficer.list.q')}
              name="q"
              value={draft.q}
              onChange={(q) => setDraft({ ...draft, q })}
              hint={t('eservicesOfficer.list.qHint')}
            />
            <TextField
              label={t('eservicesOfficer.list.submittedFrom')}
              name="submittedFrom"
              value={draft.from}
              onChange={(from) => setDraft({ ...draft, from })}
              errors={dateErrors}
              hint={t('eservicesOfficer.list.dateHint')}
            />
            <TextField
              label={t('eservicesOfficer.list.submittedTo')}
              name="submittedTo"
              value={draft.to}
              onChange={(to) => setDraft({ ...draft, to })}
              errors={dateErrors}
              hint={t('eservicesOfficer.list.dateHint')}
            />
            <CheckboxField
              label={t('eservicesOfficer.list.overdue')}
              name="overdue"
              checked={draft.overdue}
              onChange={(overdue) => setDraft({ ...draft, overdue })}
            />
            <div className="form-actions">
              <button type="submit" className="primary">
                {t('eservicesOfficer.list.apply')}
              </button>
              <button type="button" className="secondary" onClick={clear}>
                {t('eservicesOfficer.list.clear')}
              </button>
            </div>
          </form>

          <LoadState
            load={page}
            empty={rows.length === 0}
            emptyText={
              page.data?.nextCursor ? t('eservicesOfficer.list.more') : t('eservicesOfficer.list.empty')
            }
          />
          {rows.length > 0 ? (
            <Table
              caption={t('eservicesOfficer.list.caption', { service: serviceName })}
              headers={[
                t('eservicesOfficer.list.columns.number'),
                t('eservicesOfficer.list.columns.applicants'),
                t('eservicesOfficer.list.columns.variant'),
                t('eservicesOfficer.list.columns.state'),
                t('eservicesOfficer.list.columns.level'),
              ]}
            >
              {rows.map((row) => (
                <tr
                  key={row.number}
                  className={row.level?.overdue ? 'eoff-overdue-row' : undefined}
                  data-number={row.number}
                >
                  <th scope="row">
                    <a
                      href={applicationPath(row.number)}
                      aria-label={t('eservicesOfficer.list.open', { number: row.number })}
                    >
                      {row.number}
                    </a>
                    {row.registrationNumber ? (
                      <span className="hint eoff-reg">{row.registrationNumber}</span>
                    ) : null}
                  </th>
                  <td>{row.applicants.join(', ')}</td>
                  <td>{variantName(row.variant)}</td>
                  <td>{t(`eservicesPublic.status.states.${row.state}`)}</td>
                  <td>
                    <LevelText level={row.level} t={t} />
                  </td>
                </tr>
              ))}
            </Table>
          ) : null}
          <Pager pager={pager} nextCursor={page.data?.nextCursor} label={t('eservicesOfficer.list.pager')} />
        </>
      ) : null}
    </>
  );
}
