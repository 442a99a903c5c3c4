import { ApiError } from '@swigs/sdk';
import type { TFunction } from 'i18next';

/** The catalogue's sentence for an API error code, else the API's own detail. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}` as const;
    const text = t(key as 'errors.INTERNAL_ERROR', { defaultValue: '' });
    return text || error.message;
  }
  if (error instanceof TypeError) return t('errors.NETWORK');
  return t('errors.INTERNAL_ERROR');
}
