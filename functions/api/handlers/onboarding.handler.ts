import { onboardingApi, onboardingRoutes } from '../../modules/onboarding';
import { email, identity } from '../../wiring/adapters';
import { apiGroupHandler } from './api-group';

/** The routes of the `onboarding` group, from its modules' slices. */
export const groupRoutes = [...onboardingRoutes];

/** The Lambda of the `onboarding` route group: the platform operator's routes and invitations. */
export const handler = apiGroupHandler('onboarding', groupRoutes, { ...onboardingApi }, { email, identity });
