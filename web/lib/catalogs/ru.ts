import type { Catalog } from '../messages';
import approvalRu from '../../features/approval/messages/ru.json';
import archiveRu from '../../features/archive/messages/ru.json';
import archiveTransfersRu from '../../features/archive/messages/transfers.ru.json';
import citizenRegistriesRu from '../../features/citizen-registries/messages/ru.json';
import documentsRu from '../../features/documents/messages/ru.json';
import executionRu from '../../features/execution/messages/ru.json';
import notificationsRu from '../../features/notifications/messages/ru.json';
import onboardingRu from '../../features/onboarding/messages/ru.json';
import orgRu from '../../features/org/messages/ru.json';
import referenceRu from '../../features/reference/messages/ru.json';
import reportsRu from '../../features/reports/messages/ru.json';
import webhooksRu from '../../features/webhooks/messages/ru.json';
import integratorKeysRu from '../../features/integrator-keys/messages/ru.json';
import signaturesRu from '../../features/signatures/messages/ru.json';
import uiRu from '../../ui/messages/ru.json';
import searchRu from '../../features/search/messages/ru.json';
import exchangeRu from '../../features/exchange/messages/ru.json';
import eservicesPublicRu from '../../features/eservices-public/messages/ru.json';
import eservicesOfficerRu from '../../features/eservices-officer/messages/ru.json';

/** The Russian files: a chunk of its own, loaded when the user chooses Russian. */
export const files: Catalog[] = [
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
  searchRu,
  reportsRu,
  exchangeRu,
  webhooksRu,
  integratorKeysRu,
  eservicesPublicRu,
  eservicesOfficerRu,
];
