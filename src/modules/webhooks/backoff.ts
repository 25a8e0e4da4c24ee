import type { WebhookSettings } from '../../config.js';

/** Seconds to wait after the n-th failed attempt (n ≥ 1): base × 2^(n−1), never more than the cap. */
export function retryDelaySeconds(
  failedAttempts: number,
  settings: Pick<WebhookSettings, 'backoffSeconds' | 'backoffMaxSeconds'>,
): number {
  return Math.min(settings.backoffSeconds * 2 ** (failedAttempts - 1), settings.backoffMaxSeconds);
}

export type NextStep = { readonly status: 'failed' } | { readonly status: 'pending'; readonly at: Date };

/** After a failed attempt: try again later, or give up once the attempts are spent. */
export function afterFailure(
  attempts: number,
  failedAt: Date,
  settings: Pick<WebhookSettings, 'backoffSeconds' | 'backoffMaxSeconds' | 'maxAttempts'>,
): NextStep {
  if (attempts >= settings.maxAttempts) return { status: 'failed' };
  return {
    status: 'pending',
    at: new Date(failedAt.getTime() + retryDelaySeconds(attempts, settings) * 1000),
  };
}
