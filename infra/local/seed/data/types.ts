import type { StageKind } from '../../../../functions/modules/approval';
import type { L } from '../../../../functions/modules/reference';
/**
 * Types of the demo data (demo tenants and their nomenclature); the standard lists every agency
 * starts with are typed in `functions/modules/reference/domain/standard-lists/types.ts`.
 *
 * The seed data is plain data: it refers to other seed items by stable `code`s (never by ids);
 * the seeding code maps codes to ids when it writes the items.
 */

export type { L };

/** Nomenklatur: a case-file index entry of a department with its retention period. */
export interface NomenclatureEntry {
  /** Case-file index: `<department code>-<case number>`, e.g. `02-03`. */
  index: string;
  /** Code of a department of the tenant the entry belongs to. */
  departmentCode: string;
  title: L;
  /** Retention in years; null = permanent (daimi). */
  retentionYears: number | null;
}

// ---------------------------------------------------------------------------------------------
// Demo tenants

export type TenantKey = 'demo1' | 'demo2';
export type DocumentKind = 'incoming' | 'outgoing' | 'internal' | 'order';

export type Role = 'admin' | 'clerk' | 'head' | 'executor' | 'controller' | 'approver' | 'archivist';
export type PositionKind = 'head' | 'deputy' | 'specialist' | 'clerk' | 'other';

export interface DemoTenant {
  key: TenantKey;
  name: L;
  shortName: L;
  legalAddress: string;
  /** Taxpayer id: 10 digits. */
  voen: string;
  email: string;
  phone: string;
}

export interface DemoDepartment {
  /** Department index, also used in nomenclature indexes and as `{dept}` in numbers. */
  code: string;
  name: L;
  parentCode?: string;
}

export interface DemoPosition {
  code: string;
  departmentCode: string;
  title: L;
  kind: PositionKind;
  roles: readonly Role[];
}

export interface DemoEmployee {
  /** Login name; unique across all demo tenants. */
  username: string;
  /** "Soyad Ad Ata adı oğlu/qızı". */
  fullName: string;
  email: string;
  phone: string;
  positionCodes: readonly string[];
}

export interface DemoAbsence {
  /** Username of the absent employee. */
  employee: string;
  kind: 'leave' | 'sick-leave' | 'business-trip';
  /** Username of the employee acting for them (the substitution follows from the absence). */
  substitute: string;
  /**
   * Inclusive, in days from the day the demo was seeded (Asia/Baku): the demo shows a current
   * absence and coming ones whenever it is first started, not only in the year it was written.
   */
  fromDay: number;
  toDay: number;
  note: string;
}

/** A route template; participants by position code or username, classifications by code. */
export interface DemoRouteTemplate {
  name: string;
  kinds: readonly DocumentKind[];
  classificationCodes: readonly string[];
  stages: ReadonlyArray<{
    kind: StageKind;
    mode: 'sequential' | 'parallel';
    positions?: readonly string[];
    people?: readonly string[];
    deadlineDays?: number;
    /** An execution stage's instruction (the text of its resolution). */
    instruction?: string;
  }>;
}

export interface DemoAgency {
  tenant: DemoTenant;
  departments: readonly DemoDepartment[];
  positions: readonly DemoPosition[];
  employees: readonly DemoEmployee[];
  absences: readonly DemoAbsence[];
  routeTemplates: readonly DemoRouteTemplate[];
  /** The standard e-services the agency publishes, each decided by one of its route templates (by name). */
  eservices?: readonly DemoEService[];
}

export interface DemoEService {
  kind: 'e-visa' | 'social-assistance';
  routeTemplate: string;
}
