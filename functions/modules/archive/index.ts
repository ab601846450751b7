/** The public face of the archive module (Decree 935 §152–§153: the immutable archive, tamper evidence). */
export { executeDisposal, drawUpDisposalAct, type DisposalAct } from './usecases/disposal.usecase';
export { archiveRoutes } from './api/archive.routes';
export { archiveApi } from './api/archive.api';
export { type ArchiveAlerts } from './ports';
export { type ArchiveDeps } from './usecases/deps';
export { archiveDocument, awaitsArchiveCopy } from './usecases/archive.usecase';
export { ensureArchiveTenant, recordHolding } from './usecases/holdings.usecase';
export { archiveAfterOperation } from './usecases/records.usecase';
export { INTEGRITY_MACHINE } from './usecases/schedule.usecase';
export {
  runIntegrityCheck,
  sealDay,
  sealPendingDays,
  type IntegrityReport,
} from './usecases/integrity.usecase';
export { archiveIntegrityPlanTask } from './tasks/archiveIntegrityPlan.task';
export { archiveIntegrityCheckTask } from './tasks/archiveIntegrityCheck.task';
export { inclusionProof, leafHash, merkleRoot, verifyInclusion } from './domain/merkle';
export { retentionOf, PERMANENT_YEARS } from './domain/retention';
export { archiveTransferBuildTask } from './tasks/archiveTransferBuild.task';
export { TRANSFER_MACHINE } from './usecases/transfer.usecase';
