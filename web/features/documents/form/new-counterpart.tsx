'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import type { ReferenceItem } from '../../../api/contract';
import { CheckboxField, ProblemAlert, SelectField, TextField, fieldErrorsOf } from '../../../ui/fields';
import { addCounterpart } from '../api';
import { treeOptions } from './lookups';
import { counterpartBody, type CounterpartDraft } from './sender-model';

type Errors = Record<string, string | undefined>;

/**
 * A new organization for the counterparts list, added by the registry clerk without leaving the
 * registration form (POST /counterparts). A VÖEN already in the list is refused by the API; the
 * counterpart that holds it is then chosen instead (`onExisting`).
 */
export function NewCounterpartPanel({
  initial,
  regions,
  onAdded,
  onExisting,
  onCancel,
}: {
  initial: CounterpartDraft;
  regions: ReferenceItem[];
  onAdded: (item: ReferenceItem) => void;
  onExisting: (id: string) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per panel: a retried add (lost answer, double click) adds the organization once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const set = (patch: Partial<CounterpartDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const bind = (
    key: Exclude<keyof CounterpartDraft, 'receivesElectronically' | 'kind'>,
    name: string = key,
  ) => ({
    name,
    value: draft[key],
    onChange: (value: string) => set({ [key]: value }),
    errors,
  });

  const add = async () => {
    if (busy) return;
    const { body, errors: clientErrors } = counterpartBody(draft, t);
    setErrors(clientErrors);
    setError(null);
    if (Object.keys(clientErrors).length > 0) return;
    setBusy(true);
    try {
      onAdded(await addCounterpart(body, idempotencyKey));
    } catch (err) {
      if (err instanceof ApiError && err.problem.code === 'duplicate_voen' && err.problem.existingId) {
        onExisting(err.problem.existingId);
        return;
      }
      setError(err);
      setErrors(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="doc-new-counterpart" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('doc.counterpart.heading')}
      </h3>
      <p className="hint">{t('doc.counterpart.intro')}</p>
      <TextField label={t('doc.counterpart.name')} {...bind('name', 'name.az')} required lang="az" />
      <div className="field-row">
        <SelectField
          label={t('doc.counterpart.kind')}
          name="kind"
          value={draft.kind}
          onChange={(v) => set({ kind: v as CounterpartDraft['kind'] })}
          options={[
            { value: 'organization', label: t('lists.enums.kind.organization') },
            { value: 'state-body', label: t('lists.enums.kind.state-body') },
          ]}
          errors={errors}
        />
        <TextField label={t('doc.sender.voen')} {...bind('voen')} hint={t('doc.sender.voenHint')} />
      </div>
      <SelectField
        label={t('doc.counterpart.region')}
        {...bind('regionId')}
        options={treeOptions(regions, locale, draft.regionId, false)}
        emptyLabel={t('common.none')}
      />
      <div className="field-row">
        <TextField label={t('doc.counterpart.address')} {...bind('address')} />
        <TextField label={t('doc.counterpart.postalCode')} {...bind('postalCode')} hint="AZ1000" />
      </div>
      <div className="field-row">
        <TextField label={t('doc.sender.email')} type="email" {...bind('email')} />
        <TextField label={t('doc.sender.phone')} type="tel" {...bind('phone')} />
      </div>
      <CheckboxField
        label={t('doc.counterpart.receivesElectronically')}
        name="receivesElectronically"
        checked={draft.receivesElectronically}
        onChange={(v) => set({ receivesElectronically: v })}
        errors={errors}
      />
      <ProblemAlert error={error} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={add} disabled={busy}>
          {busy ? t('doc.counterpart.adding') : t('doc.counterpart.add')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </section>
  );
}
