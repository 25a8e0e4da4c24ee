import { useMemo } from 'react';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

/** Client-side checks that mirror the API's, so most mistakes are caught before a round trip. */
export function useRules() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      required: { required: true, whitespace: true, message: t('validation.required') } satisfies FormRule,
      requiredValue: { required: true, message: t('validation.required') } satisfies FormRule,
      max: (max: number): FormRule => ({ max, message: t('validation.tooLong', { max }) }),
      email: { type: 'email', message: t('validation.email') } satisfies FormRule,
      code: {
        pattern: /^[\p{L}\p{N}_\-./]+$/u,
        message: t('validation.code'),
      } satisfies FormRule,
      nonNegative: { type: 'number', min: 0, message: t('validation.nonNegative') } satisfies FormRule,
    }),
    [t],
  );
}
