import type { SignaturesDeps } from '../signatures';
import type { DocumentSigner } from '../../platform/ports/signing.port';

/** What the exchange use cases need: the documents' and signatures' ports, the platform's signer. */
export interface ExchangeDeps extends SignaturesDeps {
  /** The platform's document-signing key (KMS): it signs the §148 receipt notices. */
  readonly signer?: DocumentSigner;
  /** The platform's mail intake domain (the agencies' intake addresses). */
  readonly intakeDomain?: string;
}
