/** The public face of the onboarding module: the platform operator's agencies and invitations. */
export { onboardingApi } from './api/onboarding.api';
export { onboardingRoutes } from './api/onboarding.routes';
export { tenantRegistrationInput } from './api/onboarding.schema';
export {
  PLATFORM_PARTITION,
  type TenantRegistration,
  type TenantRegistrationData,
  type TenantRegistrationInput,
} from './domain/onboarding';
export type { OnboardingDeps } from './ports';
export { createTenant, recordRegistration } from './usecases/tenants.usecase';
