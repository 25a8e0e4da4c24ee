import type { LorenzPoint } from '../api/analytics.api';

/** The share of value the top `customers` share brings, read off the curve by linear interpolation. */
export function shareOfTop(points: readonly LorenzPoint[], customers: number): number | null {
  if (points.length < 2) return null;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (customers <= b.customers) {
      const span = b.customers - a.customers;
      return span === 0 ? b.value : a.value + ((customers - a.customers) / span) * (b.value - a.value);
    }
  }
  return points[points.length - 1]!.value;
}
