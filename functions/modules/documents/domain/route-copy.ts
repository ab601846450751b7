import type { DocumentKind } from './kinds';

/**
 * Routes (marşrut): who must act on a document and in what order before it is signed or executed.
 * A template (şablon marşrut) belongs to the agency and is chosen by the document's kind and
 * classification; a document carries its own copy, editable on the Viza tab until the route starts.
 */
export const stageKinds = ['endorsement', 'signing', 'resolution', 'execution', 'information'] as const;
export type StageKind = (typeof stageKinds)[number];

export const stageModes = ['sequential', 'parallel'] as const;
export type StageMode = (typeof stageModes)[number];

/** A participant named by position (whoever holds it when the stage starts) or by person. */
export type ApprovalParticipant = { positionId: string } | { employeeId: string };

export interface ApprovalStage {
  kind: StageKind;
  mode: StageMode;
  participants: ApprovalParticipant[];
  /** Working days from the stage's start (Azerbaijani calendar with the agency's edits). */
  deadlineDays?: number;
  /** Or a fixed date, yyyy-MM-dd. */
  deadlineDate?: string;
  /**
   * An execution stage's instruction: the text of the resolution the stage gives its executors
   * (required on execution stages, refused on others).
   */
  instruction?: string;
}

export interface ApprovalRouteTemplateData {
  name: string;
  /** Document kinds the template applies to. */
  kinds: DocumentKind[];
  /** Classifications (reference list) it is chosen for; empty = any classification of those kinds. */
  classificationIds: string[];
  stages: ApprovalStage[];
}

export const routeStates = ['draft', 'running', 'rejected', 'completed'] as const;
export type ApprovalRouteState = (typeof routeStates)[number];

/** One person's part in a step: the official, who holds the task now, and the outcome. */
export interface StepAssignee {
  employeeId: string;
  assignmentId: string;
  status: 'pending' | 'approved' | 'rejected' | 'signed' | 'done' | 'withdrawn';
  decidedAt?: string;
  decidedBy?: string;
  comment?: string;
}

/**
 * A step is what the state machine waits on: all participants of a parallel stage together, or one
 * participant of a sequential stage.
 */
export interface ApprovalStep {
  stage: number;
  kind: StageKind;
  /** Officials of the step (positions resolved to their holders when the route starts). */
  employeeIds: string[];
  state: 'waiting' | 'active' | 'done' | 'rejected';
  dueDate?: string;
  assignees: StepAssignee[];
  /** The task token of the machine waiting on this step (absent for information steps). */
  taskToken?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface ApprovalRoute {
  templateId?: string;
  templateName?: string;
  state: ApprovalRouteState;
  /** 1 for the first submission, +1 at each resubmission after a rejection. */
  round: number;
  stages: ApprovalStage[];
  steps: ApprovalStep[];
  rejection?: { by: string; at: string; comment: string; onBehalfOf?: string };
  startedAt?: string;
  completedAt?: string;
}
