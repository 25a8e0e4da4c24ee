import type { MetricId } from '../metrics/catalogue.js';
import type { Model } from './schema.js';

/**
 * Whether any factor or the method of a model reads one of these metrics: metrics that cost a fit (CLV) or rows
 * beyond the graded customers' own (referrals) are prepared only for the models that read them.
 */
export function readsAnyMetric(model: Model, metrics: readonly MetricId[]): boolean {
  const ids: readonly unknown[] = metrics;
  const mentions = (value: unknown): boolean =>
    typeof value === 'string'
      ? ids.includes(value)
      : Array.isArray(value)
        ? value.some(mentions)
        : value !== null && typeof value === 'object' && Object.values(value).some(mentions);
  return mentions(model.factors) || mentions(model.method);
}

export const REFERRAL_METRIC_IDS = ['referred_buyers', 'referred_sales_window'] as const satisfies MetricId[];

export const readsReferralMetrics = (model: Model) => readsAnyMetric(model, REFERRAL_METRIC_IDS);
