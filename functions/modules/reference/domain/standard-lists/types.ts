/**
 * Types of the standard reference lists every agency starts with (document types, delivery and
 * physical forms, classifications, registration journals, state bodies, regions): plain data that
 * refers to other items by stable `code`s (never by ids); `seedStandardLists` maps codes to ids
 * when it writes the items. Declared here so that the data modules import nothing else.
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

/**
 * Qeydiyyat jurnalı. Pattern tokens: `{seq}` or `{seq:N}` (zero-padded to N digits) exactly once,
 * `{year}`, `{yy}`, `{index}` (nomenclature index of the document), `{dept}` (department code).
 */
export interface RegistrationJournal {
  code: string;
  name: L;
  pattern: string;
  documentKind: DocumentKindScope;
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
