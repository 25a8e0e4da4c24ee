// How a grading model turns purchase forecasts into metrics and churn flags: part of the model definition, so a
// run's settings are versioned with the model and stored with the run's fitted parameters.
import { z } from 'zod';

export const clvSettingsSchema = z.object({
  /** Share of spend kept as profit; absent: each customer's gross margin in the window (see docs/clv.md). */
  margin: z.number().min(0).max(1).optional(),
  /** Monthly discount rate of future purchases; 0.01 ≈ 12.7 % a year. */
  monthlyDiscountRate: z.number().min(0).max(1).default(0.01),
  /** Months of future purchases counted in clv_12m (the name is that of the default). */
  horizonMonths: z.number().int().min(1).max(120).default(12),
  /** Churn risk when P(alive) is below this… */
  pAliveThreshold: z.number().min(0).max(1).default(0.3),
  /** …or when the time since the last purchase exceeds this many purchase cycles. */
  cycleMultiple: z.number().positive().default(3),
  /** Populations above this size are fitted on a deterministic, evenly spaced sample of this many customers. */
  fitSampleSize: z.number().int().min(100).default(1_000_000),
});

export type ClvSettings = z.infer<typeof clvSettingsSchema>;

export const DEFAULT_CLV_SETTINGS: ClvSettings = clvSettingsSchema.parse({});
