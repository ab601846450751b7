import type { Catalog } from '../messages';
import approvalAz from '../../features/approval/messages/az.json';
import archiveAz from '../../features/archive/messages/az.json';
import archiveTransfersAz from '../../features/archive/messages/transfers.az.json';
import citizenRegistriesAz from '../../features/citizen-registries/messages/az.json';
import documentsAz from '../../features/documents/messages/az.json';
import executionAz from '../../features/execution/messages/az.json';
import notificationsAz from '../../features/notifications/messages/az.json';
import onboardingAz from '../../features/onboarding/messages/az.json';
import orgAz from '../../features/org/messages/az.json';
import referenceAz from '../../features/reference/messages/az.json';
import reportsAz from '../../features/reports/messages/az.json';
import webhooksAz from '../../features/webhooks/messages/az.json';
import integratorKeysAz from '../../features/integrator-keys/messages/az.json';
import signaturesAz from '../../features/signatures/messages/az.json';
import uiAz from '../../ui/messages/az.json';
import searchAz from '../../features/search/messages/az.json';
import exchangeAz from '../../features/exchange/messages/az.json';
import eservicesPublicAz from '../../features/eservices-public/messages/az.json';
import eservicesOfficerAz from '../../features/eservices-officer/messages/az.json';

/** The Azerbaijani files: the default language and the fallback of the others, in every page's first load. */
export const files: Catalog[] = [
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
  searchAz,
  reportsAz,
  exchangeAz,
  webhooksAz,
  integratorKeysAz,
  eservicesPublicAz,
  eservicesOfficerAz,
];
