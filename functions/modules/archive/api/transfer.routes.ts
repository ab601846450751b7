import type { RouteDef } from '../../../platform/http/route';
import * as s from './transfer.schema';

const TRANSFERS = '/api/v1/archive/transfers';
const common = { group: 'archive', tag: 'archive', auth: 'jwt' } as const;
/** The reads name the role; the POST checks it in its use case, after the media type and the body. */
const archivist = { roles: ['archivist'] } as const;

/** Transfer packages of permanent case files to the state archive (Decree 935 §153.7), archive role. */
export const transferRoutes = [
  {
    ...common,
    method: 'POST',
    path: TRANSFERS,
    operationId: 'requestArchiveTransfer',
    summary:
      'Build the transfer package of a permanent case file for a year: a BagIt bag (RFC 8493, SHA-256 manifests) in one tar, built by the transfer machine (archive role)',
    body: s.transferBody,
    idempotent: true,
    response: s.archiveTransfer,
    successStatus: 201,
  },
  {
    ...common,
    method: 'GET',
    path: TRANSFERS,
    ...archivist,
    operationId: 'listArchiveTransfers',
    summary: 'Transfer packages, newest first',
    query: s.transfersQuery,
    response: s.transfersPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${TRANSFERS}/{id}`,
    ...archivist,
    operationId: 'getArchiveTransfer',
    summary: 'A transfer package: its status, progress and, when ready, its size and SHA-256',
    params: s.transferParam,
    response: s.archiveTransfer,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${TRANSFERS}/{id}/package`,
    ...archivist,
    operationId: 'getArchiveTransferPackage',
    summary: 'A short-lived download link to a ready transfer package (409 until it is ready)',
    params: s.transferParam,
    response: s.transferFile,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
