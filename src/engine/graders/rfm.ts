import type { RfmSegmentRule } from '../model/schema.js';
import { selectPositions } from '../sort/select.js';
import { boundariesOf, groupsByEnds, locate, type PositionBoundary, type RankOrder } from './positions.js';

/**
 * RFM tiles as SQL `ntile(k)`: rows ranked by (value, customer id) fall into k tiles whose sizes differ by at
 * most one, the larger tiles first. R ranks recency descending (most recent = highest tile); F and M rank
 * ascending. NULLs rank first (the weakest tile). Code = R·100 + F·10 + M for k ≤ 9.
 */
export interface RfmParams {
  readonly kind: 'rfm';
  readonly tiles: number;
  readonly recency: readonly (PositionBoundary | null)[];
  readonly frequency: readonly (PositionBoundary | null)[];
  readonly monetary: readonly (PositionBoundary | null)[];
  /** Segment rules resolved to ladder indices. */
  readonly segments: readonly ResolvedSegment[];
  readonly fallback: number;
}

export interface ResolvedSegment {
  readonly grade: number;
  readonly r: readonly [number, number];
  readonly fm: readonly [number, number];
}

export interface RfmTiles {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly code: Int32Array;
}

const RECENCY_ORDER: RankOrder = { descending: true, nulls: 'first' };
const VALUE_ORDER: RankOrder = { descending: false, nulls: 'first' };

/** Rows in each tile of `ntile(tiles)` over n rows: sizes differ by at most one, the larger tiles first. */
export function tileSizes(n: number, tiles: number): number[] {
  const small = Math.floor(n / tiles);
  return Array.from({ length: tiles }, (_, t) => small + (t < n % tiles ? 1 : 0));
}

function tileColumn(
  values: Float64Array,
  order: RankOrder,
  tiles: number,
  ids: ArrayLike<number>,
  byId: Int32Array,
): { tile: Uint8Array; boundaries: (PositionBoundary | null)[] } {
  const n = values.length;
  // Last position (0-based) of each tile; −1 for an empty tile (fewer rows than tiles).
  let end = 0;
  const lastPositions = tileSizes(n, tiles).map((size) => (size > 0 ? (end += size) - 1 : -1));
  const held = lastPositions.filter((p) => p >= 0);
  const { rows: heldRows, buckets } = selectPositions(values, held, order, ids, byId);
  const ends = Int32Array.from(lastPositions, (p) => (p >= 0 ? heldRows[held.indexOf(p)]! : -1));
  const groups = groupsByEnds(values, ids, order, ends, tiles - 1, false, buckets);
  return { tile: tilesOfGroups(groups), boundaries: boundariesOf(ends, values, ids) };
}

function tilesOfGroups(groups: Int32Array): Uint8Array {
  const tile = new Uint8Array(groups.length);
  for (let i = 0; i < groups.length; i++) tile[i] = groups[i]! + 1;
  return tile;
}

export function segmentOf(
  segments: readonly ResolvedSegment[],
  fallback: number,
  r: number,
  f: number,
  m: number,
) {
  const fm = (f + m) / 2;
  for (const s of segments) if (r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1]) return s.grade;
  return fallback;
}

export function resolveSegments(
  rules: readonly RfmSegmentRule[],
  ladderCodes: readonly string[],
): ResolvedSegment[] {
  return rules.map((rule) => ({ grade: ladderCodes.indexOf(rule.code), r: rule.r, fm: rule.fm }));
}

export function gradeRfm(
  tiles: number,
  segments: readonly ResolvedSegment[],
  fallback: number,
  columns: { recency: Float64Array; frequency: Float64Array; monetary: Float64Array },
  ids: ArrayLike<number>,
  byId: Int32Array,
): { grades: Int32Array; params: RfmParams; rfm: RfmTiles } {
  const r = tileColumn(columns.recency, RECENCY_ORDER, tiles, ids, byId);
  const f = tileColumn(columns.frequency, VALUE_ORDER, tiles, ids, byId);
  const m = tileColumn(columns.monetary, VALUE_ORDER, tiles, ids, byId);
  const n = ids.length;
  const code = new Int32Array(n);
  const grades = new Int32Array(n);
  // Segment of every (R, F, M) combination, computed once and looked up per row.
  const side = tiles + 1;
  const segmentByTiles = new Int32Array(side ** 3);
  for (let rt = 1; rt <= tiles; rt++)
    for (let ft = 1; ft <= tiles; ft++)
      for (let mt = 1; mt <= tiles; mt++)
        segmentByTiles[(rt * side + ft) * side + mt] = segmentOf(segments, fallback, rt, ft, mt);
  for (let i = 0; i < n; i++) {
    const rt = r.tile[i]!;
    const ft = f.tile[i]!;
    const mt = m.tile[i]!;
    code[i] = rt * 100 + ft * 10 + mt;
    grades[i] = segmentByTiles[(rt * side + ft) * side + mt]!;
  }
  return {
    grades,
    rfm: { r: r.tile, f: f.tile, m: m.tile, code },
    params: {
      kind: 'rfm',
      tiles,
      recency: r.boundaries,
      frequency: f.boundaries,
      monetary: m.boundaries,
      segments,
      fallback,
    },
  };
}

export function rfmOf(params: RfmParams, id: number, recency: number, frequency: number, monetary: number) {
  const tileOf = (b: readonly (PositionBoundary | null)[], v: number, order: RankOrder) =>
    locate(b, v, id, order, params.tiles - 1) + 1;
  const r = tileOf(params.recency, recency, RECENCY_ORDER);
  const f = tileOf(params.frequency, frequency, VALUE_ORDER);
  const m = tileOf(params.monetary, monetary, VALUE_ORDER);
  return { r, f, m, code: r * 100 + f * 10 + m, grade: segmentOf(params.segments, params.fallback, r, f, m) };
}
