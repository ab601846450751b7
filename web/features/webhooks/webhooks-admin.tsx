'use client';

import { useRef, useState } from 'react';
import {
  CheckboxField,
  CheckboxGroup,
  fieldErrorsOf,
  FormActions,
  ProblemAlert,
  StatusMessage,
  TextField,
} from '../../ui/fields';
import { LoadState, Table } from '../../ui/data-table';
import { Pager, useCursorPager } from '../../ui/pager';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy';
import { useLoad } from '../../lib/use-load';
import { webhookEventTypes, type WebhookEventType, type WebhookSubscription } from '../../api/contract';
import {
  attemptOutcome,
  createSubscription,
  deleteSubscription,
  listDeliveries,
  listSubscriptions,
  rotateSecret,
  setActive,
} from './api';

interface Draft {
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
}

const emptyDraft = (): Draft => ({ url: '', description: '', events: [], active: true });
const newKey = () => `webhook-${crypto.randomUUID()}`;

/** The secret of a new or rotated subscription: shown here once, never again. */
function SecretOnce({ secret, url, onDone }: { secret: string; url: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section className="editor-panel" aria-labelledby="webhook-secret">
      <h2 id="webhook-secret">{t('webhooks.secret.title')}</h2>
      <p className="notice" role="note">
        {t('webhooks.secret.once', { url })}
      </p>
      <p>
        <code data-testid="webhook-secret">{secret}</code>
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => void navigator.clipboard?.writeText(secret).catch(() => undefined)}
      >
        {t('webhooks.secret.copy')}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {t('webhooks.secret.done')}
      </button>
    </section>
  );
}

/** The recent deliveries of one subscription, newest first, with every attempt. */
function Deliveries({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useI18n();
  const pager = useCursorPager();
  const list = useLoad(() => listDeliveries(subscription.id, pager.cursor), [subscription.id, pager.cursor]);
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="webhook-deliveries">
      <h2 id="webhook-deliveries">{t('webhooks.deliveries.title', { url: subscription.url })}</h2>
      <button type="button" className="secondary" onClick={list.reload}>
        {t('webhooks.deliveries.refresh')}
      </button>
      <LoadState load={list} empty={items.length === 0} emptyText={t('webhooks.deliveries.empty')} />
      {items.length > 0 ? (
        <Table
          caption={t('webhooks.deliveries.caption')}
          headers={[
            t('webhooks.deliveries.created'),
            t('webhooks.fields.event'),
            t('webhooks.deliveries.state'),
            t('webhooks.deliveries.attempts'),
          ]}
        >
          {items.map((d) => (
            <tr key={d.id}>
              <th scope="row">{formatDateTime(d.createdAt)}</th>
              <td>
                {t(`webhooks.events.${d.eventType}`)}
                <br />
                <code>{d.eventId}</code>
              </td>
              <td>{t(`webhooks.states.${d.state}`)}</td>
              <td>
                {d.attempts.length === 0 ? (
                  '—'
                ) : (
                  <ol>
                    {d.attempts.map((a, i) => (
                      <li key={i}>
                        {formatDateTime(a.at)} — {attemptOutcome(a)} (
                        {t('webhooks.deliveries.ms', { ms: a.durationMs })})
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Pager label={t('webhooks.deliveries.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
    </section>
  );
}

/**
 * Webhooks for the agency's integrators (admins): subscriptions of URLs to events, each with its
 * signing secret shown once, switched on and off, deleted; the recent deliveries with attempts.
 */
export function WebhooksPage() {
  const { t } = useI18n();
  const pager = useCursorPager();
  const list = useLoad(() => listSubscriptions(pager.cursor), [pager.cursor]);
  const [draft, setDraft] = useState<Draft>();
  const [secret, setSecret] = useState<{ secret: string; url: string }>();
  const [selected, setSelected] = useState<WebhookSubscription>();
  const idempotencyKey = useRef(newKey());
  const { busy, error, setError, message, setMessage, run } = useBusyAction();
  const items = list.data?.items ?? [];
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(error), ...missing };
  const eventOptions = webhookEventTypes.map((e) => ({ value: e, label: t(`webhooks.events.${e}`) }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft || busy) return;
    setMissing(draft.events.length === 0 ? { events: t('webhooks.fields.eventsRequired') } : {});
    if (draft.events.length === 0) return;
    await run(async () => {
      const created = await createSubscription(
        {
          url: draft.url.trim(),
          events: draft.events,
          active: draft.active,
          ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
        },
        idempotencyKey.current,
      );
      idempotencyKey.current = newKey();
      setDraft(undefined);
      setSecret({ secret: created.secret, url: created.subscription.url });
      setMessage(t('webhooks.created', { url: created.subscription.url }));
      list.reload();
    });
  };

  const act = (work: () => Promise<void>) => () => void run(work);

  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p className="lead">{t('webhooks.intro')}</p>
      <StatusMessage message={message} />
      {secret ? <SecretOnce {...secret} onDone={() => setSecret(undefined)} /> : null}
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
            {t('webhooks.new')}
          </button>
        </div>
      ) : (
        <form
          className="editor-panel"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-labelledby="webhook-new"
        >
          <h2 id="webhook-new">{t('webhooks.new')}</h2>
          <TextField
            label={t('webhooks.fields.url')}
            name="url"
            value={draft.url}
            onChange={(url) => setDraft({ ...draft, url })}
            hint={t('webhooks.fields.urlHint')}
            errors={errors}
            required
          />
          <TextField
            label={t('webhooks.fields.description')}
            name="description"
            value={draft.description}
            onChange={(description) => setDraft({ ...draft, description })}
            errors={errors}
          />
          <CheckboxGroup
            legend={t('webhooks.fields.events')}
            name="events"
            options={eventOptions}
            value={draft.events}
            onChange={(events) => setDraft({ ...draft, events: events as WebhookEventType[] })}
            errors={errors}
          />
          <CheckboxField
            label={t('webhooks.fields.active')}
            name="active"
            checked={draft.active}
            onChange={(active) => setDraft({ ...draft, active })}
            errors={errors}
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
      <section aria-labelledby="webhook-list">
        <h2 id="webhook-list">{t('webhooks.list')}</h2>
        {!draft ? <ProblemAlert error={error} onReload={list.reload} /> : null}
        <LoadState load={list} empty={items.length === 0} emptyText={t('webhooks.empty')} />
        {items.length > 0 ? (
          <Table
            caption={t('webhooks.list')}
            headers={[t('webhooks.fields.url'), t('webhooks.fields.events'), t('webhooks.fields.active')]}
            actions
          >
            {items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <code>{s.url}</code>
                  {s.description ? (
                    <>
                      <br />
                      {s.description}
                    </>
                  ) : null}
                </th>
                <td>{s.events.map((e) => t(`webhooks.events.${e}`)).join(', ')}</td>
                <td>{s.active ? t('webhooks.on') : t('webhooks.off')}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => setSelected(s)}>
                    {t('webhooks.actions.deliveries', { url: s.url })}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={act(async () => {
                      await setActive(s, !s.active);
                      list.reload();
                    })}
                  >
                    {t(s.active ? 'webhooks.actions.switchOff' : 'webhooks.actions.switchOn', { url: s.url })}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={act(async () => {
                      if (!window.confirm(t('webhooks.actions.rotateConfirm', { url: s.url }))) return;
                      const rotated = await rotateSecret(s);
                      setSecret({ secret: rotated.secret, url: s.url });
                      list.reload();
                    })}
                  >
                    {t('webhooks.actions.rotate', { url: s.url })}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={act(async () => {
                      if (!window.confirm(t('webhooks.actions.deleteConfirm', { url: s.url }))) return;
                      await deleteSubscription(s);
                      if (selected?.id === s.id) setSelected(undefined);
                      setMessage(t('webhooks.deleted', { url: s.url }));
                      list.reload();
                    })}
                  >
                    {t('webhooks.actions.delete', { url: s.url })}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
        <Pager label={t('webhooks.pager')} pager={pager} nextCursor={list.data?.nextCursor} />
      </section>
      {selected ? <Deliveries subscription={selected} /> : null}
    </>
  );
}
