import type { LocalizedText } from './i18n';

// The vocabularies come from the domain the API validates against: one definition for both.
export { roles, type Role } from '../../functions/platform/kernel/roles';
export { positionKinds, type PositionKind } from '../../functions/modules/org/domain/org';
import type { PositionKind } from '../../functions/modules/org/domain/org';
import type { Role } from '../../functions/platform/kernel/roles';

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
