import { onboardingApi } from '../../modules/onboarding';
import { apiGroupHandler } from './api-group';

/** The Lambda of the `onboarding` route group: the platform operator's routes and invitations. */
export const handler = apiGroupHandler('onboarding', { ...onboardingApi });
