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

/** Boundary of every group: the last row (in `order`) assigned to it; null for an empty group. */
export function lastMembers(
  order: Int32Array,
  groups: Int32Array,
  groupCount: number,
  values: Float64Array,
  ids: ArrayLike<number>,
): (PositionBoundary | null)[] {
  const lastRow = new Int32Array(groupCount).fill(-1);
  for (let p = 0; p < order.length; p++) lastRow[groups[order[p]!]!] = order[p]!;
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
