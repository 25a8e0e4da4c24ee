import type { TFunction } from 'i18next';
import { formatMoney } from '../../../shared/format/money';
import type { Metric } from '../api/grading.api';

/** A metric's raw value in its unit: money as ¥, ratios as percentages, days with their unit. */
export function formatMetricValue(
  value: number | string | null | undefined,
  unit: Metric['unit'] | undefined,
  t: TFunction,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value)) return value;
  const number = Number(value);
  if (!Number.isFinite(number)) return '—';
  switch (unit) {
    case 'currency':
      return formatMoney(number);
    case 'ratio':
      return `${(number * 100).toFixed(1)}%`;
    case 'percent':
      return `${number.toFixed(1)}%`;
    case 'days':
      return t('unit.days', { count: Math.round(number * 10) / 10 });
    default:
      return number.toLocaleString(undefined, { maximumFractionDigits: 2 });
  }
}
