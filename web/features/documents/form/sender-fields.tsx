'use client';

import { useState } from 'react';
import { pickText, useI18n } from '../../../lib/i18n';
import type { ReferenceItem } from '../../../api/contract';
import { useRegistryLookup } from '../../citizen-registries/use-registry-lookup';
import { fieldBinder, ProblemAlert, SelectField, TextField } from '../../../ui/fields';
import { getCounterpart } from '../api';
import { RadioGroup } from './controls';
import { refOptions, type DocumentLookups } from './lookups';
import type { DocumentFormState } from './model';
import { NewCounterpartPanel } from './new-counterpart';
import { emptyCounterpartDraft, senderFromRegistry, type CounterpartDraft } from './sender-model';

type Errors = Record<string, string | undefined>;
type Patch = (patch: Partial<DocumentFormState>) => void;

/**
 * Who sent an incoming document: an organization of the counterparts list, or a citizen. The
 * "fill from the registry" buttons ask the passport (FİN) and business (VÖEN) registries
 * (features/citizen-registries). An organization not yet in the list is added to it from here
 * (prefilled from the business registry after a VÖEN look-up) and chosen as the sender.
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
  // Counterparts added from this form, until the page's look-ups are loaded again.
  const [added, setAdded] = useState<ReferenceItem[]>([]);
  const [draft, setDraft] = useState<CounterpartDraft>();
  const [draftSerial, setDraftSerial] = useState(0);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const counterparts = [
    ...(lookups?.counterparts ?? []),
    ...added.filter((a) => !lookups?.counterparts.some((c) => c.id === a.id)),
  ];
  const regions = lookups?.regions ?? [];
  const nameOf = (item: ReferenceItem) => pickText(item.name, locale);

  const openDraft = (next: CounterpartDraft) => {
    setDraft(next);
    setDraftSerial((n) => n + 1);
  };

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
    // The sender is the organization whether or not the counterparts list has it yet.
    const found = senderFromRegistry(form, org, counterparts, regions);
    patch(found.patch);
    if (found.matched) {
      setDraft(undefined);
      setMessage(t('doc.registry.matchedCounterpart', { name: org.name }));
    } else if (found.draft) {
      openDraft(found.draft);
      setMessage(t('doc.registry.filledOrganization', { name: org.name }));
    }
  };

  const choose = (item: ReferenceItem, text: string) => {
    setAdded((list) => (list.some((a) => a.id === item.id) ? list : [...list, item]));
    patch({
      senderKind: 'organization',
      counterpartId: item.id,
      voen: typeof item.voen === 'string' ? item.voen : form.voen,
    });
    setDraft(undefined);
    setMessage(text);
  };

  const chooseExisting = async (id: string) => {
    setFetchError(null);
    try {
      const item = counterparts.find((c) => c.id === id) ?? (await getCounterpart(id));
      choose(item, t('doc.counterpart.existing', { name: nameOf(item) }));
    } catch (err) {
      setFetchError(err);
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
          if (v === 'citizen') setDraft(undefined);
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
          {draft ? (
            <NewCounterpartPanel
              key={draftSerial}
              initial={draft}
              regions={regions}
              onAdded={(item) => choose(item, t('doc.counterpart.added', { name: nameOf(item) }))}
              onExisting={chooseExisting}
              onCancel={() => setDraft(undefined)}
            />
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() => openDraft(emptyCounterpartDraft({ voen: form.voen.trim() }))}
            >
              {t('doc.counterpart.open')}
            </button>
          )}
          <ProblemAlert error={fetchError} />
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
