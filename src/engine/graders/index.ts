import type { CustomerMetrics, PopulationColumns } from '../columns.js';
import { EngineError, text } from '../i18n.js';
import { METRICS, type MetricId } from '../metrics/catalogue.js';
import type { Model } from '../model/schema.js';
import { numeric } from '../normalise/index.js';
import { abcGradeOf, gradeAbc, type AbcParams } from './abc.js';
import { clusterOf, gradeClusters, type ClusterParams } from './cluster.js';
import { gradeQuotas, quotaGradeOf, type QuotaParams } from './quotas.js';
import { gradeRfm, resolveSegments, rfmOf, type RfmParams, type RfmTiles } from './rfm.js';
import { lifecycleSpans, lifecycleStage, matrixGrade, prospectGrade, type LifecycleInputs } from './rules.js';
import { gradeByThreshold, gradeThresholds, type ThresholdParams } from './thresholds.js';
import { gradeValueClasses, valueClassOf, type ValueClassParams } from './value-classes.js';

/** Parameters a method fitted on the population, enough to grade one more customer identically. */
export type GraderParams =
  | ThresholdParams
  | QuotaParams
  | AbcParams
  | RfmParams
  | ValueClassParams
  | ClusterParams
  | { readonly kind: 'prospect' | 'matrix' | 'lifecycle' };

export interface MethodOutput {
  readonly grades: Int32Array;
  readonly params: GraderParams;
  readonly rfm?: RfmTiles;
}

interface MethodInput {
  readonly model: Model;
  readonly columns: PopulationColumns;
  readonly scores: Float64Array;
  readonly byId: Int32Array;
  readonly asOfDay: number;
}

function column(columns: PopulationColumns, metric: MetricId): Float64Array {
  const values = columns.metrics[metric];
  if (!values) throw new EngineError(text(`缺少指标列：${metric}`, `missing metric column: ${metric}`));
  return numeric(values);
}

const optionalColumn = (columns: PopulationColumns, metric: MetricId): Float64Array =>
  columns.metrics[metric]
    ? numeric(columns.metrics[metric])
    : new Float64Array(columns.ids.length).fill(Number.NaN);

function lifecycleRow(get: (metric: MetricId) => number): LifecycleInputs {
  return {
    frequency: get('frequency'),
    tenureDays: get('tenure_days'),
    recencyDays: get('recency_days'),
    purchaseCycleDays: get('purchase_cycle_days'),
    growth: get('sales_growth'),
    contactsWindow: get('contacts_window'),
    monthsToClose: get('months_to_close'),
  };
}

const LIFECYCLE_METRICS: readonly MetricId[] = [
  'frequency',
  'tenure_days',
  'recency_days',
  'purchase_cycle_days',
  'sales_growth',
  'contacts_window',
  'months_to_close',
];

/** Grades a population with the model's method; `scores` is the composite (NaN when the model has no factors). */
export function runMethod({ model, columns, scores, byId, asOfDay }: MethodInput): MethodOutput {
  const method = model.method;
  const ids = columns.ids;
  const n = ids.length;
  const perRow = (grade: (i: number) => number): MethodOutput['grades'] => {
    const grades = new Int32Array(n);
    for (let i = 0; i < n; i++) grades[i] = grade(i);
    return grades;
  };
  switch (method.kind) {
    case 'thresholds':
      return {
        grades: gradeThresholds(method.thresholds, scores),
        params: { kind: 'thresholds', thresholds: method.thresholds },
      };
    case 'quotas':
      return gradeQuotas(method.quotas, method.ties, scores, ids, byId);
    case 'abc':
      return gradeAbc(
        method.shares,
        column(columns, method.metric),
        METRICS[method.metric].unit === 'currency',
        ids,
        byId,
      );
    case 'rfm': {
      const codes = model.ladder.map((g) => g.code);
      return gradeRfm(
        method.tiles,
        resolveSegments(method.segments, codes),
        codes.length - 1,
        {
          recency: column(columns, method.recency),
          frequency: column(columns, method.frequency),
          monetary: column(columns, method.monetary),
        },
        ids,
        byId,
      );
    }
    case 'prospect': {
      const months = optionalColumn(columns, 'months_to_close');
      return {
        grades: perRow((i) =>
          prospectGrade(method.monthLimits, months[i]!, scores[i]!, method.minPotentialScore),
        ),
        params: { kind: 'prospect' },
      };
    }
    case 'matrix': {
      const share = optionalColumn(columns, 'share_of_wallet');
      const volume = optionalColumn(columns, 'upcoming_purchase_volume');
      return {
        grades: perRow((i) =>
          matrixGrade(share[i]!, volume[i]!, method.shareOfWalletCut, method.upcomingVolumeCut),
        ),
        params: { kind: 'matrix' },
      };
    }
    case 'value-classes':
      return gradeValueClasses(
        method.mvcTopPercent,
        method.mgcTopPercent,
        {
          profit: column(columns, method.profitMetric),
          growth: optionalColumn(columns, method.growthMetric),
          netValue: optionalColumn(columns, method.netValueMetric),
        },
        ids,
        byId,
      );
    case 'lifecycle': {
      const spans = lifecycleSpans(method, asOfDay);
      const metricColumns = new Map(LIFECYCLE_METRICS.map((m) => [m, optionalColumn(columns, m)]));
      return {
        grades: perRow((i) =>
          lifecycleStage(
            method,
            spans,
            lifecycleRow((m) => metricColumns.get(m)![i]!),
          ),
        ),
        params: { kind: 'lifecycle' },
      };
    }
    case 'cluster':
      return gradeClusters(method, columns.metrics, byId);
  }
}

const valueOf = (metrics: CustomerMetrics, metric: MetricId): number => {
  const v = metrics[metric];
  return typeof v === 'number' ? v : Number.NaN;
};

/** Grades one customer against stored parameters; equals `runMethod`'s grade for members of the population. */
export function methodGradeOf(
  model: Model,
  params: GraderParams,
  metrics: CustomerMetrics,
  id: number,
  score: number,
  asOfDay: number,
): { grade: number; rfmCode?: number } {
  const method = model.method;
  const get = (m: MetricId) => valueOf(metrics, m);
  switch (method.kind) {
    case 'thresholds':
      return { grade: gradeByThreshold(method.thresholds, score) };
    case 'quotas':
      return { grade: quotaGradeOf(params as QuotaParams, score, id) };
    case 'abc':
      return { grade: abcGradeOf(params as AbcParams, get(method.metric), id) };
    case 'rfm': {
      const r = rfmOf(
        params as RfmParams,
        id,
        get(method.recency),
        get(method.frequency),
        get(method.monetary),
      );
      return { grade: r.grade, rfmCode: r.code };
    }
    case 'prospect':
      return {
        grade: prospectGrade(method.monthLimits, get('months_to_close'), score, method.minPotentialScore),
      };
    case 'matrix':
      return {
        grade: matrixGrade(
          get('share_of_wallet'),
          get('upcoming_purchase_volume'),
          method.shareOfWalletCut,
          method.upcomingVolumeCut,
        ),
      };
    case 'value-classes':
      return {
        grade: valueClassOf(
          params as ValueClassParams,
          id,
          get(method.profitMetric),
          get(method.growthMetric),
          get(method.netValueMetric),
        ),
      };
    case 'lifecycle':
      return { grade: lifecycleStage(method, lifecycleSpans(method, asOfDay), lifecycleRow(get)) };
    case 'cluster':
      return { grade: clusterOf(params as ClusterParams, method.metrics.map(get)) };
  }
}
