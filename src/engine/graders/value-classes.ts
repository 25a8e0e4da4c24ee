import { argsort } from '../sort/radix.js';
import { comesAtOrBefore, type PositionBoundary, type RankOrder } from './positions.js';

/**
 * Value classes, ladder order MVC, MGC, other, BZC. BZC (负值客户): value after cost to serve below zero.
 * MVC: among the others, the first ⌊n·x %⌋ by (profit desc, customer id) where n is the whole population.
 * MGC: among the rest, the first ⌊n·y %⌋ by (growth desc, customer id); NULL growth is never MGC.
 * Stored boundaries are the last MVC and the last MGC, so one customer can be placed without the population.
 */
export const VALUE_CLASS = { mvc: 0, mgc: 1, other: 2, bzc: 3 } as const;

export interface ValueClassParams {
  readonly kind: 'value-classes';
  readonly mvc: PositionBoundary | null;
  readonly mgc: PositionBoundary | null;
}

const DESC: RankOrder = { descending: true, nulls: 'last' };

export interface ValueClassColumns {
  readonly profit: Float64Array;
  readonly growth: Float64Array;
  readonly netValue: Float64Array;
}

export function gradeValueClasses(
  mvcPercent: number,
  mgcPercent: number,
  columns: ValueClassColumns,
  ids: ArrayLike<number>,
  byId: Int32Array,
): { grades: Int32Array; params: ValueClassParams } {
  const n = ids.length;
  const grades = new Int32Array(n).fill(VALUE_CLASS.other);
  for (let i = 0; i < n; i++) if (columns.netValue[i]! < 0) grades[i] = VALUE_CLASS.bzc;
  const take = (values: Float64Array, percent: number, grade: number): PositionBoundary | null => {
    let remaining = Math.floor((n * percent) / 100);
    let last: PositionBoundary | null = null;
    for (const row of argsort(values, { ...DESC, initialOrder: byId })) {
      if (remaining === 0 || Number.isNaN(values[row]!)) break;
      if (grades[row] !== VALUE_CLASS.other) continue;
      grades[row] = grade;
      last = { value: values[row]!, id: ids[row]! };
      remaining--;
    }
    return last;
  };
  const mvc = take(columns.profit, mvcPercent, VALUE_CLASS.mvc);
  const mgc = take(columns.growth, mgcPercent, VALUE_CLASS.mgc);
  return { grades, params: { kind: 'value-classes', mvc, mgc } };
}

export function valueClassOf(
  p: ValueClassParams,
  id: number,
  profit: number,
  growth: number,
  netValue: number,
) {
  if (netValue < 0) return VALUE_CLASS.bzc;
  if (p.mvc && !Number.isNaN(profit) && comesAtOrBefore(profit, id, p.mvc, DESC)) return VALUE_CLASS.mvc;
  if (p.mgc && !Number.isNaN(growth) && comesAtOrBefore(growth, id, p.mgc, DESC)) return VALUE_CLASS.mgc;
  return VALUE_CLASS.other;
}
