'use client';

import { useI18n } from '../../../lib/i18n';
import { fieldBinder, SelectField, TextField } from '../../../ui/fields';
import { refOptions, type DocumentLookups } from './lookups';
import { newRecipient, type RecipientRow } from './model';

type Errors = Record<string, string | undefined>;

/** Recipients of an outgoing document: each a counterpart of the list, or a name with an e-mail. */
export function RecipientsFields({
  rows,
  onChange,
  errors,
  lookups,
}: {
  rows: RecipientRow[];
  onChange: (rows: RecipientRow[]) => void;
  errors: Errors;
  lookups: DocumentLookups | undefined;
}) {
  const { t, locale } = useI18n();
  const counterparts = lookups?.counterparts ?? [];
  // Agencies on the platform receive the document in their queue (exchange).
  const onPlatform = new Set(counterparts.filter((c) => c.onPlatform === true).map((c) => c.id));
  const update = (i: number, patch: Partial<RecipientRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const groupError = errors.recipients;
  return (
    <fieldset className="field-group" aria-describedby={groupError ? 'recipients-err' : undefined}>
      <legend>
        {t('doc.recipients.legend')} <span className="required">({t('form.required')})</span>
      </legend>
      {groupError ? (
        <p id="recipients-err" className="field-error">
          {groupError}
        </p>
      ) : null}
      {rows.map((row, i) => {
        const n = i + 1;
        const bind = fieldBinder(row, (patch) => update(i, patch), errors, `recipients.${i}.`);
        return (
          <fieldset key={row.key} className="field-group doc-recipient">
            <legend>{t('doc.recipients.item', { n })}</legend>
            <SelectField
              label={t('doc.recipients.counterpart')}
              {...bind('counterpartId')}
              onChange={(v) => {
                const c = counterparts.find((x) => x.id === v);
                update(i, {
                  counterpartId: v,
                  ...(c && typeof c.email === 'string' && !row.email ? { email: c.email } : {}),
                });
              }}
              options={refOptions(counterparts, locale, row.counterpartId).map((o) =>
                onPlatform.has(o.value) ? { ...o, label: `${o.label} — ${t('exchange.onPlatform')}` } : o,
              )}
              emptyLabel={t('doc.recipients.noCounterpart')}
            />
            <TextField
              label={t('doc.recipients.name')}
              {...bind('name')}
              hint={t('doc.recipients.nameHint')}
            />
            <div className="field-row">
              <TextField label={t('doc.recipients.email')} type="email" {...bind('email')} />
              <TextField label={t('doc.recipients.contactPerson')} {...bind('contactPerson')} />
            </div>
            {rows.length > 1 ? (
              <button
                type="button"
                className="secondary small"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('doc.recipients.remove', { n })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...rows, newRecipient()])}>
        {t('doc.recipients.add')}
      </button>
    </fieldset>
  );
}
