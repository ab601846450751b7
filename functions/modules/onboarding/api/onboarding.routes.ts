import { pageOf } from '../../../platform/http/common.schema';
import type { RouteDef } from '../../../platform/http/route';
import * as s from './onboarding.schema';

const V1 = '/api/v1';

/**
 * The platform operator's routes (onboarding agencies) and the public end of an invitation (a
 * person sets their password from the e-mailed link).
 */
export const onboardingRoutes = [
  {
    method: 'GET',
    path: `${V1}/platform/me`,
    group: 'onboarding',
    operationId: 'getPlatformOperator',
    summary: 'The signed-in platform operator',
    tag: 'onboarding',
    auth: 'operator',
    response: s.operatorMe,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/platform/tenants`,
    group: 'onboarding',
    operationId: 'listTenantRegistrations',
    summary: 'The agencies on the platform',
    tag: 'onboarding',
    auth: 'operator',
    query: s.tenantRegistrationListQuery,
    response: pageOf(s.tenantRegistration),
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${V1}/platform/tenants`,
    group: 'onboarding',
    operationId: 'createTenant',
    summary: 'Onboard an agency: standard lists, its first admin invited by e-mail',
    tag: 'onboarding',
    auth: 'operator',
    body: s.tenantRegistrationInput,
    idempotent: true,
    response: s.tenantRegistration,
    successStatus: 201,
  },
  {
    method: 'GET',
    path: `${V1}/platform/tenants/{id}`,
    group: 'onboarding',
    operationId: 'getTenantRegistration',
    summary: 'An agency on the platform',
    tag: 'onboarding',
    auth: 'operator',
    params: s.tenantKeyParam,
    response: s.tenantRegistration,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${V1}/platform/tenants/{id}/invitation`,
    group: 'onboarding',
    operationId: 'resendTenantInvitation',
    summary: "Send the agency's first admin a new invitation (the old link stops working)",
    tag: 'onboarding',
    auth: 'operator',
    params: s.tenantKeyParam,
    response: s.tenantRegistration,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/invitation`,
    group: 'onboarding',
    operationId: 'getInvitation',
    summary: 'Who the invitation of the X-Invitation-Token header is for (before the password is set)',
    tag: 'onboarding',
    auth: 'invitation',
    response: s.invitationView,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${V1}/invitation/accept`,
    group: 'onboarding',
    operationId: 'acceptInvitation',
    summary: 'Set the password of the invitation of the X-Invitation-Token header (once, before it expires)',
    tag: 'onboarding',
    auth: 'invitation',
    body: s.invitationAcceptance,
    response: s.invitationAccepted,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
