import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { approvalProgress } from '../modules/approval';
import { adminAlerts, archiveAlerts } from '../modules/notifications';
import { createEmbeddedSearchIndex, createOpenSearchIndex, createTextExtractor } from '../modules/search';
import { electronicSignatures, verifiedSignatureEvidence } from '../modules/signatures';
import { CognitoIdentityDirectory } from '../platform/adapters/cognito/identity-directory.adapter';
import { CognitoMfaDirectory } from '../platform/adapters/cognito/mfa.adapter';
import { createEmailSender } from '../platform/adapters/email/ses-email.adapter';
import { createDocumentSigner } from '../platform/adapters/kms/document-signer.adapter';
import { KmsSigningKeys } from '../platform/adapters/kms/signing-keys.adapter';
import { HostedPaymentGateway } from '../platform/adapters/payment/hosted-payment.adapter';
import {
  FileMerchantSecrets,
  SecretsManagerMerchantSecrets,
} from '../platform/adapters/payment/merchant-secrets.adapter';
import { createObjectStore } from '../platform/adapters/s3/object-store.adapter';
import { SfnWorkflowEngine } from '../platform/adapters/sfn/workflow.adapter';
import { createSmsSender } from '../platform/adapters/sms/sns-sms.adapter';
import { metrics } from '../platform/observability/emf-metrics';
import { meteredEmail, meteredSms } from '../platform/observability/metered-senders';
import type { Wiring } from './container';

/**
 * The adapters a Lambda entry wires into the container (`wire({ email, objects })`), one export
 * each: an entry that does not name one does not bundle its SDK client or library. Every notice
 * is counted where it leaves (NoticeSent / NoticeFailed by channel).
 */
export const email: Wiring['email'] = ({ region, need, endpoint, cfg }) =>
  meteredEmail(
    createEmailSender({ region, fromAddress: need('SES_FROM'), ...endpoint(cfg.SES_ENDPOINT) }),
    metrics,
  );

export const sms: Wiring['sms'] = ({ region, endpoint, cfg }) =>
  meteredSms(createSmsSender({ region, ...endpoint(cfg.SNS_ENDPOINT) }), metrics);

export const objects: Wiring['objects'] = ({ region, need, endpoint, cfg, tenant }) => {
  const options = {
    region,
    ...endpoint(cfg.S3_ENDPOINT),
    buckets: {
      attachments: need('ATTACHMENTS_BUCKET'),
      archive: need('ARCHIVE_BUCKET'),
      ...(cfg.INTAKE_BUCKET ? { intake: cfg.INTAKE_BUCKET } : {}),
    },
  };
  return tenant(createObjectStore(options), (credentials) => createObjectStore({ ...options, credentials }));
};

export const signer: Wiring['signer'] = ({ region, need, endpoint, cfg }) =>
  createDocumentSigner({ region, keyId: need('SIGNING_KEY_ID'), ...endpoint(cfg.KMS_ENDPOINT) });

export const signingKeys: Wiring['signingKeys'] = ({ region, endpoint, cfg }) =>
  new KmsSigningKeys({ region, ...endpoint(cfg.KMS_ENDPOINT) });

/** The e-visa code key (EVISA_CODE_KEY_ID): a KMS P-256 key of its own, never the signing key. */
export const visaSigner: Wiring['visaSigner'] = ({ region, need, endpoint, cfg }) =>
  createDocumentSigner({ region, keyId: need('EVISA_CODE_KEY_ID'), ...endpoint(cfg.KMS_ENDPOINT) });

export const workflow: Wiring['workflow'] = ({ region, need, endpoint, cfg }) =>
  new SfnWorkflowEngine({
    region,
    machines: JSON.parse(need('STATE_MACHINE_ARNS')) as Record<string, string>,
    ...endpoint(cfg.SFN_ENDPOINT),
  });

export const identity: Wiring['identity'] = ({ region, need, endpoint, cfg }) =>
  new CognitoIdentityDirectory({
    region,
    userPoolId: need('USER_POOL_ID'),
    ...endpoint(cfg.COGNITO_ENDPOINT),
  });

export const mfa: Wiring['mfa'] = ({ region, need, endpoint, cfg }) =>
  new CognitoMfaDirectory({ region, userPoolId: need('USER_POOL_ID'), ...endpoint(cfg.COGNITO_ENDPOINT) });

/** PAdES signatures on the single file (the PDF and CMS libraries). */
export const esign: Wiring['esign'] = ({ container }) => electronicSignatures(container);

/** The verified signatures of a single file (the CMS library). */
export const signatures: Wiring['signatures'] = ({ container }) => verifiedSignatureEvidence(container);

export const alerts: Wiring['alerts'] = ({ container }) => adminAlerts(container);

export const archiveAlertsOf: Wiring['archiveAlerts'] = ({ container }) => archiveAlerts(container);

export const approval: Wiring['approval'] = ({ container }) => approvalProgress(container);

/**
 * The search index: the OpenSearch collection where SEARCH_ENDPOINT is set (AWS with search
 * deployed), else the embedded engine in SEARCH_DIR (the embedded default's data folder). Without
 * either, `searchEnabled` is false and nothing builds it.
 */
export const search: Wiring['search'] = ({ region, need, cfg }) => {
  if (cfg.SEARCH_ENDPOINT)
    return createOpenSearchIndex({ endpoint: cfg.SEARCH_ENDPOINT, region, indexName: cfg.SEARCH_INDEX });
  const made = createEmbeddedSearchIndex({ dir: need('SEARCH_DIR') });
  opened.push(made);
  return made;
};

/** Text of content files (text layers, office files, Tesseract OCR with its installed models). */
export const extractor: Wiring['extractor'] = () => {
  const made = createTextExtractor();
  opened.push(made);
  return made;
};

/**
 * Card payments: the acquirer at PAYMENT_ENDPOINT, our merchant secret from Secrets Manager in
 * AWS (PAYMENT_SECRET_ARN) or the local acquirer's file (PAYMENT_SECRET_FILE). Timestamps and the
 * callbacks' freshness by the container's clock (the embedded default's controllable one).
 */
export const payments: Wiring['payments'] = ({ region, need, cfg, container }) =>
  new HostedPaymentGateway({
    endpoint: need('PAYMENT_ENDPOINT'),
    merchantId: need('PAYMENT_MERCHANT_ID'),
    secrets: cfg.PAYMENT_SECRET_FILE
      ? new FileMerchantSecrets(cfg.PAYMENT_SECRET_FILE)
      : new SecretsManagerMerchantSecrets(new SecretsManagerClient({ region }), need('PAYMENT_SECRET_ARN')),
    now: () => container.clock.now(),
  });

/** Adapters that hold a process's resources: OCR workers, the embedded engine's folder. */
const opened: Array<{ close(): Promise<void> }> = [];

/** Ends the extractors' OCR workers and writes the embedded engine's snapshot (the embedded default stops). */
export async function closeLocalAdapters(): Promise<void> {
  for (const a of opened.splice(0).reverse()) await a.close();
}

/** Everything: the embedded default serves every entry in one process. */
export const everyAdapter: Required<Wiring> = {
  email,
  sms,
  objects,
  signer,
  signingKeys,
  visaSigner,
  workflow,
  identity,
  mfa,
  esign,
  signatures,
  alerts,
  archiveAlerts: archiveAlertsOf,
  approval,
  search,
  extractor,
  payments,
};
