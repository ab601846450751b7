import { formatDate } from '../../lib/format';
import { pickText, type Locale, type Translate } from '../../lib/i18n';
import { positionLabel } from '../org/options';
import type { ApprovalParticipant, ApprovalPeople, ApprovalStage, StageKind, StageMode } from './api';
import { parseDisplayDate, toDisplayDate } from '../../lib/dates';

/** How a stage's deadline is given: none, working days from the stage's start, or a fixed date. */
export const deadlineForms = ['none', 'days', 'date'] as const;
export type DeadlineForm = (typeof deadlineForms)[number];

/** A stage as the editor holds it: text as typed (dd.MM.yyyy dates, days as text), a key for React. */
export interface StageDraft {
  key: string;
  kind: StageKind;
  mode: StageMode;
  participants: ApprovalParticipant[];
  deadline: DeadlineForm;
  days: string;
  date: string;
  /** An execution stage's instruction (the text of the resolution it gives). */
  instruction: string;
}

let drafted = 0;
const nextKey = () => `stage-${++drafted}`;

export function toDraft(stage?: ApprovalStage): StageDraft {
  return {
    key: nextKey(),
    kind: stage?.kind ?? 'endorsement',
    mode: stage?.mode ?? 'sequential',
    participants: stage?.participants.map((p) => ({ ...p })) ?? [],
    deadline: stage?.deadlineDate ? 'date' : stage?.deadlineDays !== undefined ? 'days' : 'none',
    days: stage?.deadlineDays !== undefined ? String(stage.deadlineDays) : '',
    date: toDisplayDate(stage?.deadlineDate),
    instruction: stage?.instruction ?? '',
  };
}

export const draftsOf = (stages: ApprovalStage[] | undefined): StageDraft[] => (stages ?? []).map(toDraft);

const DAYS = /^\d{1,3}$/;

/**
 * The stages the API takes, and the client-side errors under the API's own paths
 * (`stages.1.participants`), so one map serves both. The API stays the authority on the rest
 * (one signing stage after the endorsements, dates not in the past).
 */
export function stagesOf(
  drafts: StageDraft[],
  t: Translate,
): { stages: ApprovalStage[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (drafts.length === 0) errors.stages = t('route.editor.stageRequired');
  const stages = drafts.map((d, i): ApprovalStage => {
    const at = `stages.${i}`;
    if (d.participants.length === 0) errors[`${at}.participants`] = t('route.editor.participantRequired');
    const stage: ApprovalStage = { kind: d.kind, mode: d.mode, participants: d.participants };
    if (d.deadline === 'days') {
      const n = Number(d.days.trim());
      if (!DAYS.test(d.days.trim()) || n < 1 || n > 250)
        errors[`${at}.deadlineDays`] = t('route.editor.daysInvalid');
      else stage.deadlineDays = n;
    }
    if (d.deadline === 'date') {
      const date = parseDisplayDate(d.date);
      if (!date) errors[`${at}.deadlineDate`] = t('doc.form.invalidDate');
      else stage.deadlineDate = date;
    }
    // Only an execution stage gives a resolution, and its instruction is that resolution's text.
    if (d.kind === 'execution') {
      const instruction = d.instruction.trim();
      if (!instruction) errors[`${at}.instruction`] = t('route.editor.instructionRequired');
      else stage.instruction = instruction;
    }
    return stage;
  });
  return { stages, errors };
}

export const participantKey = (p: ApprovalParticipant) =>
  'positionId' in p ? `position:${p.positionId}` : `employee:${p.employeeId}`;

/** Active holders of a position (the people a stage reaches when it starts). */
export function holdersOf(people: ApprovalPeople | undefined, positionId: string) {
  return (people?.employees ?? []).filter((e) => e.active && e.positionIds.includes(positionId));
}

export function employeeName(people: ApprovalPeople | undefined, id: string): string {
  return people?.employees.find((e) => e.id === id)?.fullName ?? id;
}

/** "Position — Department (holder)" or the person's full name. */
export function participantLabel(
  p: ApprovalParticipant,
  people: ApprovalPeople | undefined,
  locale: Locale,
  t: Translate,
): string {
  if ('employeeId' in p) return employeeName(people, p.employeeId);
  const position = people?.positions.find((x) => x.id === p.positionId);
  if (!position) return p.positionId;
  const label = positionLabel(position, people?.departments ?? [], locale);
  const holders = holdersOf(people, position.id).map((e) => e.fullName);
  return holders.length > 0
    ? `${label} (${holders.join(', ')})`
    : `${label} (${t('route.participants.vacant')})`;
}

/** Options of the position picker: active positions by title, with their holders. */
export function positionOptions(people: ApprovalPeople | undefined, locale: Locale, t: Translate) {
  return (people?.positions ?? [])
    .filter((p) => p.active)
    .map((p) => ({
      value: p.id,
      label: participantLabel({ positionId: p.id }, people, locale, t),
      sort: pickText(p.title, locale),
    }))
    .sort((a, b) => a.sort.localeCompare(b.sort, locale))
    .map(({ value, label }) => ({ value, label }));
}

export function personOptions(people: ApprovalPeople | undefined, locale: Locale) {
  return (people?.employees ?? [])
    .filter((e) => e.active)
    .map((e) => ({ value: e.id, label: e.fullName }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** "3 iş günü", "25.12.2026 tarixinədək" or "müddətsiz". */
export function deadlineText(t: Translate, stage: Pick<ApprovalStage, 'deadlineDays' | 'deadlineDate'>) {
  if (stage.deadlineDate) return t('route.deadline.date', { date: formatDate(stage.deadlineDate) });
  if (stage.deadlineDays !== undefined) return t('route.deadline.days', { n: stage.deadlineDays });
  return t('route.deadline.none');
}

/** One line per template in a table: "Viza (paralel, 2) → İmza (1)". */
export function stagesSummary(t: Translate, stages: ApprovalStage[]): string {
  return stages
    .map((s) =>
      t('route.summary.stage', {
        kind: t(`route.kinds.${s.kind}`),
        mode: t(`route.modesShort.${s.mode}`),
        n: s.participants.length,
      }),
    )
    .join(' → ');
}
