import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { Language, LocalizedText } from '../../../platform/kernel/text';
import type { Role } from '../../../platform/kernel/roles';
import { BusinessRuleError } from '../../../platform/kernel/errors';

/** How an employee wants to be told: channels and language. */
export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  language: Language;
  /** A morning e-mail on working days listing what waits for me (absent = off). */
  digest?: boolean;
}

export const defaultNotificationPreferences: NotificationPreferences = {
  email: true,
  sms: false,
  language: 'az',
};

export interface TenantProfile {
  name: LocalizedText;
  shortName?: LocalizedText;
  legalAddress: string;
  voen: string;
  email: string;
  phone?: string;
  repeatWindowDays?: number;
  /**
   * Admins and signing officials must sign in with a second factor (TOTP) to administer or to
   * sign (issue 18). Set on for agencies the platform onboards; absent means off.
   */
  requireMfa?: boolean;
  /** Reminders, overdue notice and escalations of controlled resolutions (defaults: 3 and 1 working days, every working day). */
  deadlinePolicy?: DeadlinePolicy;
}

/** The agency's SMS notices: SMS is opt-in per agency, and its parts are capped per Baku month. */
export interface TenantSms {
  enabled: boolean;
  /** Billed SMS parts per calendar month (Asia/Baku); a send that does not fit goes by e-mail. */
  monthlyParts: number;
}

/** An agency without the setting (every new one) sends no SMS. */
export const defaultTenantSms: TenantSms = { enabled: false, monthlyParts: 500 };

export type Tenant = AggregateMeta & TenantProfile & { sms?: TenantSms };

/** The agency's SMS setting (off, 500 parts a month, when never set). */
export function tenantSms(tenant: Pick<Tenant, 'sms'> | undefined): TenantSms {
  return { ...defaultTenantSms, ...tenant?.sms };
}

export interface DepartmentData {
  name: LocalizedText;
  code: string;
  parentId?: string;
  headPositionId?: string;
  active: boolean;
}
export type Department = AggregateMeta & DepartmentData;

export const positionKinds = ['head', 'deputy', 'specialist', 'clerk', 'other'] as const;
export type PositionKind = (typeof positionKinds)[number];

export interface PositionData {
  title: LocalizedText;
  departmentId: string;
  kind: PositionKind;
  roles: Role[];
  active: boolean;
}
export type Position = AggregateMeta & PositionData;

export interface EmployeeData {
  fullName: string;
  username: string;
  email: string;
  phone?: string;
  positionIds: string[];
  active: boolean;
  notifications?: NotificationPreferences;
}
export type Employee = AggregateMeta & EmployeeData;

export interface SubstitutionData {
  employeeId: string;
  substituteId: string;
  /** Calendar dates in Asia/Baku, inclusive: YYYY-MM-DD */
  from: string;
  to: string;
  reason?: string;
  active: boolean;
  /** The absence this substitution follows (it is then written only with the absence). */
  absenceId?: string;
  /**
   * Substitutes this one replaced while the period ran: tasks they still hold for the official
   * move to the present substitute at the start, and back to the official at the end.
   */
  formerSubstituteIds?: string[];
}
export type Substitution = AggregateMeta & SubstitutionData;

/** A 10-digit taxpayer id (VÖEN). */
export function isValidVoen(voen: string): boolean {
  return /^\d{10}$/.test(voen);
}

/**
 * Refuses a parent link that would make a cycle: walking up from the new parent must never reach
 * the node itself. `parentOf` answers from the stored tree.
 */
export async function assertNoCycle(
  nodeId: string,
  newParentId: string | undefined,
  parentOf: (id: string) => Promise<string | undefined | null>,
): Promise<void> {
  const seen = new Set<string>();
  let current = newParentId;
  while (current !== undefined && current !== null) {
    if (current === nodeId || seen.has(current)) {
      throw new BusinessRuleError('tree_cycle', 'The parent would make a cycle', {}, [
        { path: 'parentId', code: 'tree_cycle' },
      ]);
    }
    seen.add(current);
    current = (await parentOf(current)) ?? undefined;
  }
}

export function assertSubstitutionRange(data: SubstitutionData): void {
  if (data.employeeId === data.substituteId) {
    throw new BusinessRuleError('substitute_is_self', 'An employee cannot substitute themselves', {}, [
      { path: 'substituteId', code: 'substitute_is_self' },
    ]);
  }
  if (data.to < data.from) {
    throw new BusinessRuleError('date_range_inverted', 'The period ends before it starts', {}, [
      { path: 'to', code: 'date_range_inverted' },
    ]);
  }
}

/** When an agency's deadline machines speak (a tenant setting; defaults below). */
export interface DeadlinePolicy {
  /** Working days before the due date, e.g. [3, 1]. */
  reminderWorkingDays: number[];
  /** Working days between escalations while overdue. */
  escalationEveryWorkingDays: number;
  /** Baku hour (0–23) of reminders and escalations. */
  notifyHour: number;
}

export const defaultDeadlinePolicy: DeadlinePolicy = {
  reminderWorkingDays: [3, 1],
  escalationEveryWorkingDays: 1,
  notifyHour: 9,
};
