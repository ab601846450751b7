'use client';

import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useRegistryLookup } from '../../citizen-registries/use-registry-lookup';
import { fieldBinder, SelectField, TextField } from '../../../ui/fields';
import { RadioGroup } from './controls';
import { refOptions, type DocumentLookups } from './lookups';
import type { DocumentFormState } from './model';

type Errors = Record<string, string | undefined>;
type Patch = (patch: Partial<DocumentFormState>) => void;

/**
 * Who sent an incoming document: an organization of the counterparts list, or a citizen. The
 * "fill from the registry" buttons ask the passport (FİN) and business (VÖEN) registries
 * (features/citizen-registries).
 */
export function SenderFields({
  form,
  patch,
  errors,
  lookups,
}: {
  form: DocumentFormState;
  patch: Patch;
  errors: Errors;
  lookups: DocumentLookups | undefined;
}) {
  const { t, locale } = useI18n();
  const lookup = useRegistryLookup();
  const { busy } = lookup;
  const [message, setMessage] = useState('');
  const counterparts = lookups?.counterparts ?? [];

  const fillPerson = async () => {
    setMessage('');
    const person = await lookup.person(form.fin, 'sender.fin');
    if (!person) return;
    const name = [person.surname, person.name, person.patronymic].filter(Boolean).join(' ');
    patch({
      fin: person.fin,
      senderName: name,
      address: person.address,
      phone: person.phone ?? '',
      email: person.email ?? '',
    });
    setMessage(t('doc.registry.filledPerson', { name }));
  };

  const fillOrganization = async () => {
    setMessage('');
    const org = await lookup.organization(form.voen, 'voen');
    if (!org) return;
    const match = counterparts.find((c) => c.active && c.voen === org.voen);
    if (match) {
      patch({
        counterpartId: match.id,
        ...(org.director && !form.contactPerson ? { contactPerson: org.director } : {}),
      });
      setMessage(t('doc.registry.matchedCounterpart', { name: org.name }));
    } else {
      // Not in the counterparts list: register the sender by name (and address) as given.
      patch({
        senderKind: 'citizen',
        senderName: org.name,
        address: org.address,
        phone: org.phone ?? '',
        email: org.email ?? '',
        fin: '',
      });
      setMessage(t('doc.registry.filledOrganization', { name: org.name }));
    }
  };

  const bind = fieldBinder(form, patch, { ...errors, ...lookup.errors });
  /** A registry number with the button that fills the sender from the registry. */
  const registryField = (field: React.ReactElement, fill: () => Promise<void>) => (
    <div className="doc-lookup">
      {field}
      <button type="button" className="secondary" onClick={fill} disabled={busy}>
        {t('doc.registry.fill')}
      </button>
    </div>
  );
  return (
    <fieldset className="field-group">
      <legend>{t('doc.sender.legend')}</legend>
      <RadioGroup
        legend={t('doc.sender.kind')}
        name="senderKind"
        value={form.senderKind}
        options={[
          { value: 'citizen', label: t('doc.sender.citizen') },
          { value: 'organization', label: t('doc.sender.organization') },
        ]}
        onChange={(v) => {
          setMessage('');
          lookup.clear();
          patch({ senderKind: v as DocumentFormState['senderKind'] });
        }}
      />
      {form.senderKind === 'citizen' ? (
        <>
          {registryField(
            <TextField
              label={t('doc.sender.fin')}
              {...bind('fin', 'sender.fin')}
              hint={t('doc.sender.finHint')}
            />,
            fillPerson,
          )}
          <TextField label={t('doc.sender.name')} {...bind('senderName', 'sender.name')} required />
          <TextField label={t('doc.sender.address')} {...bind('address', 'sender.address')} />
          <div className="field-row">
            <TextField label={t('doc.sender.phone')} type="tel" {...bind('phone', 'sender.phone')} />
            <TextField label={t('doc.sender.email')} type="email" {...bind('email', 'sender.email')} />
          </div>
        </>
      ) : (
        <>
          {registryField(
            <TextField label={t('doc.sender.voen')} {...bind('voen')} hint={t('doc.sender.voenHint')} />,
            fillOrganization,
          )}
          <SelectField
            label={t('doc.sender.counterpart')}
            {...bind('counterpartId', 'sender.counterpartId')}
            onChange={(v) => {
              const c = counterparts.find((x) => x.id === v);
              patch({ counterpartId: v, voen: typeof c?.voen === 'string' ? c.voen : form.voen });
            }}
            options={refOptions(counterparts, locale, form.counterpartId)}
            emptyLabel={t('common.choose')}
            required
          />
          <TextField
            label={t('doc.sender.contactPerson')}
            {...bind('contactPerson', 'sender.contactPerson')}
          />
        </>
      )}
      <div role="status" aria-live="polite" className="doc-status-line">
        {message ? <p className="hint">{message}</p> : null}
      </div>
    </fieldset>
  );
}
