import type { MetricColumns } from '../columns.js';
import { text, type Localised } from '../i18n.js';
import { METRICS, type MetricId } from '../metrics/catalogue.js';
import { numeric } from '../normalise/index.js';
import { meanAndSd, seededRandom } from '../stats.js';

/**
 * k-means on z-standardised metrics (NULL → the mean), k-means++ seeding from a seeded generator so runs
 * are reproducible, k fixed or chosen by the best mean silhouette on a deterministic sample. Clusters are
 * ordered best first by the mean of their centroid's z-scores signed by each metric's direction, and named
 * from the centroid's two most distinctive metrics ("高 窗口期销售额 · 高 平均逾期天数").
 */
export interface ClusterParams {
  readonly kind: 'cluster';
  readonly metrics: readonly MetricId[];
  readonly means: readonly number[];
  readonly sds: readonly number[];
  /** Centroids in grade order (z units). */
  readonly centroids: readonly (readonly number[])[];
  readonly labels: readonly Localised[];
  readonly silhouette: number;
}

export interface ClusterSettings {
  readonly metrics: readonly MetricId[];
  readonly k?: number | undefined;
  readonly kMin: number;
  readonly kMax: number;
  readonly seed: number;
  readonly maxIterations: number;
}

const SILHOUETTE_SAMPLE = 1000;
const DISTINCTIVE_Z = 0.5;

function standardise(columns: readonly Float64Array[], n: number) {
  const dims = columns.length;
  const means: number[] = [];
  const sds: number[] = [];
  const points = new Float64Array(n * dims);
  columns.forEach((values, d) => {
    const { mean, sd } = meanAndSd(values);
    means.push(mean);
    sds.push(sd);
    for (let i = 0; i < n; i++) points[i * dims + d] = zOf(values[i]!, mean, sds[d]!);
  });
  return { points, means, sds };
}

const zOf = (v: number, mean: number, sd: number): number =>
  Number.isNaN(v) || !(sd > 0) ? 0 : (v - mean) / sd;

function distance(points: Float64Array, i: number, centroid: readonly number[]): number {
  const dims = centroid.length;
  let sum = 0;
  for (let d = 0; d < dims; d++) {
    const diff = points[i * dims + d]! - centroid[d]!;
    sum += diff * diff;
  }
  return sum;
}

/** Index of the nearest centroid; an exact tie goes to the lower index. */
function nearest(points: Float64Array, i: number, centroids: readonly (readonly number[])[]): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  centroids.forEach((c, k) => {
    const d = distance(points, i, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  });
  return best;
}

function kMeans(
  points: Float64Array,
  n: number,
  dims: number,
  k: number,
  seed: number,
  maxIterations: number,
) {
  const random = seededRandom(seed);
  const centroids: number[][] = [];
  const rowOf = (i: number) => Array.from(points.subarray(i * dims, (i + 1) * dims));
  centroids.push(rowOf(Math.floor(random() * n)));
  const nearestDistance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (centroids.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearestDistance[i] = Math.min(
        nearestDistance[i]!,
        distance(points, i, centroids[centroids.length - 1]!),
      );
      total += nearestDistance[i]!;
    }
    if (!(total > 0)) break; // fewer distinct points than k
    let target = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearestDistance[i]!;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    centroids.push(rowOf(chosen));
  }
  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const c = nearest(points, i, centroids);
      if (c !== assignment[i]) {
        assignment[i] = c;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = centroids.map(() => new Float64Array(dims));
    const counts = new Int32Array(centroids.length);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      counts[c]!++;
      for (let d = 0; d < dims; d++) sums[c]![d]! += points[i * dims + d]!;
    }
    centroids.forEach((centroid, c) => {
      if (counts[c]! > 0) for (let d = 0; d < dims; d++) centroid[d] = sums[c]![d]! / counts[c]!;
    });
  }
  return centroids;
}

/** Mean silhouette over a deterministic sample of rows (the full silhouette is quadratic in n). */
function silhouette(
  points: Float64Array,
  n: number,
  dims: number,
  assignment: Int32Array,
  k: number,
  seed: number,
) {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const sample =
    n <= SILHOUETTE_SAMPLE
      ? Array.from({ length: n }, (_, i) => i)
      : Array.from({ length: SILHOUETTE_SAMPLE }, () => Math.floor(random() * n));
  let total = 0;
  for (const i of sample) {
    const sums = new Float64Array(k);
    const counts = new Int32Array(k);
    const point = Array.from(points.subarray(i * dims, (i + 1) * dims));
    for (const j of sample) {
      if (j === i) continue;
      sums[assignment[j]!]! += Math.sqrt(distance(points, j, point));
      counts[assignment[j]!]!++;
    }
    const own = assignment[i]!;
    const a = counts[own]! > 0 ? sums[own]! / counts[own]! : 0;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (counts[own]! > 0 && Number.isFinite(b)) total += (b - a) / Math.max(a, b) || 0;
  }
  return sample.length ? total / sample.length : 0;
}

function label(metrics: readonly MetricId[], centroid: readonly number[]): Localised {
  const distinctive = centroid
    .map((z, d) => ({ z, metric: metrics[d]! }))
    .filter((x) => Math.abs(x.z) >= DISTINCTIVE_Z)
    .sort((x, y) => Math.abs(y.z) - Math.abs(x.z))
    .slice(0, 2);
  if (distinctive.length === 0) return text('各项均接近平均', 'close to average');
  return text(
    distinctive.map((x) => `${x.z > 0 ? '高' : '低'}${METRICS[x.metric].name['zh-CN']}`).join(' · '),
    distinctive
      .map((x) => `${x.z > 0 ? 'high' : 'low'} ${METRICS[x.metric].name['en-US'].toLowerCase()}`)
      .join(' · '),
  );
}

const valueOf = (metrics: readonly MetricId[], centroid: readonly number[]): number =>
  centroid.reduce((sum, z, d) => sum + (METRICS[metrics[d]!].higherIsBetter ? z : -z), 0) / centroid.length;

/** Rows are visited in customer-id order (`byId`) so seeding and sums do not depend on the input order. */
export function gradeClusters(
  settings: ClusterSettings,
  columns: MetricColumns,
  byId: Int32Array,
): { grades: Int32Array; params: ClusterParams } {
  const n = byId.length;
  const dims = settings.metrics.length;
  const { points, means, sds } = standardise(
    settings.metrics.map((m) => {
      const values = columns[m] ? numeric(columns[m]) : undefined;
      return Float64Array.from(byId, (row) => (values ? values[row]! : Number.NaN));
    }),
    n,
  );
  const candidates = settings.k ? [settings.k] : range(settings.kMin, settings.kMax);
  let best: { centroids: number[][]; score: number } | undefined;
  for (const k of candidates) {
    if (n === 0) break;
    const centroids = kMeans(points, n, dims, Math.min(k, n), settings.seed, settings.maxIterations);
    const assignment = assign(points, n, centroids);
    const score =
      candidates.length > 1 ? silhouette(points, n, dims, assignment, centroids.length, settings.seed) : 0;
    if (!best || score > best.score) best = { centroids, score };
  }
  const centroids = (best?.centroids ?? []).sort(
    (a, b) => valueOf(settings.metrics, b) - valueOf(settings.metrics, a),
  );
  const inIdOrder = assign(points, n, centroids);
  const grades = new Int32Array(n);
  byId.forEach((row, k) => (grades[row] = inIdOrder[k]!));
  return {
    grades,
    params: {
      kind: 'cluster',
      metrics: settings.metrics,
      means,
      sds,
      centroids,
      labels: centroids.map((c) => label(settings.metrics, c)),
      silhouette: best?.score ?? 0,
    },
  };
}

function assign(points: Float64Array, n: number, centroids: readonly (readonly number[])[]): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = nearest(points, i, centroids);
  return out;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export function clusterOf(params: ClusterParams, values: readonly number[]): number {
  const point = Float64Array.from(values.map((v, d) => zOf(v, params.means[d]!, params.sds[d]!)));
  return params.centroids.length ? nearest(point, 0, params.centroids) : 0;
}
