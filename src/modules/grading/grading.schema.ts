import { z } from '@hono/zod-openapi';
import { Cron } from 'croner';
import { isoDate, listedCustomer, text } from '../../server/schema-common.js';
import { METRIC_IDS } from '../../engine/index.js';
import { normaliserSchema, populationSchema } from '../../engine/model/schema.js';
import { AnalyticsFilter } from '../analytics/analytics.schema.js';
import { CustomerListQuery } from '../customers/customer.schema.js';

const cron = z
  .string()
  .trim()
  .max(100)
  .refine(
    (expression) => {
      try {
        new Cron(expression, { paused: true });
        return true;
      } catch {
        return false;
      }
    },
    { params: { reason: 'invalid_format' } },
  )
  .openapi({ example: '0 2 1 * *', description: 'cron expression (minute hour day month weekday)' });

const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const definition = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'Model definition (see the engine model schema)' });

export const ModelCreate = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,49}$/),
    definition,
    active: z.boolean().optional(),
    schedule: cron.nullable().optional(),
  })
  .strict()
  .openapi('GradingModelCreate');

export const ModelVersionCreate = z
  .object({ definition, note: z.string().trim().max(500).nullable().optional() })
  .strict()
  .openapi('GradingModelVersionCreate');

export const ModelChange = z
  .object({
    active: z.boolean().optional(),
    schedule: cron.nullable().optional(),
    currentVersion: z.number().int().positive().optional(),
  })
  .strict()
  .openapi('GradingModelChange');

export const ModelResponse = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: localised,
    active: z.boolean(),
    currentVersion: z.number().int(),
    schedule: z.string().nullable(),
    scheduleTimezone: z.string(),
    method: z.string(),
    ladder: z.array(z.object({ code: z.string(), name: localised, color: z.string().optional() })),
    definition,
    latestRunId: z.number().int().nullable().openapi({ description: "the model's newest run" }),
    updatedAt: z.string(),
    versions: z
      .array(
        z.object({
          version: z.number().int(),
          note: z.string().nullable(),
          createdAt: z.string(),
          createdBy: z.string().nullable(),
        }),
      )
      .optional(),
  })
  .openapi('GradingModel');

export const WhatIfBody = z
  .object({ definition, asOf: isoDate.optional() })
  .strict()
  .openapi('GradingWhatIf');

export const FactorPreviewBody = z
  .object({
    metric: z.enum(METRIC_IDS),
    normaliser: normaliserSchema,
    direction: z.enum(['higher-is-better', 'lower-is-better']).optional(),
    windowMonths: z.number().int().min(1).max(120).default(12),
    lateness: z.enum(['point_in_time', 'final']).default('point_in_time'),
    costPerContact: z.number().nonnegative().default(0),
    population: populationSchema.default({}),
    asOf: isoDate.optional(),
  })
  .strict()
  .openapi('GradingFactorPreview');

export const RunStart = z.object({ asOf: isoDate.optional() }).strict().openapi('GradingRunStart');

export const RunListQuery = z.object({
  modelId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Which of a run's results: the dashboard's filters, a composition chart's values (in the customer list's own
 * words), a grade, and a comparison run (a migration matrix's cell).
 */
export const ResultsFilterQuery = AnalyticsFilter.extend({
  ...CustomerListQuery.pick({ sizeBand: true, nature: true, type: true, lifecycle: true }).shape,
  grade: z.coerce
    .number()
    .int()
    .min(-1)
    .optional()
    .openapi({ description: 'grade index in this run; -1: graded in `against` but not in this run' }),
  against: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'another run of the model: rows carry the grade and score there' }),
  fromGrade: z.coerce
    .number()
    .int()
    .min(-1)
    .optional()
    .openapi({ description: 'grade index in `against` (needs it); -1: not graded there' }),
  moved: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .openapi({
      description:
        'true (needs `against`): only customers graded differently there, or not graded there at all',
    }),
});

export const ResultsQuery = ResultsFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'last customer id of the previous page' }),
});

const gradeIndex = z.number().int().nullable();

export const RunResultsPage = z
  .object({
    items: z.array(
      z.object({
        ...listedCustomer,
        grade: gradeIndex.openapi({
          description: 'grade index; null for a customer this run no longer grades',
        }),
        computedGrade: gradeIndex.openapi({ description: 'the grade before holds and overrides' }),
        status: z
          .number()
          .int()
          .nullable()
          .openapi({ description: '0 computed, 1 held by the stability rule, 2 overridden' }),
        score: z.number().nullable(),
        rfmCode: z.number().int().nullable(),
        factorScores: z.array(z.number().nullable()).nullable(),
        previousGrade: gradeIndex.openapi({
          description: 'grade index in `against`; null when not graded there',
        }),
        previousScore: z.number().nullable(),
      }),
    ),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('GradingRunResults');

export const MigrationQuery = z.object({ against: z.coerce.number().int().positive().optional() });

export const OverrideBody = z
  .object({
    grade: z.string().trim().min(1).max(50),
    reason: text(500),
    expiresOn: isoDate.nullable().optional(),
  })
  .strict()
  .openapi('GradeOverride');

export const ModelParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
  modelId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'modelId', in: 'path' } }),
});

export const HistoryQuery = z.object({ modelId: z.coerce.number().int().positive().optional() });

export const AnyJson = z.unknown().openapi({ type: 'object' });
