import { z } from '@hono/zod-openapi';
import { money } from '../../server/schema-common.js';

const id = z.coerce.number().int().positive();
const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: '2026-12', description: 'A calendar month, YYYY-MM' });

export const TargetGridQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ description: 'This year by default' }),
  teamId: id.optional(),
});
export type TargetGridQueryInput = z.output<typeof TargetGridQuery>;

export const TargetGrid = z
  .object({
    year: z.number().int(),
    users: z.array(
      z.object({
        userId: z.number().int(),
        userName: z.string(),
        role: z.string(),
        teamId: z.number().int().nullable(),
        teamName: z.string().nullable(),
        months: z
          .array(z.string().nullable())
          .openapi({ description: 'January to December; null: no target' }),
        total: z.string(),
      }),
    ),
  })
  .openapi('SalesTargetGrid');
export type TargetGridView = z.output<typeof TargetGrid>;

export const TargetsUpdate = z
  .object({
    targets: z
      .array(
        z
          .object({
            userId: z.number().int().positive(),
            month: yearMonth,
            amount: money().nullable().openapi({ description: 'null removes the target' }),
          })
          .strict(),
      )
      .min(1)
      .max(600),
  })
  .strict()
  .openapi('SalesTargetsUpdate');
export type TargetsUpdateInput = z.output<typeof TargetsUpdate>;
