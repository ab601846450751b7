/**
 * Cognito's scope for an access token that manages its own user (AssociateSoftwareToken,
 * VerifySoftwareToken, SetUserMFAPreference): the local provider grants it to the web client, and
 * the local Cognito endpoint requires it, as Cognito does.
 */
export const COGNITO_ADMIN_SCOPE = 'aws.cognito.signin.user.admin';
