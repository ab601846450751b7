'use client';

import { api } from '../../lib/api';
import { saveFrom } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy';
import { ProblemAlert } from '../../ui/fields';
import type { Answer } from '../../api/contract';

type Evidence = Answer<'getExchangeEvidence'>;

/**
 * Saves the exchange evidence of a document as a JSON file for a court or an auditor: the sender's
 * deliveries with the SHA-256 sent and the signed receipt notices, or the recipient's envelope as
 * received and its own notice (each checked against its recorded SHA-256 by the server).
 */
export function EvidenceButton({ documentId, name }: { documentId: string; name: string }) {
  const { t } = useI18n();
  const { busy, error, run } = useBusyAction();
  const save = () =>
    run(async () => {
      const evidence = await api<Evidence>(`/exchange/evidence/${encodeURIComponent(documentId)}`);
      const blob = new Blob([JSON.stringify(evidence, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      try {
        saveFrom(url, `${t('exchange.evidence.fileName')}-${name.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.json`);
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    });
  return (
    <div className="exchange-evidence">
      <button type="button" className="secondary" disabled={busy} onClick={() => void save()}>
        {busy ? t('exchange.evidence.preparing') : t('exchange.evidence.download')}
      </button>
      <p className="hint">{t('exchange.evidence.hint')}</p>
      <ProblemAlert error={error} />
    </div>
  );
}
