import { ConflictError } from '../../../platform/kernel/errors';
import type { DocumentKind } from './document';

/**
 * Per kind, the statuses and the operations allowed in each (brochure: "hər sənəd vəziyyəti üçün
 * yalnız müəyyən edilmiş əməliyyatlar aparıla bilər"). An operation not listed for the current
 * status is refused with 409 `operation_not_allowed` naming the status.
 */
export const operations = [
  'update',
  'attach',
  'link',
  'group-update',
  'register',
  'send',
  'sign',
  'submit',
  'agree',
  'return',
  'enact',
  'to-execution',
  'to-information',
  'resolve',
  'execute',
  'archive',
  'cancel',
] as const;
export type Operation = (typeof operations)[number];

interface Machine {
  initial: string;
  statuses: Record<string, { allows: readonly Operation[]; next?: Partial<Record<Operation, string>> }>;
}

export const statusMachines: Record<DocumentKind, Machine> = {
  incoming: {
    initial: 'registered',
    statuses: {
      registered: {
        allows: ['update', 'attach', 'link', 'group-update', 'resolve', 'archive', 'cancel'],
        next: { resolve: 'in-execution', archive: 'archived', cancel: 'cancelled' },
      },
      // After the head's resolution; executed when the controller accepts the last resolution.
      'in-execution': {
        allows: ['attach', 'link', 'group-update', 'resolve', 'execute'],
        next: { execute: 'executed' },
      },
      executed: { allows: ['link', 'archive'], next: { archive: 'archived' } },
      archived: { allows: ['link'] },
      cancelled: { allows: [] },
    },
  },
  outgoing: {
    initial: 'registered',
    statuses: {
      registered: {
        allows: ['update', 'attach', 'link', 'group-update', 'send', 'cancel'],
        next: { send: 'sent', cancel: 'cancelled' },
      },
      sent: { allows: ['link', 'send', 'archive'], next: { send: 'sent', archive: 'archived' } },
      archived: { allows: ['link'] },
      cancelled: { allows: [] },
    },
  },
  internal: {
    initial: 'draft',
    statuses: {
      draft: {
        allows: ['update', 'attach', 'link', 'group-update', 'register', 'cancel'],
        next: { register: 'registered', cancel: 'cancelled' },
      },
      registered: {
        allows: ['update', 'attach', 'link', 'group-update', 'sign', 'cancel'],
        next: { sign: 'signed', cancel: 'cancelled' },
      },
      signed: {
        allows: ['link', 'group-update', 'to-execution', 'to-information', 'resolve', 'archive'],
        next: {
          'to-execution': 'in-execution',
          'to-information': 'for-information',
          resolve: 'in-execution',
          archive: 'archived',
        },
      },
      'in-execution': {
        allows: ['link', 'group-update', 'resolve', 'execute'],
        next: { execute: 'executed' },
      },
      'for-information': { allows: ['link', 'archive'], next: { archive: 'archived' } },
      executed: { allows: ['link', 'archive'], next: { archive: 'archived' } },
      archived: { allows: ['link'] },
      cancelled: { allows: [] },
    },
  },
  order: {
    initial: 'draft',
    statuses: {
      draft: {
        allows: ['update', 'attach', 'link', 'group-update', 'submit', 'cancel'],
        next: { submit: 'in-agreement', cancel: 'cancelled' },
      },
      'in-agreement': {
        allows: ['link', 'agree', 'return'],
        next: { agree: 'agreed', return: 'draft' },
      },
      agreed: { allows: ['link', 'sign', 'return'], next: { sign: 'signed', return: 'draft' } },
      signed: { allows: ['link', 'attach', 'enact'], next: { enact: 'in-force' } },
      'in-force': { allows: ['link', 'cancel'], next: { cancel: 'cancelled' } },
      cancelled: { allows: ['link'] },
    },
  },
};

export function statusesOf(kind: DocumentKind): string[] {
  return Object.keys(statusMachines[kind].statuses);
}

export function allowedOperations(kind: DocumentKind, status: string): readonly Operation[] {
  return statusMachines[kind].statuses[status]?.allows ?? [];
}

/** Checks the operation against the status and returns the status after it. */
export function transition(kind: DocumentKind, status: string, operation: Operation): string {
  const state = statusMachines[kind].statuses[status];
  if (!state || !state.allows.includes(operation)) {
    throw new ConflictError(
      'operation_not_allowed',
      `Operation ${operation} is not allowed in status ${status}`,
      {
        operation,
        status,
      },
    );
  }
  return state.next?.[operation] ?? status;
}
