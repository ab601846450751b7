import type { RouteDef } from '../../../platform/http/route';
import * as s from './exchange.schema';

const V1 = '/api/v1/exchange';
const common = { group: 'exchange', tag: 'exchange', auth: 'jwt' } as const;

/**
 * Exchange of electronic documents (Decree 935 §141–§150): the queue of received electronic
 * documents (from agencies on the platform and by e-mail), their registration or refusal, and the
 * agency's exchange settings. The sender's side (deliveries and receipts) is on the outgoing
 * document itself.
 */
export const exchangeRoutes = [
  {
    ...common,
    roles: ['clerk', 'admin'],
    method: 'GET',
    path: `${V1}/received`,
    operationId: 'listReceived',
    summary: 'Received electronic documents of the agency by state (waiting by default), newest first',
    query: s.receivedListQuery,
    response: s.receivedPage,
    successStatus: 200,
  },
  {
    ...common,
    roles: ['clerk', 'admin'],
    method: 'GET',
    path: `${V1}/received/{id}`,
    operationId: 'getReceived',
    summary:
      'A received electronic document: sender, requisites, files and the verification of its signatures and signers’ authority; the first opening tells the sender it was received',
    params: s.receivedParam,
    response: s.receivedItem,
    successStatus: 200,
  },
  {
    ...common,
    roles: ['clerk', 'admin'],
    method: 'POST',
    path: `${V1}/received/{id}/verify`,
    operationId: 'verifyReceived',
    summary:
      'Verifies the received file again as stored now (integrity, chain to the sender’s CA, authority)',
    params: s.receivedParam,
    response: s.receivedItem,
    successStatus: 200,
  },
  {
    ...common,
    roles: ['clerk', 'admin'],
    method: 'GET',
    path: `${V1}/received/{id}/files/{index}`,
    operationId: 'getReceivedFile',
    summary: 'A short-lived download link to one file of a received item',
    params: s.receivedFileParam,
    response: s.receivedFileLink,
    successStatus: 200,
  },
  {
    ...common,
    roles: ['clerk'],
    method: 'POST',
    path: `${V1}/received/{id}/register`,
    operationId: 'registerReceived',
    summary:
      'Registers a received document as an incoming document (sender’s number and date filled); only a verified one when it came from an agency (§149); the receipt notice (§148) goes back to the sender',
    params: s.receivedParam,
    body: s.registerReceivedBody,
    response: s.registeredReceived,
    successStatus: 200,
  },
  {
    ...common,
    roles: ['clerk'],
    method: 'POST',
    path: `${V1}/received/{id}/refuse`,
    operationId: 'refuseReceived',
    summary: 'Refuses a received document with a reason, which goes back to the sender (§149)',
    params: s.receivedParam,
    body: s.refuseReceivedBody,
    response: s.receivedItem,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/settings`,
    operationId: 'getExchangeSettings',
    summary: 'The agency’s intake address, reply-to address and receipt period',
    response: s.exchangeSettings,
    successStatus: 200,
  },
  {
    ...common,
    roles: ['admin'],
    method: 'PUT',
    path: `${V1}/settings`,
    operationId: 'putExchangeSettings',
    summary: 'Sets the reply-to address and the receipt period (working days) of the agency',
    body: s.exchangeSettingsBody,
    response: s.exchangeSettings,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${V1}/evidence/{id}`,
    operationId: 'getExchangeEvidence',
    summary:
      'The exchange evidence of a document for a court or an auditor (JSON): the sender’s deliveries with the SHA-256 sent and the signed receipt notices, or the recipient’s envelope as received and its notice',
    params: s.evidenceParam,
    response: s.exchangeEvidence,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
