import type { RouteDef } from '../../../platform/http/route';
import { document } from '../../documents';
import * as s from './archive.schema';
import { transferRoutes } from './transfer.routes';

const ARCHIVE = '/api/v1/archive';
const tag = 'archive';
const common = { group: 'archive', tag, auth: 'jwt' } as const;

/** The immutable archive (Decree 935 §152–§153): holdings, case files, legal holds, proofs, integrity. */
export const archiveRoutes = [
  {
    ...common,
    method: 'GET',
    path: `${ARCHIVE}/holdings`,
    operationId: 'listArchiveHoldings',
    summary: 'Archived documents by the end of their retention, all or one case file’s (archive role)',
    roles: ['archivist'],
    query: s.holdingsQuery,
    response: s.holdingsPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'POST',
    path: `${ARCHIVE}/cases`,
    operationId: 'closeCaseFile',
    summary:
      'Close a case file of the nomenclature for a year: its documents are archived and copied to the archive bucket under Object Lock',
    body: s.closeCaseBody,
    response: s.caseClosure,
    successStatus: 200,
  },
  {
    ...common,
    method: 'POST',
    path: `${ARCHIVE}/documents/{id}/legal-hold`,
    operationId: 'setArchiveLegalHold',
    summary: 'Set or release the legal hold of an archived document’s objects (archive role; logged)',
    params: s.documentParam,
    body: s.legalHoldBody,
    response: document,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${ARCHIVE}/documents/{id}/verify`,
    operationId: 'verifyArchivedDocument',
    summary:
      'The proof for one document: its operations-log hash chain, inclusion proofs in the sealed daily Merkle roots, and the archived objects’ SHA-256',
    params: s.documentParam,
    response: s.verification,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${ARCHIVE}/documents/{id}/single-file`,
    operationId: 'getArchivedSingleFile',
    summary: 'The archived single file, checked against its SHA-256 (409 when it does not match)',
    params: s.documentParam,
    response: s.archivedFile,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${ARCHIVE}/documents/{id}/contents/{contentId}`,
    operationId: 'getArchivedContent',
    summary: 'An archived original file, checked against its SHA-256 (409 when it does not match)',
    params: s.contentParam,
    response: s.archivedFile,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${ARCHIVE}/reports`,
    operationId: 'listIntegrityReports',
    summary: 'Integrity reports of the archive, newest first (archive role)',
    roles: ['archivist'],
    query: s.reportsQuery,
    response: s.reportsPage,
    successStatus: 200,
  },
  {
    ...common,
    method: 'POST',
    path: `${ARCHIVE}/reports`,
    operationId: 'requestIntegrityCheck',
    summary: 'Run the integrity check now: a report in state running, filled in by the integrity machine',
    response: s.integrityReport,
    successStatus: 201,
  },
  ...transferRoutes,
] as const satisfies readonly RouteDef[];
