import type { RouteDef } from '../../../platform/http/route';
import * as s from './flow.schema';

const APPLICATIONS = '/api/public/v1/agencies/{agency}/applications';
const open = { group: 'eservices', tag: 'public', auth: 'public' } as const;

/**
 * The application's public steps (issue 15, third slice): confirming the e-mail, paying, and the
 * acquirer's signed callback (no agency in its path: the order id names the application).
 */
export const flowRoutes = [
  {
    ...open,
    method: 'POST',
    path: `${APPLICATIONS}/confirm`,
    operationId: 'confirmApplication',
    summary:
      'Confirms the contact e-mail with the link’s secret (within the window); a wrong secret gets the same 404 as an unknown number',
    params: s.agencyParam,
    body: s.confirmBody,
    response: s.confirmation,
    successStatus: 200,
  },
  {
    ...open,
    method: 'POST',
    path: `${APPLICATIONS}/payment`,
    operationId: 'startApplicationPayment',
    summary:
      'The hosted payment page for the application’s fee (number and passport number or FİN); an open payment is reused',
    params: s.agencyParam,
    body: s.paymentBody,
    response: s.paymentStart,
    successStatus: 200,
  },
  {
    ...open,
    method: 'POST',
    path: '/api/public/v1/payments/callback',
    operationId: 'paymentCallback',
    summary:
      'The acquirer’s signed payment decision; forged, stale, mismatched or repeated callbacks change nothing',
    headers: s.paymentCallbackHeaders,
    body: s.paymentCallbackBody,
    rawBody: true,
    response: s.paymentCallbackAnswer,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
