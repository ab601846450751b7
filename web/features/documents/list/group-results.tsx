'use client';

import { StatusMessage } from '../../../ui/fields';
import { Table } from '../../../ui/data-table';
import { useI18n } from '../../../lib/i18n';
import type { GroupResult } from './api';

/** The progress of a group operation: a bar and "12 / 40", read out as it moves. */
export function GroupProgress({ done, total }: { done: number; total: number }) {
  const { t } = useI18n();
  return (
    <div className="doclist-progress">
      <progress max={total} value={done} aria-label={t('docList.bulk.progress')} />
      <span role="status">{t('docList.bulk.count', { done, total })}</span>
    </div>
  );
}

/**
 * A group operation's result per document: done, or refused with the reason (the app's own words
 * for the codes it knows, else the server's localized title).
 */
export function GroupResults({
  results,
  nameOf,
  words = 'bulk',
}: {
  results: GroupResult[];
  nameOf: (id: string) => string;
  /** `group` for the field change (its own "changed / not changed" words). */
  words?: 'group' | 'bulk';
}) {
  const { t } = useI18n();
  const reason = (r: GroupResult) => {
    const key = `docList.group.codes.${r.code ?? ''}`;
    const text = t(key);
    return text === key ? (r.title ?? r.code ?? '') : text;
  };
  const okCount = results.filter((r) => r.ok).length;
  return (
    <>
      <StatusMessage
        message={t(`docList.${words}.summary`, { ok: okCount, failed: results.length - okCount })}
      />
      <Table
        wrapClassName="doclist-results"
        caption={t('docList.group.results')}
        headers={[t('docList.group.document'), t('docList.group.result')]}
      >
        {results.map((r) => (
          <tr key={r.id}>
            <th scope="row">{nameOf(r.id)}</th>
            <td className={r.ok ? 'doclist-ok' : 'doclist-failed'}>
              {r.ok ? t(`docList.${words}.ok`) : t(`docList.${words}.failed`, { reason: reason(r) })}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
