import type { SigningKeys } from '../../../platform/ports/signing.port';
import type { CmsSigner } from '../ports';
import type { SingleFileDeps } from './single-file.usecase';

/** What the signature use cases need: the single file's, the run-time keys and the CMS signer. */
export interface SignaturesDeps extends SingleFileDeps {
  /** Run-time signing keys (KMS); the default CMS signer's keys. */
  readonly signingKeys?: SigningKeys;
  /** Another CMS signer (a qualified external one); the KMS signer when absent. */
  readonly cmsSigner?: CmsSigner;
}
