import approvalAz from '../features/approval/messages/az.json';
import archiveAz from '../features/archive/messages/az.json';
import archiveEn from '../features/archive/messages/en.json';
import archiveRu from '../features/archive/messages/ru.json';
import archiveTransfersAz from '../features/archive/messages/transfers.az.json';
import archiveTransfersEn from '../features/archive/messages/transfers.en.json';
import archiveTransfersRu from '../features/archive/messages/transfers.ru.json';
import approvalEn from '../features/approval/messages/en.json';
import approvalRu from '../features/approval/messages/ru.json';
import citizenRegistriesAz from '../features/citizen-registries/messages/az.json';
import citizenRegistriesEn from '../features/citizen-registries/messages/en.json';
import citizenRegistriesRu from '../features/citizen-registries/messages/ru.json';
import documentsAz from '../features/documents/messages/az.json';
import documentsEn from '../features/documents/messages/en.json';
import documentsRu from '../features/documents/messages/ru.json';
import executionAz from '../features/execution/messages/az.json';
import executionEn from '../features/execution/messages/en.json';
import executionRu from '../features/execution/messages/ru.json';
import notificationsAz from '../features/notifications/messages/az.json';
import notificationsEn from '../features/notifications/messages/en.json';
import notificationsRu from '../features/notifications/messages/ru.json';
import onboardingAz from '../features/onboarding/messages/az.json';
import onboardingEn from '../features/onboarding/messages/en.json';
import onboardingRu from '../features/onboarding/messages/ru.json';
import orgAz from '../features/org/messages/az.json';
import orgEn from '../features/org/messages/en.json';
import orgRu from '../features/org/messages/ru.json';
import signaturesAz from '../features/signatures/messages/az.json';
import signaturesEn from '../features/signatures/messages/en.json';
import signaturesRu from '../features/signatures/messages/ru.json';
import referenceAz from '../features/reference/messages/az.json';
import referenceEn from '../features/reference/messages/en.json';
import referenceRu from '../features/reference/messages/ru.json';
import uiAz from '../ui/messages/az.json';
import uiEn from '../ui/messages/en.json';
import uiRu from '../ui/messages/ru.json';

/**
 * The message catalogs: each feature keeps its own `messages/{az,en,ru}.json` next to its code
 * (shared UI in ui/messages). A file may add keys under a top-level key that another file also
 * uses (`doc.registry` lives with the citizen registries); no key is defined twice
 * (test/unit/web/messages.test.ts).
 */
export type Catalog = { [key: string]: string | Catalog };

export const locales = ['az', 'en', 'ru'] as const;
export type Locale = (typeof locales)[number];

/** The files of each language, in one order (the same feature at the same index). */
export const catalogFiles: Record<Locale, Catalog[]> = {
  az: [
    uiAz,
    orgAz,
    referenceAz,
    documentsAz,
    citizenRegistriesAz,
    executionAz,
    notificationsAz,
    approvalAz,
    onboardingAz,
    signaturesAz,
    archiveAz,
    archiveTransfersAz,
  ],
  en: [
    uiEn,
    orgEn,
    referenceEn,
    documentsEn,
    citizenRegistriesEn,
    executionEn,
    notificationsEn,
    approvalEn,
    onboardingEn,
    signaturesEn,
    archiveEn,
    archiveTransfersEn,
  ],
  ru: [
    uiRu,
    orgRu,
    referenceRu,
    documentsRu,
    citizenRegistriesRu,
    executionRu,
    notificationsRu,
    approvalRu,
    onboardingRu,
    signaturesRu,
    archiveRu,
    archiveTransfersRu,
  ],
};

/** Deep merge of catalogs; a key defined twice keeps the later definition. */
export function mergeCatalogs(files: readonly Catalog[]): Catalog {
  const merge = (into: Catalog, from: Catalog) => {
    for (const [key, value] of Object.entries(from)) {
      const current = into[key];
      if (typeof value === 'object' && typeof current === 'object') merge(current, value);
      else into[key] = typeof value === 'object' ? merge({}, value) : value;
    }
    return into;
  };
  return files.reduce<Catalog>((all, file) => merge(all, file), {});
}

export const catalogs: Record<Locale, Catalog> = {
  az: mergeCatalogs(catalogFiles.az),
  en: mergeCatalogs(catalogFiles.en),
  ru: mergeCatalogs(catalogFiles.ru),
};
