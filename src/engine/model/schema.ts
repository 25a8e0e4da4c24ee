import { z } from 'zod';
import { METRIC_IDS } from '../metrics/catalogue.js';
import { clvSettingsSchema } from '../clv/settings.js';

const localised = z.object({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });
const metricId = z.enum(METRIC_IDS);
const percent = z.number().min(0).max(100);
const nonNegativeWeight = z.number().finite().nonnegative();

export const normaliserSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('percentile'),
    /** NULLs ranked first (score 0 side), last, or left NULL for the factor's NULL policy. */
    nulls: z.enum(['first', 'last', 'policy']).default('first'),
  }),
  z.object({ kind: z.literal('minmax') }),
  z.object({ kind: z.literal('log-minmax') }),
  z.object({ kind: z.literal('zscore'), clip: z.number().positive().default(3) }),
  z
    .object({
      kind: z.literal('bins'),
      /** Inclusive upper edges, ascending; value ≤ edges[i] scores scores[i], above the last edge the last score. */
      edges: z.array(z.number().finite()).min(1),
      scores: z.array(percent),
    })
    .refine((b) => b.scores.length === b.edges.length + 1, {
      message: 'bins need one more score than edges / 分档分数必须比边界多一个',
      path: ['scores'],
    })
    .refine((b) => b.edges.every((e, i) => i === 0 || e > b.edges[i - 1]!), {
      message: 'bin edges must ascend / 分档边界必须递增',
      path: ['edges'],
    }),
  z.object({
    kind: z.literal('category'),
    map: z.record(z.string(), percent),
    /** Score of a category missing from the map; absent: such a value is treated as NULL. */
    otherwise: percent.optional(),
  }),
]);
export type NormaliserSpec = z.infer<typeof normaliserSchema>;

export const nullPolicySchema = z.enum(['zero', 'median', 'exclude']);
export type NullPolicy = z.infer<typeof nullPolicySchema>;

export interface FactorSpec {
  id: string;
  name?: z.infer<typeof localised> | undefined;
  metric?: z.infer<typeof metricId> | undefined;
  normaliser?: NormaliserSpec | undefined;
  direction?: 'higher-is-better' | 'lower-is-better' | undefined;
  weight: number;
  nullPolicy: NullPolicy;
  factors?: FactorSpec[] | undefined;
}

export const factorSchema: z.ZodType<FactorSpec, unknown> = z.lazy(() =>
  z
    .object({
      id: z.string().min(1),
      name: localised.optional(),
      metric: metricId.optional(),
      normaliser: normaliserSchema.optional(),
      /** Defaults to the metric catalogue's direction. */
      direction: z.enum(['higher-is-better', 'lower-is-better']).optional(),
      weight: nonNegativeWeight,
      nullPolicy: nullPolicySchema.default('zero'),
      factors: z.array(factorSchema).min(1).optional(),
    })
    .superRefine((f, ctx) => {
      const leaf = f.metric !== undefined;
      if (leaf === (f.factors !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['metric'],
          message: 'a factor has either a metric or sub-factors / 因子必须指定指标或子因子之一',
        });
      if (leaf && f.normaliser === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['normaliser'],
          message: 'a metric factor needs a normaliser / 指标因子需要标准化方法',
        });
      if (f.factors) checkWeights(f.factors, ctx, ['factors']);
    }),
);

function checkWeights(
  factors: readonly { weight: number }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
) {
  if (!factors.some((f) => f.weight > 0))
    ctx.addIssue({
      code: 'custom',
      path,
      message: 'weights must not all be zero / 权重不能全为零',
    });
}

export const gradeSchema = z.object({
  code: z.string().min(1),
  name: localised,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour as #rrggbb / 颜色格式为 #rrggbb'),
});
export type GradeSpec = z.infer<typeof gradeSchema>;

const cumulative = z.array(z.number().positive()).min(1);
const ascending = (values: readonly number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

export const rfmSegmentRuleSchema = z.object({
  /** Ladder code of the segment this rule assigns. */
  code: z.string().min(1),
  /** Inclusive ranges of the R score and of the mean of F and M; rules are matched in order, the first wins. */
  r: z.tuple([z.number().int().min(1), z.number().int().max(9)]),
  fm: z.tuple([z.number().min(1), z.number().max(9)]),
});
export type RfmSegmentRule = z.infer<typeof rfmSegmentRuleSchema>;

export const methodSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('thresholds'),
    /** Minimum score of every grade but the last, best grade first (descending). */
    thresholds: z.array(z.number().finite()).min(1),
  }),
  z.object({
    kind: z.literal('quotas'),
    /** Share of the population per grade, best first; normalised by their sum. */
    quotas: cumulative,
    /** strict: rank by (score desc, customer id), as the reference; shared: equal scores share a grade. */
    ties: z.enum(['strict', 'shared']).default('strict'),
  }),
  z.object({
    kind: z.literal('abc'),
    metric: metricId,
    /** Cumulative-share bands per grade, best first (e.g. 80/15/5); normalised by their sum. */
    shares: cumulative,
  }),
  z.object({
    kind: z.literal('rfm'),
    tiles: z.number().int().min(2).max(9).default(5),
    recency: metricId.default('recency_days'),
    frequency: metricId.default('frequency'),
    monetary: metricId.default('monetary'),
    /** Segment rules; a customer matching no rule gets the last grade of the ladder. */
    segments: z.array(rfmSegmentRuleSchema).min(1),
  }),
  z.object({
    kind: z.literal('prospect'),
    /** Inclusive month limits of every grade but the last (A ≤ 3, B ≤ 6, C ≤ 12, D otherwise or unknown). */
    monthLimits: z.array(z.number().nonnegative()).min(1).refine(ascending, 'must ascend / 必须递增'),
    /** With factors: a prospect whose potential score is below this drops one grade. */
    minPotentialScore: percent.optional(),
  }),
  z.object({
    kind: z.literal('matrix'),
    shareOfWalletCut: z.number().finite(),
    upcomingVolumeCut: z.number().finite(),
  }),
  z.object({
    kind: z.literal('value-classes'),
    /** MVC: top x % of the population by profit; MGC: top y % by growth among the rest; BZC: value after cost < 0. */
    mvcTopPercent: percent,
    mgcTopPercent: percent,
    profitMetric: metricId.default('profit_window'),
    growthMetric: metricId.default('sales_growth'),
    netValueMetric: metricId.default('profit_after_cost_to_serve'),
  }),
  z.object({
    kind: z.literal('lifecycle'),
    newWithinMonths: z.number().int().positive().default(6),
    growingAbove: z.number().default(0.1),
    decliningBelow: z.number().default(-0.1),
    churnMinMonths: z.number().int().positive().default(12),
    churnCycleMultiple: z.number().positive().default(3),
  }),
  z.object({
    kind: z.literal('cluster'),
    metrics: z.array(metricId).min(1),
    /** Fixed k, or chosen by the best silhouette in [kMin, kMax]. */
    k: z.number().int().min(2).optional(),
    kMin: z.number().int().min(2).default(2),
    kMax: z.number().int().min(2).default(8),
    seed: z.number().int().default(1),
    maxIterations: z.number().int().positive().default(100),
  }),
]);
export type MethodSpec = z.infer<typeof methodSchema>;

export const populationSchema = z.object({
  customerTypes: z.array(z.string()).optional(),
  lifecycleStages: z.array(z.string()).optional(),
  hasOrders: z.boolean().optional(),
});

export const stabilitySchema = z.object({
  /** A downgrade applies after this many consecutive evaluations below the boundary (1 = at once). */
  downgradeAfter: z.number().int().min(1).default(1),
  /** …or at once when the score is below the boundary by more than this many points. */
  downgradeMargin: z.number().nonnegative().default(0),
});

export const modelSchema = z
  .object({
    id: z.string().min(1).optional(),
    version: z.number().int().nonnegative().optional(),
    name: localised,
    windowMonths: z.number().int().min(1).max(120).default(12),
    /** Unit cost per contact (CNY) for cost_to_serve. */
    costPerContact: z.number().nonnegative().default(0),
    /**
     * How lateness is measured as of a past date: 'point_in_time' counts a payment made after the as-of date as
     * still outstanding on it (reproducible whatever is recorded later); 'final' uses the paid date as finally
     * recorded, as the reference SQL does.
     */
    lateness: z.enum(['point_in_time', 'final']).default('point_in_time'),
    population: populationSchema.default({}),
    factors: z.array(factorSchema).default([]),
    method: methodSchema,
    ladder: z.array(gradeSchema).min(1),
    stability: stabilitySchema.default({ downgradeAfter: 1, downgradeMargin: 0 }),
    /** Settings of the CLV metrics (clv_12m, expected_purchases_12m, p_alive) and churn flags; defaults when absent. */
    clv: clvSettingsSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.factors.length > 0) checkWeights(m.factors, ctx, ['factors']);
    const needsScore = m.method.kind === 'thresholds' || m.method.kind === 'quotas';
    if (needsScore && m.factors.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['factors'],
        message: 'score methods need factors / 评分法需要因子',
      });
    const expected = expectedLadderLength(m.method);
    if (expected !== undefined && m.ladder.length !== expected)
      ctx.addIssue({
        code: 'custom',
        path: ['ladder'],
        message: `this method needs ${expected} grades / 该方法需要 ${expected} 个等级`,
      });
    if (m.method.kind === 'thresholds' && !ascending([...m.method.thresholds].reverse()))
      ctx.addIssue({
        code: 'custom',
        path: ['method', 'thresholds'],
        message: 'thresholds must descend / 分数线必须递减',
      });
    const codes = new Set(m.ladder.map((g) => g.code));
    if (m.method.kind === 'rfm')
      m.method.segments.forEach((rule, i) => {
        if (!codes.has(rule.code))
          ctx.addIssue({
            code: 'custom',
            path: ['method', 'segments', i, 'code'],
            message: `segment ${rule.code} is not in the ladder / 分群 ${rule.code} 不在等级列表中`,
          });
      });
    if (m.method.kind === 'cluster' && m.ladder.length < (m.method.k ?? m.method.kMax))
      ctx.addIssue({
        code: 'custom',
        path: ['ladder'],
        message: 'clustering needs one grade per possible cluster / 聚类需要为每个可能的簇提供等级',
      });
    if (codes.size !== m.ladder.length)
      ctx.addIssue({
        code: 'custom',
        path: ['ladder'],
        message: 'grade codes must be unique / 等级代码不能重复',
      });
  });

function expectedLadderLength(method: MethodSpec): number | undefined {
  switch (method.kind) {
    case 'thresholds':
      return method.thresholds.length + 1;
    case 'quotas':
      return method.quotas.length;
    case 'abc':
      return method.shares.length;
    case 'prospect':
      return method.monthLimits.length + 1;
    case 'matrix':
    case 'value-classes':
      return 4;
    case 'lifecycle':
      return 7;
    case 'rfm':
    case 'cluster':
      return undefined;
  }
}

export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;

/** Validates a model; errors name the field path (e.g. `factors.1.weight`) in both languages. */
export function parseModel(input: unknown): Model {
  return modelSchema.parse(input);
}
