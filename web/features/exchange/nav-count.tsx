'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { listReceived } from './api';

const PAGE = 100;

/**
 * The menu's count of received electronic documents waiting for registration: one page of the
 * queue (up to 100, "100+" beyond), read again when the user moves to another page.
 */
export function ReceivedWaitingCount({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const [count, setCount] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    listReceived('waiting', undefined, controller.signal, PAGE)
      .then((page) => setCount(page.nextCursor ? `${PAGE}+` : String(page.items.length)))
      .catch(() => setCount(undefined));
    return () => controller.abort();
  }, [pathname]);
  if (!count || count === '0') return null;
  return (
    <span className="badge exchange-nav-count" data-testid="received-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{` (${t('exchange.queue.waitingCount', { count })})`}</span>
    </span>
  );
}
