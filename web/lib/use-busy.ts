'use client';

import { useCallback, useState } from 'react';

/**
 * One action at a time on a tab: `busy` while it runs, its problem kept for the alert, and the
 * status message cleared when a new action starts.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage('');
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, message, setMessage, run };
}
