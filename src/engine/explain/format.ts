import type { Locale, Localised } from '../i18n.js';
import type { MetricUnit } from '../metrics/catalogue.js';

const grouped = (v: number, digits: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A metric value in its own unit, as users read it ("¥126,000.00", "9 天", "12.50%"). */
export function formatValue(unit: MetricUnit, value: number | string | null, locale: Locale): string {
  if (value === null || (typeof value === 'number' && Number.isNaN(value)))
    return locale === 'zh-CN' ? '空' : 'none';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'currency':
      return `${value < 0 ? '-' : ''}¥${grouped(Math.abs(value), 2)}`;
    case 'days':
      return locale === 'zh-CN'
        ? `${grouped(value, Number.isInteger(value) ? 0 : 2)} 天`
        : `${grouped(value, Number.isInteger(value) ? 0 : 2)} days`;
    case 'ratio':
      return `${grouped(value * 100, 2)}%`;
    case 'percent':
      return `${grouped(value, 2)}%`;
    default:
      return grouped(value, Number.isInteger(value) ? 0 : 2);
  }
}

/** "窗口期销售额 提高 ¥126,000.00（¥10,000.00 → ¥136,000.00）" / "raise sales in window by ¥126,000.00 (…)". */
export function describeChange(
  name: Localised,
  unit: MetricUnit,
  from: number | string | null,
  to: number | string,
): Localised {
  const numeric = typeof from === 'number' && typeof to === 'number';
  const up = numeric && to > from;
  const by = (locale: Locale) => (numeric ? formatValue(unit, Math.abs(to - from), locale) : '');
  const range = (locale: Locale) => `${formatValue(unit, from, locale)} → ${formatValue(unit, to, locale)}`;
  if (!numeric)
    return {
      'zh-CN': `${name['zh-CN']} 改为 ${to}（${range('zh-CN')}）`,
      'en-US': `change ${name['en-US'].toLowerCase()} to ${to} (${range('en-US')})`,
    };
  return {
    'zh-CN': `${name['zh-CN']} ${up ? '提高' : '降低'} ${by('zh-CN')}（${range('zh-CN')}）`,
    'en-US': `${up ? 'raise' : 'lower'} ${name['en-US'].toLowerCase()} by ${by('en-US')} (${range('en-US')})`,
  };
}
