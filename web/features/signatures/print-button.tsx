'use client';

import { useState } from 'react';
import type { PrintFile } from '../../api/contract';
import { useI18n } from '../../lib/i18n';
import { saveFrom } from '../../lib/download';
import { ProblemAlert } from '../../ui/fields';
import { getPrintFile } from './api';

/**
 * The card's print of the electronic document (Decree 935 §146, §143): downloads the single file
 * with page 1 stamped — the QR registration code with the organization's full name, legal address,
 * registration number and date, and the "Elektron sənədin surəti. N vərəq" marking — and says what
 * the page carries. A fresh link at each click (links expire after minutes).
 */
export function PrintFileButton({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [printed, setPrinted] = useState<PrintFile>();

  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await getPrintFile(documentId);
      setPrinted(file);
      saveFrom(file.url);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void print()} disabled={busy} title={t('print.hint')}>
        {busy ? t('print.preparing') : t('print.download')}
      </button>
      <ProblemAlert error={error} />
      {printed ? (
        <p role="status" className="muted small">
          {t('print.ready', {
            words: printed.copy.words,
            organization: printed.requisites.organization,
            legalAddress: printed.requisites.legalAddress,
            number: printed.requisites.registrationNumber,
            date: printed.requisites.registrationDate,
          })}
        </p>
      ) : null}
    </>
  );
}
