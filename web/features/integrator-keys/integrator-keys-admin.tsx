'use client';

import { useRef, useState } from 'react';
import { fieldErrorsOf, FormActions, ProblemAlert, StatusMessage, TextField } from '../../ui/fields';
import { LoadState, Table } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy';
import { useLoad } from '../../lib/use-load';
import type { IntegratorKey } from '../../api/contract';
import { createIntegratorKey, listIntegratorKeys, REQUESTS_PER_MINUTE, revokeIntegratorKey } from './api';

interface Draft {
  name: string;
  requestsPerMinute: string;
}

const emptyDraft = (): Draft => ({ name: '', requestsPerMinute: String(REQUESTS_PER_MINUTE.default) });
const newIdempotencyKey = () => `integrator-key-${crypto.randomUUID()}`;

/** A new key: shown here once, never again (the store keeps only its digest). */
function KeyOnce({ apiKey, name, onDone }: { apiKey: string; name: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section className="editor-panel" aria-labelledby="integrator-key-secret">
      <h2 id="integrator-key-secret">{t('integratorKeys.secret.title')}</h2>
      <p className="notice" role="note">
        {t('integratorKeys.secret.once', { name })}
      </p>
      <p>
        <code data-testid="integrator-key-secret">{apiKey}</code>
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => void navigator.clipboard?.writeText(apiKey).catch(() => undefined)}
      >
        {t('integratorKeys.secret.copy')}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {t('integratorKeys.secret.done')}
      </button>
    </section>
  );
}

/**
 * Integrators' API keys (admins): the live keys with their requests a minute, each revoked after a
 * confirmation; the revoked ones on request; a new key made with its limit and shown once.
 */
export function IntegratorKeysPage() {
  const { t } = useI18n();
  const pager = useCursorPager();
  const [showRevoked, setShowRevoked] = useState(false);
  const list = useLoad(() => listIntegratorKeys(showRevoked, pager.cursor), [showRevoked, pager.cursor]);
  const [draft, setDraft] = useState<Draft>();
  const [created, setCreated] = useState<{ apiKey: string; name: string }>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const { busy, error, setError, message, setMessage, run } = useBusyAction();
  const items = list.data?.items ?? [];
  const errors = fieldErrorsOf(error);
  const listTitle = t(showRevoked ? 'integratorKeys.revokedList' : 'integratorKeys.list');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft || busy) return;
    await run(async () => {
      const answer = await createIntegratorKey(
        { name: draft.name.trim(), requestsPerMinute: Number(draft.requestsPerMinute.trim()) },
        idempotencyKey.current,
      );
      idempotencyKey.current = newIdempotencyKey();
      setDraft(undefined);
      const name = answer.integratorKey.name;
      if (answer.key) setCreated({ apiKey: answer.key, name });
      setMessage(t('integratorKeys.created', { name }));
      list.reload();
    });
  };

  const revoke = (key: IntegratorKey) => () =>
    void run(async () => {
      if (!window.confirm(t('integratorKeys.actions.revokeConfirm', { name: key.name }))) return;
      await revokeIntegratorKey(key);
      setMessage(t('integratorKeys.revoked', { name: key.name }));
      list.reload();
    });

  const headers = [
    t('integratorKeys.fields.name'),
    t('integratorKeys.fields.prefix'),
    t('integratorKeys.fields.requestsPerMinute'),
    t('integratorKeys.fields.createdAt'),
    ...(showRevoked ? [t('integratorKeys.fields.revokedAt')] : []),
  ];

  return (
    <>
      <h1>{t('integratorKeys.title')}</h1>
      <p className="lead">{t('integratorKeys.intro')}</p>
      <StatusMessage message={message} />
      {created ? <KeyOnce {...created} onDone={() => setCreated(undefined)} /> : null}
      {!draft ? (
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setError(null);
              setMessage('');
              setDraft(emptyDraft());
            }}
          >
            {t('integratorKeys.new')}
          </button>
        </div>
      ) : (
        <form
          className="editor-panel"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-labelledby="integrator-key-new"
        >
          <h2 id="integrator-key-new">{t('integratorKeys.new')}</h2>
          <TextField
            label={t('integratorKeys.fields.name')}
            name="name"
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            hint={t('integratorKeys.fields.nameHint')}
            errors={errors}
            required
          />
          <TextField
            label={t('integratorKeys.fields.requestsPerMinute')}
            name="requestsPerMinute"
            type="number"
            min={REQUESTS_PER_MINUTE.min}
            value={draft.requestsPerMinute}
            onChange={(requestsPerMinute) => setDraft({ ...draft, requestsPerMinute })}
            hint={t('integratorKeys.fields.requestsPerMinuteHint', {
              min: REQUESTS_PER_MINUTE.min,
              max: REQUESTS_PER_MINUTE.max,
            })}
            errors={errors}
            required
          />
          <ProblemAlert error={error} />
          <FormActions
            busy={busy}
            onCancel={() => {
              setError(null);
              setDraft(undefined);
            }}
          />
        </form>
      )}
      <section aria-labelledby="integrator-key-list">
        <h2 id="integrator-key-list">{listTitle}</h2>
        <div className="toolbar">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              pager.reset();
              setShowRevoked(!showRevoked);
            }}
          >
            {t(showRevoked ? 'integratorKeys.showLive' : 'integratorKeys.showRevoked')}
          </button>
        </div>
        {!draft ? <ProblemAlert error={error} onReload={list.reload} /> : null}
        <LoadState
          load={list}
          empty={items.length === 0}
          emptyText={t(showRevoked ? 'integratorKeys.emptyRevoked' : 'integratorKeys.empty')}
        />
        {items.length > 0 ? (
          <Table caption={listTitle} headers={headers} actions={!showRevoked}>
            {items.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>
                  <code>{k.prefix}</code>
                </td>
                <td>{k.requestsPerMinute}</td>
                <td>{formatDateTime(k.createdAt)}</td>
                {showRevoked ? (
                  <td>{formatDateTime(k.revokedAt)}</td>
                ) : (
                  <td className="row-actions">
                    <button type="button" className="secondary" disabled={busy} onClick={revoke(k)}>
                      {t('integratorKeys.actions.revoke', { name: k.name })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </Table>
        ) : null}
        <Pager label={t('integratorKeys.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
      </section>
    </>
  );
}
