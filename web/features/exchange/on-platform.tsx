'use client';

import { useI18n } from '../../lib/i18n';
import './exchange.css';

/** Beside a counterpart's name: the organization is an agency on the platform (receives electronically there). */
export function OnPlatformBadge() {
  const { t } = useI18n();
  return (
    <span
      className="badge exchange-onplatform"
      title={t('exchange.onPlatformHint')}
      data-testid="on-platform"
    >
      {t('exchange.onPlatform')}
    </span>
  );
}
