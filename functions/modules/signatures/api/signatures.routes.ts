import type { RouteDef } from '../../../platform/http/route';
import * as s from './signatures.schema';

const DOCS = '/api/v1/documents';
const tag = 'signatures';

/** The single electronic file of a document (Decree 935 §142.6, §142.7). */
export const signatureRoutes = [
  {
    method: 'GET',
    path: `${DOCS}/{id}/single-file`,
    group: 'signatures',
    operationId: 'getSingleFile',
    summary:
      "The document's single electronic file (built on read while unsigned, frozen once signed): SHA-256, pages and a download link",
    tag,
    auth: 'jwt',
    params: s.singleFileParam,
    response: s.singleFile,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: `${DOCS}/{id}/single-file`,
    group: 'signatures',
    operationId: 'rebuildSingleFile',
    summary:
      'Builds the single electronic file again from its inputs, for the document version given (refused with 409 once signed or changed since)',
    tag,
    auth: 'jwt',
    params: s.singleFileParam,
    body: s.rebuildSingleFileBody,
    response: s.singleFile,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${DOCS}/{id}/single-file/print`,
    group: 'signatures',
    operationId: 'getPrintFile',
    summary:
      'The single file as printed (Decree 935 §146, §143): page 1 carries the registration code and the paper-copy marking, appended as an incremental update so that signatures stay valid; a download link',
    tag,
    auth: 'jwt',
    params: s.singleFileParam,
    response: s.printFile,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${DOCS}/{id}/single-file/verification`,
    group: 'signatures',
    operationId: 'verifySingleFile',
    summary:
      "Verifies the document's single file: each signature's integrity, its chain to the agency's CA, the signer's authority at the signing time, the bytes it covers, and the requisites (§144.4, §145)",
    tag,
    auth: 'jwt',
    params: s.singleFileParam,
    response: s.fileVerification,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
