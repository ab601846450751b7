'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { stageKinds, stageModes, type ApprovalPeople, type StageKind, type StageMode } from './api';
import { optionsOf, SelectField, TextAreaField, TextField, type Option } from '../../ui/fields';
import { DateField, RadioGroup } from '../documents/form/controls';
import {
  deadlineForms,
  participantKey,
  participantLabel,
  personOptions,
  positionOptions,
  toDraft,
  type DeadlineForm,
  type StageDraft,
} from './model';
import './route.css';

type Errors = Record<string, string | undefined>;

/** The first error the API (or the client) reported on a stage's participants, whatever the index. */
function participantsError(errors: Errors, index: number): string | undefined {
  const at = `stages.${index}.participants`;
  if (errors[at]) return errors[at];
  const key = Object.keys(errors).find((k) => k.startsWith(`${at}.`) && errors[k]);
  return key ? errors[key] : undefined;
}

/** A pick list of positions or people and the button that adds the one chosen to the stage. */
function AddParticipant(props: {
  label: string;
  name: string;
  options: Option[];
  addLabel: string;
  onAdd: (id: string) => void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState('');
  return (
    <div className="field-row route-add-row">
      <SelectField
        label={props.label}
        name={props.name}
        value={chosen}
        onChange={setChosen}
        options={props.options}
        emptyLabel={t('common.choose')}
      />
      <button
        type="button"
        className="small"
        disabled={!chosen}
        onClick={() => {
          props.onAdd(chosen);
          setChosen('');
        }}
      >
        {props.addLabel}
      </button>
    </div>
  );
}

interface StageProps {
  draft: StageDraft;
  index: number;
  count: number;
  errors: Errors;
  people: ApprovalPeople | undefined;
  onChange: (draft: StageDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  register: (el: HTMLLIElement | null) => void;
}

function StageFields({
  draft,
  index,
  count,
  errors,
  people,
  onChange,
  onMove,
  onRemove,
  register,
}: StageProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const n = index + 1;
  const set = (patch: Partial<StageDraft>) => onChange({ ...draft, ...patch });
  const named = new Set(draft.participants.map(participantKey));
  const positions = positionOptions(people, locale, t).filter((o) => !named.has(`position:${o.value}`));
  const persons = personOptions(people, locale).filter((o) => !named.has(`employee:${o.value}`));
  const participantsErr = participantsError(errors, index);
  const at = `stages.${index}`;

  return (
    <li className="route-editor-stage" ref={register} data-testid="stage-editor">
      <fieldset className="field-group route-stage-fields">
        <legend>{t('route.editor.stageN', { n })}</legend>
        <div className="field-row">
          <SelectField
            label={t('route.fields.kind')}
            name={`${at}.kind`}
            value={draft.kind}
            onChange={(v) => set({ kind: v as StageKind })}
            options={optionsOf(stageKinds, (k) => t(`route.kinds.${k}`))}
            errors={errors}
            required
          />
          <SelectField
            label={t('route.fields.mode')}
            name={`${at}.mode`}
            value={draft.mode}
            onChange={(v) => set({ mode: v as StageMode })}
            options={optionsOf(stageModes, (m) => t(`route.modes.${m}`))}
            errors={errors}
            required
          />
        </div>
        <p className="hint route-hint">{t(`route.editor.kindHint.${draft.kind}`)}</p>

        <fieldset
          className="field-group route-participants-fields"
          aria-describedby={participantsErr ? `${id}-perr` : undefined}
        >
          <legend>
            {t('route.fields.participants')} <span className="required">({t('form.required')})</span>
          </legend>
          {draft.participants.length === 0 ? (
            <p className="hint">{t('route.editor.noParticipants')}</p>
          ) : (
            <ul className="plain route-participant-list">
              {draft.participants.map((p, j) => {
                const label = participantLabel(p, people, locale, t);
                return (
                  <li key={participantKey(p)}>
                    <span>{label}</span>{' '}
                    <span className="badge">
                      {t('positionId' in p ? 'route.participants.byPosition' : 'route.participants.byPerson')}
                    </span>{' '}
                    <button
                      type="button"
                      className="small secondary"
                      aria-label={t('route.editor.removeParticipantNamed', { name: label })}
                      onClick={() => set({ participants: draft.participants.filter((_, k) => k !== j) })}
                    >
                      {t('route.editor.removeParticipant')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <AddParticipant
            label={t('route.editor.position')}
            name={`${at}.addPosition`}
            options={positions}
            addLabel={t('route.editor.addPosition')}
            onAdd={(positionId) => set({ participants: [...draft.participants, { positionId }] })}
          />
          <AddParticipant
            label={t('route.editor.person')}
            name={`${at}.addPerson`}
            options={persons}
            addLabel={t('route.editor.addPerson')}
            onAdd={(employeeId) => set({ participants: [...draft.participants, { employeeId }] })}
          />
          {participantsErr ? (
            <p id={`${id}-perr`} className="field-error">
              {participantsErr}
            </p>
          ) : null}
        </fieldset>

        {draft.kind === 'execution' ? (
          <TextAreaField
            label={t('route.fields.instruction')}
            name={`${at}.instruction`}
            value={draft.instruction}
            onChange={(v) => set({ instruction: v })}
            errors={errors}
            hint={t('route.editor.instructionHint')}
            rows={2}
            required
          />
        ) : null}

        <RadioGroup
          legend={t('route.fields.deadline')}
          name={`${at}.deadline`}
          value={draft.deadline}
          onChange={(v) => set({ deadline: v as DeadlineForm })}
          options={deadlineForms.map((f) => ({ value: f, label: t(`route.editor.deadlineForms.${f}`) }))}
        />
        {draft.deadline === 'days' ? (
          <TextField
            label={t('route.fields.deadlineDays')}
            name={`${at}.deadlineDays`}
            type="number"
            min={1}
            value={draft.days}
            onChange={(v) => set({ days: v })}
            errors={errors}
            hint={t('route.editor.daysHint')}
            required
          />
        ) : null}
        {draft.deadline === 'date' ? (
          <DateField
            label={t('route.fields.deadlineDate')}
            name={`${at}.deadlineDate`}
            value={draft.date}
            onChange={(v) => set({ date: v })}
            errors={errors}
            required
          />
        ) : null}

        <div className="toolbar route-stage-actions">
          <button
            type="button"
            className="small secondary"
            data-move="up"
            disabled={index === 0}
            aria-label={t('route.editor.moveUpNamed', { n })}
            onClick={() => onMove(-1)}
          >
            {t('route.editor.moveUp')}
          </button>
          <button
            type="button"
            className="small secondary"
            data-move="down"
            disabled={index === count - 1}
            aria-label={t('route.editor.moveDownNamed', { n })}
            onClick={() => onMove(1)}
          >
            {t('route.editor.moveDown')}
          </button>
          <button
            type="button"
            className="small danger"
            aria-label={t('route.editor.removeStageNamed', { n })}
            onClick={onRemove}
          >
            {t('route.editor.removeStage')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/**
 * The stages of a route, shared by the template page and the document's Viza tab: kind, mode,
 * participants by position or by person, a deadline in working days or as a date; stages are
 * added, removed and reordered. Errors come keyed by the API's paths (`stages.0.participants`).
 */
export function StageEditor({
  value,
  onChange,
  errors,
  people,
  headingLevel = 3,
}: {
  value: StageDraft[];
  onChange: (stages: StageDraft[]) => void;
  errors: Errors;
  people: ApprovalPeople | undefined;
  headingLevel?: 3 | 4;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [announce, setAnnounce] = useState('');
  const items = useRef(new Map<string, HTMLLIElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes after a move (the moved stage's own buttons) or a removal.
  const [focus, setFocus] = useState<{ key: string; to: 'up' | 'down' | 'first' } | { add: true }>();

  useEffect(() => {
    if (!focus) return;
    if ('add' in focus) addButton.current?.focus();
    else {
      const el = items.current.get(focus.key);
      const target =
        focus.to === 'first'
          ? el?.querySelector('select')
          : (el?.querySelector<HTMLButtonElement>(`button[data-move="${focus.to}"]:not(:disabled)`) ??
            el?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'));
      target?.focus();
    }
    setFocus(undefined);
  }, [focus]);

  const move = (index: number, delta: -1 | 1) => {
    const to = index + delta;
    const moved = value[index];
    if (!moved || to < 0 || to >= value.length) return;
    const next = [...value];
    next.splice(index, 1);
    next.splice(to, 0, moved);
    onChange(next);
    setAnnounce(t('route.editor.moved', { from: index + 1, to: to + 1 }));
    setFocus({ key: moved.key, to: delta < 0 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    setAnnounce(t('route.editor.removed', { n: index + 1 }));
    setFocus({ add: true });
  };
  const add = () => {
    const draft = toDraft();
    onChange([...value, draft]);
    setAnnounce(t('route.editor.added', { n: value.length + 1 }));
    setFocus({ key: draft.key, to: 'first' });
  };

  const Heading = `h${headingLevel}` as 'h3';
  return (
    <section className="route-editor" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('route.editor.stages')}</Heading>
      <p className="hint">{t('route.editor.intro')}</p>
      {errors.stages ? <p className="field-error">{errors.stages}</p> : null}
      {value.length === 0 ? <p>{t('route.editor.noStages')}</p> : null}
      <ol className="route-editor-stages">
        {value.map((draft, i) => (
          <StageFields
            key={draft.key}
            draft={draft}
            index={i}
            count={value.length}
            errors={errors}
            people={people}
            onChange={(d) => onChange(value.map((x, j) => (j === i ? d : x)))}
            onMove={(delta) => move(i, delta)}
            onRemove={() => remove(i)}
            register={(el) => {
              if (el) items.current.set(draft.key, el);
              else items.current.delete(draft.key);
            }}
          />
        ))}
      </ol>
      <div className="toolbar">
        <button ref={addButton} type="button" onClick={add}>
          {t('route.editor.addStage')}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </section>
  );
}
