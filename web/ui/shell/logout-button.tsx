'use client';

import { useState } from 'react';
import { signoutRedirect } from '../../lib/auth-client';
import { useI18n } from '../../lib/i18n';

/** The header's sign-out button: disabled from the click until the redirect answers or fails. */
export function LogoutButton() {
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      disabled={signingOut}
      onClick={() => {
        setSigningOut(true);
        void signoutRedirect().catch(() => setSigningOut(false));
      }}
    >
      {t('header.logout')}
    </button>
  );
}
