import type { ArchiveAlerts } from '../../archive';
import type { AdminAlerts } from '../../documents';
import { agencyAdmins } from './agency-admins';
import { notifyEmployees, type NotifyDeps } from './notify.usecase';

/** Admin alerts by the admins' own notice preferences (e-mail, SMS, language). */
export function adminAlerts(deps: NotifyDeps): AdminAlerts {
  return {
    async contentProblem({ document, fileName, problem, key }) {
      const admins = await agencyAdmins(deps, document.tenantId);
      if (admins.length === 0) return;
      await notifyEmployees(deps, {
        tenantId: document.tenantId,
        document,
        kind: problem === 'missing' ? 'content-missing' : 'content-damaged',
        recipients: admins,
        file: fileName,
        tab: 'contents',
        key,
      });
    },
  };
}

/**
 * Alerts of the archive (an archived object or a chain entry that no longer matches its hash) to
 * the agency's archivists and admins, by their own notice preferences.
 */
export function archiveAlerts(deps: NotifyDeps): ArchiveAlerts {
  return {
    async integrityProblem({ tenantId, summary, documentId, key }) {
      const recipients = await agencyAdmins(deps, tenantId, ['archivist', 'admin']);
      if (recipients.length === 0) return;
      const document = documentId ? await deps.documents.get(tenantId, documentId) : undefined;
      await notifyEmployees(deps, {
        tenantId,
        ...(document ? { document, tab: 'contents' as const } : {}),
        about: { label: summary, path: '/archive/' },
        kind: 'archive-integrity',
        recipients,
        key,
      });
    },
  };
}
