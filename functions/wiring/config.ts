import * as z from 'zod';

/**
 * Configuration read and validated once at start; a missing variable fails fast.
 * The embedded default sets the same variables for its in-process handlers.
 */
const schema = z.object({
  KARGUZAR_ENV: z.enum(['aws', 'local']).default('aws'),
  AWS_REGION: z.string().default('eu-central-1'),
  TABLE_NAME: z.string().min(1),
  DYNAMODB_ENDPOINT: z.url().optional(),
  OIDC_ISSUER: z.url(),
  OIDC_AUDIENCE: z.string().min(1),
  OIDC_JWKS_URI: z.url().optional(),
  /** Cognito: 'access' (refuses ID tokens). */
  OIDC_TOKEN_USE: z.string().optional(),
  /** The local provider: 'at+jwt' (refuses ID tokens). */
  OIDC_TOKEN_TYP: z.string().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('karguzar-web'),
  OIDC_LOGOUT_URL: z.url().optional(),
  // Endpoints are set only in the embedded default; in AWS the SDK finds the services itself.
  S3_ENDPOINT: z.url().optional(),
  KMS_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  SNS_ENDPOINT: z.url().optional(),
  SFN_ENDPOINT: z.url().optional(),
  ATTACHMENTS_BUCKET: z.string().min(1).optional(),
  ARCHIVE_BUCKET: z.string().min(1).optional(),
  SIGNING_KEY_ID: z.string().min(1).optional(),
  /** The e-visa code key (ECC_NIST_P256, alias/karguzar-evisa-codes): signs visa codes, its public half is published. */
  EVISA_CODE_KEY_ID: z.string().min(1).optional(),
  SES_FROM: z.string().min(3).optional(),
  STATE_MACHINE_ARNS: z.string().optional(),
  USER_POOL_ID: z.string().min(1).optional(),
  COGNITO_ENDPOINT: z.url().optional(),
  /** The tenant access role (API functions in AWS): tenant requests use its tagged sessions (issue 18). */
  TENANT_ACCESS_ROLE_ARN: z.string().startsWith('arn:').optional(),
  /** The OpenSearch collection's endpoint (AWS, when search is deployed): search uses it when set. */
  SEARCH_ENDPOINT: z.url().optional(),
  /** The index of the documents in the collection. */
  SEARCH_INDEX: z.string().min(1).default('karguzar-documents'),
  /** The embedded default: the embedded search engine's folder (used when SEARCH_ENDPOINT is not set). */
  SEARCH_DIR: z.string().min(1).optional(),
  /** Where the web app is served: links in notices point there. */
  WEB_ORIGIN: z.url().optional(),
  /** AWS: the secret whose value CloudFront sends in the origin header; absent: no check. */
  ORIGIN_SECRET_ARN: z.string().min(1).optional(),
  /** Requests per minute of one agency, across all API processes. */
  TENANT_RATE_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  /** Agencies' own limits: a JSON object of tenant id → requests per minute. */
  TENANT_RATE_LIMITS: z.string().optional(),
  /** Mail to `<tenant key>@<this domain>` becomes a received item of that agency (exchange module). */
  INTAKE_DOMAIN: z.string().min(3).max(200).default('intake.karguzar.local'),
  /** The bucket SES receiving (AWS) or the local SMTP listener writes raw intake mail to. */
  INTAKE_BUCKET: z.string().min(1).optional(),
  /** Webhook targets on loopback or private addresses are allowed (the embedded default only). */
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** The card acquirer's payment API (hosted payment page protocol); the local payment page in the embedded default. */
  PAYMENT_ENDPOINT: z.url().optional(),
  /** Our merchant id at the acquirer. */
  PAYMENT_MERCHANT_ID: z.string().min(1).optional(),
  /** AWS: the Secrets Manager secret holding the merchant secret the acquirer issued (current and previous accepted). */
  PAYMENT_SECRET_ARN: z.string().min(1).optional(),
  /** The embedded default: the file the local acquirer keeps the merchant secret in (used instead of the ARN). */
  PAYMENT_SECRET_FILE: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new Error(`Invalid configuration: ${names}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For the embedded default and tests that change the environment in-process. */
export function resetConfig(): void {
  cached = undefined;
}
