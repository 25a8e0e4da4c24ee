import { BUCKET_RANGE } from '../sort/select.js';

/**
 * Graders that assign by position in a ranked order (quotas, ABC, RFM tiles, value-class tops) store, per
 * group, the value and customer id of the group's last member. A customer is placed in the first group whose
 * boundary it does not come after in the same order (value, then customer id), which reproduces the batch
 * grouping exactly for members of the population and places newcomers where the batch would have put them.
 */
export interface PositionBoundary {
  readonly value: number;
  readonly id: number;
}

export interface RankOrder {
  readonly descending: boolean;
  readonly nulls: 'first' | 'last';
}

export function comesAtOrBefore(value: number, id: number, b: PositionBoundary, order: RankOrder): boolean {
  const valueNull = Number.isNaN(value);
  const boundaryNull = Number.isNaN(b.value);
  if (valueNull || boundaryNull) {
    if (valueNull && boundaryNull) return id <= b.id;
    return valueNull === (order.nulls === 'first');
  }
  if (value === b.value) return id <= b.id;
  return order.descending ? value > b.value : value < b.value;
}

/**
 * Boundary of every group: its member ranked last in `order` (value, then customer id, then row), found in
 * one pass without the ranking; null for an empty group.
 */
export function lastMembers(
  groups: Int32Array,
  groupCount: number,
  values: Float64Array,
  ids: ArrayLike<number>,
  order: RankOrder,
): (PositionBoundary | null)[] {
  const lastRow = new Int32Array(groupCount).fill(-1);
  // Values negated for descending order, so that "before" is always "smaller".
  const sign = order.descending ? -1 : 1;
  const nullsFirst = order.nulls === 'first';
  for (let row = 0; row < groups.length; row++) {
    const g = groups[row]!;
    const prev = lastRow[g]!;
    if (prev >= 0) {
      const x = sign * values[row]!;
      const y = sign * values[prev]!;
      const xNull = x !== x;
      const yNull = y !== y;
      const tie = xNull && yNull ? true : xNull || yNull ? false : x === y;
      const before = tie ? ids[row]! < ids[prev]! : xNull || yNull ? xNull === nullsFirst : x < y;
      if (before) continue;
    }
    lastRow[g] = row;
  }
  return Array.from(lastRow, (row) => (row < 0 ? null : { value: values[row]!, id: ids[row]! }));
}

/** Group of one customer given stored boundaries; `fallback` when it comes after every boundary. */
export function locate(
  boundaries: readonly (PositionBoundary | null)[],
  value: number,
  id: number,
  order: RankOrder,
  fallback: number,
): number {
  for (let g = 0; g < boundaries.length; g++) {
    const b = boundaries[g];
    if (b && comesAtOrBefore(value, id, b, order)) return g;
  }
  return fallback;
}

/**
 * Group of every row, given the row that ends each group in the ranking (−1 for an empty group): the first
 * group whose end the row does not come after (value order, then customer id, then row), `last` when it
 * comes after every end. With `valueOnly`, a row tied in value with a group's end joins that group whatever
 * its customer id (equal values share a group).
 *
 * With the selection's `buckets` (monotone in the ranking), a row in a bucket that holds no group end takes
 * its bucket's group from a table; only rows sharing a bucket with an end are compared.
 */
export function groupsByEnds(
  values: Float64Array,
  ids: ArrayLike<number>,
  order: RankOrder,
  ends: Int32Array,
  last: number,
  valueOnly: boolean,
  buckets?: Int32Array,
): Int32Array {
  const held = Array.from(ends.keys()).filter((g) => ends[g]! >= 0);
  const group = Int32Array.from(held);
  const endRow = Int32Array.from(held, (g) => ends[g]!);
  // Values negated for descending order, so that "before" is always "smaller".
  const sign = order.descending ? -1 : 1;
  const ranking: EndRanking = {
    sign,
    endValue: Float64Array.from(endRow, (row) => sign * values[row]!),
    endRow,
    group,
    last,
    nullsFirst: order.nulls === 'first',
    valueOnly,
  };
  const groups = new Int32Array(values.length);
  if (buckets) groupByBucket(values, ids, ranking, bucketGroups(buckets, ranking), buckets, groups);
  else for (let i = 0; i < values.length; i++) groups[i] = groupOfRow(values, ids, ranking, i);
  return groups;
}

interface EndRanking {
  readonly sign: number;
  readonly endValue: Float64Array;
  readonly endRow: Int32Array;
  readonly group: Int32Array;
  readonly last: number;
  readonly nullsFirst: boolean;
  readonly valueOnly: boolean;
}

function groupOfRow(values: Float64Array, ids: ArrayLike<number>, r: EndRanking, i: number): number {
  const { endValue, endRow } = r;
  const x = r.sign * values[i]!;
  let k = 0;
  for (; k < endValue.length; k++) {
    const y = endValue[k]!;
    if (x < y) break;
    if (x === y || (x !== x && y !== y)) {
      if (r.valueOnly || (ids[i]! - ids[endRow[k]!]! || i - endRow[k]!) <= 0) break;
    } else if (x !== x ? r.nullsFirst : y !== y && !r.nullsFirst) break;
  }
  return k < endValue.length ? r.group[k]! : r.last;
}

const COMPARE = -1;

/** Group of each bucket: that of the first end in a later bucket, or `COMPARE` for a bucket holding an end. */
function bucketGroups(buckets: Int32Array, r: EndRanking): Int32Array {
  const endBuckets = Array.from(r.endRow, (row) => buckets[row]!);
  const table = new Int32Array(BUCKET_RANGE);
  let k = 0;
  for (let b = 0; b < BUCKET_RANGE; b++) {
    while (k < endBuckets.length && endBuckets[k]! < b) k++;
    table[b] = k === endBuckets.length ? r.last : endBuckets[k] === b ? COMPARE : r.group[k]!;
  }
  return table;
}

function groupByBucket(
  values: Float64Array,
  ids: ArrayLike<number>,
  r: EndRanking,
  table: Int32Array,
  buckets: Int32Array,
  groups: Int32Array,
): void {
  for (let i = 0; i < groups.length; i++) {
    const g = table[buckets[i]!]!;
    groups[i] = g === COMPARE ? groupOfRow(values, ids, r, i) : g;
  }
}

/** Boundary (value and customer id) of each group from the row that ends it; null for an empty group. */
export function boundariesOf(
  ends: Int32Array,
  values: Float64Array,
  ids: ArrayLike<number>,
): (PositionBoundary | null)[] {
  return Array.from(ends, (row) => (row < 0 ? null : { value: values[row]!, id: ids[row]! }));
}
