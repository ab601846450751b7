import type { Catalog } from '../messages';
import approvalEn from '../../features/approval/messages/en.json';
import archiveEn from '../../features/archive/messages/en.json';
import archiveTransfersEn from '../../features/archive/messages/transfers.en.json';
import citizenRegistriesEn from '../../features/citizen-registries/messages/en.json';
import documentsEn from '../../features/documents/messages/en.json';
import executionEn from '../../features/execution/messages/en.json';
import notificationsEn from '../../features/notifications/messages/en.json';
import onboardingEn from '../../features/onboarding/messages/en.json';
import orgEn from '../../features/org/messages/en.json';
import referenceEn from '../../features/reference/messages/en.json';
import reportsEn from '../../features/reports/messages/en.json';
import webhooksEn from '../../features/webhooks/messages/en.json';
import integratorKeysEn from '../../features/integrator-keys/messages/en.json';
import signaturesEn from '../../features/signatures/messages/en.json';
import uiEn from '../../ui/messages/en.json';
import searchEn from '../../features/search/messages/en.json';
import exchangeEn from '../../features/exchange/messages/en.json';
import eservicesPublicEn from '../../features/eservices-public/messages/en.json';
import eservicesOfficerEn from '../../features/eservices-officer/messages/en.json';

/** The English files: a chunk of its own, loaded when the user chooses English. */
export const files: Catalog[] = [
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
  searchEn,
  reportsEn,
  exchangeEn,
  webhooksEn,
  integratorKeysEn,
  eservicesPublicEn,
  eservicesOfficerEn,
];
