import type { LocalizedText } from './i18n';

export const roles = ['admin', 'clerk', 'head', 'executor', 'controller', 'approver'] as const;
export type Role = (typeof roles)[number];

export interface Entity {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Me {
  employee: { id: string; fullName: string; username: string; email: string };
  tenant: { id: string; name: LocalizedText };
  roles: Role[];
}

export interface Tenant extends Entity {
  name: LocalizedText;
  shortName?: LocalizedText;
  legalAddress: string;
  voen: string;
  email: string;
  phone?: string;
}

export interface Department extends Entity {
  name: LocalizedText;
  code: string;
  parentId?: string;
  headPositionId?: string;
  active: boolean;
}

export const positionKinds = ['head', 'deputy', 'specialist', 'clerk', 'other'] as const;
export type PositionKind = (typeof positionKinds)[number];

export interface Position extends Entity {
  title: LocalizedText;
  departmentId: string;
  kind: PositionKind;
  roles: Role[];
  active: boolean;
}

export interface Employee extends Entity {
  fullName: string;
  username: string;
  email: string;
  phone?: string;
  positionIds: string[];
  active: boolean;
}

export interface Substitution extends Entity {
  employeeId: string;
  substituteId: string;
  from: string;
  to: string;
  reason?: string;
  active: boolean;
}

export interface ReferenceItem extends Entity {
  name: LocalizedText;
  code?: string;
  active: boolean;
  [field: string]: unknown;
}
