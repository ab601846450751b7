/**
 * The credentials of every AWS SDK client in a Lambda bundle: the execution role's, which Lambda
 * puts in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) for the
 * life of the execution environment.
 *
 * The bundler puts this module in place of `@aws-sdk/credential-provider-node` (an esbuild alias
 * in `infra/aws/constructs/project-function.ts`): the SDK's default chain would bundle the SSO,
 * ini-file, process, web-identity, container and instance-metadata providers with their nested
 * STS and SSO clients, none of which a Lambda ever reaches (the environment is the chain's first
 * link and always answers there). Outside a bundle (the embedded default, tests) nothing imports
 * this module and the SDK keeps its default chain.
 */
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

/** The SDK clients' `credentialDefaultProvider` (same name and call shape as the default chain's). */
export const defaultProvider = (init: FromEnvInit = {}): AwsCredentialIdentityProvider => fromEnv(init);
