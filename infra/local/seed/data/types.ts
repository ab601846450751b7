import type { StageKind } from '../../../../functions/modules/approval';
/**
 * Types of the seed data modules (state bodies, regions, reference lists, demo tenants).
 *
 * The seed data is plain data: it refers to other seed items by stable `code`s (never by ids);
 * the seeding code maps codes to ids when it writes the items. These types are declared here on
 * purpose (the data modules import nothing else) and mirror the domain vocabulary in
 * `functions/modules/org/domain` and `functions/modules/reference/domain`.
 */

/** Text in Azerbaijani, English and Russian. All three are required in seed data. */
export interface L {
  az: string;
  en: string;
  ru: string;
}

// ---------------------------------------------------------------------------------------------
// State bodies (counterparts of kind 'state-body')

export interface StateBody {
  /** Short stable slug, e.g. `justice`, `asan`. */
  code: string;
  /** Official name as commonly written, with "Azərbaycan Respublikasının …" where it is part of it. */
  name: L;
  /** Widely used abbreviation, only where one is in common use. */
  shortName?: L;
  /** The body this one works under ("… yanında", "…nin"), if it is in this list. */
  parentCode?: string;
  /** Legal address: the place by its code in the regions list (as precise as known), the street. */
  legalAddress?: { regionCode: string; postalCode?: string; street: string };
  /** The body's general e-mail address for correspondence. */
  email?: string;
}

// ---------------------------------------------------------------------------------------------
// Regions

export type RegionKind = 'city' | 'district' | 'autonomous-republic' | 'settlement';

export interface Region {
  /** Stable slug, e.g. `baku`, `baku-sabail`, `nakhchivan-ar`, `shaki`, `shaki-city`, `baku-sabail-badamdar`. */
  code: string;
  kind: RegionKind;
  name: L;
  parentCode?: string;
}

// ---------------------------------------------------------------------------------------------
// Reference lists (Siyahılar)

export type DocumentKind = 'incoming' | 'outgoing' | 'internal' | 'order';
export type DocumentKindScope = DocumentKind | 'any';

export interface ReferenceEntry {
  code: string;
  name: L;
}

/** Sənədin növü (ərizə, şikayət, …) with the registers it is typically used in. */
export interface DocumentType extends ReferenceEntry {
  kinds: readonly DocumentKind[];
}

export type DeliveryForm = ReferenceEntry;
export type PhysicalForm = ReferenceEntry;

/** Təsnifat (subject) tree node. */
export interface ClassificationNode extends ReferenceEntry {
  parentCode?: string;
}

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

/**
 * Qeydiyyat jurnalı. Pattern tokens: `{seq}` or `{seq:N}` (zero-padded to N digits) exactly once,
 * `{year}`, `{yy}`, `{index}` (nomenclature index of the document), `{dept}` (department code).
 */
export interface RegistrationJournal {
  code: string;
  name: L;
  pattern: string;
  documentKind: DocumentKindScope;
  /** Kept for confidential documents. */
  confidential?: boolean;
}

/**
 * A journal rule: documents of the kind that meet every condition go to the journal by themselves.
 * Journals, classifications, document types and delivery forms are named by their codes.
 */
export interface JournalRuleSeed {
  code: string;
  name: L;
  journalCode: string;
  documentKind: DocumentKind;
  /** Lower numbers are tried first. */
  priority: number;
  senderKind?: 'citizen' | 'organization';
  classificationCodes?: readonly string[];
  documentTypeCodes?: readonly string[];
  deliveryFormCodes?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Demo tenants

export type TenantKey = 'demo1' | 'demo2';

export type Role = 'admin' | 'clerk' | 'head' | 'executor' | 'controller' | 'approver';
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

export interface DemoSubstitution {
  /** Username of the absent employee. */
  employee: string;
  /** Username of the employee acting for them. */
  substitute: string;
  /**
   * Inclusive, in days from the day the demo was seeded (Asia/Baku): the demo shows a current
   * substitution and coming ones whenever it is first started, not only in the year it was written.
   */
  fromDay: number;
  toDay: number;
  reason: string;
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
  substitutions: readonly DemoSubstitution[];
  routeTemplates: readonly DemoRouteTemplate[];
}
