'use client';

import { useCallback, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { lookUpOrganization, lookUpPerson, type RegistryOrganization, type RegistryPerson } from './api';

const FIN = /^[0-9A-Za-z]{7}$/;
const VOEN = /^\d{10}$/;

/**
 * The "fill from the registry" look-ups of a form: FİN in the passport registry, VÖEN in the
 * business registry. A bad format or a failed look-up leaves its message under the field that
 * was asked (`errors[field]`) and answers undefined.
 */
export function useRegistryLookup() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const ask = useCallback(
    async <T>(field: string, request: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        return await request();
      } catch (err) {
        const title =
          err instanceof ApiError
            ? err.status === 404
              ? t('doc.registry.notFound')
              : err.problem.title || t('errors.unexpected')
            : t('errors.unexpected');
        setErrors({ [field]: title });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const person = useCallback(
    async (fin: string, field: string): Promise<RegistryPerson | undefined> => {
      setErrors({});
      const value = fin.trim().toUpperCase();
      if (!FIN.test(value)) {
        setErrors({ [field]: t('doc.sender.finFormat') });
        return undefined;
      }
      return ask(field, () => lookUpPerson(value));
    },
    [ask, t],
  );

  const organization = useCallback(
    async (voen: string, field: string): Promise<RegistryOrganization | undefined> => {
      setErrors({});
      const value = voen.trim();
      if (!VOEN.test(value)) {
        setErrors({ [field]: t('validation.voen') });
        return undefined;
      }
      return ask(field, () => lookUpOrganization(value));
    },
    [ask, t],
  );

  const clear = useCallback(() => setErrors({}), []);
  return { busy, errors, clear, person, organization };
}
