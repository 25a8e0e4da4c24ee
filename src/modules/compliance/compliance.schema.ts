import { z } from '@hono/zod-openapi';
import { exportFormats } from '../exports/table-output.js';
import { VIOLATION_KINDS } from './compliance.repository.js';

const id = z.coerce.number().int().positive();
const kinds = z
  .enum(VIOLATION_KINDS)
  .openapi({ description: 'one kind of violation; all kinds when left out' });

export const ComplianceSummaryQuery = z.object({ teamId: id.optional(), ownerId: id.optional() });
export const ComplianceListQuery = ComplianceSummaryQuery.extend({
  kind: kinds.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: id.optional().openapi({ description: 'last customer id of the previous page' }),
});
export const ComplianceExportQuery = ComplianceSummaryQuery.extend({
  kind: kinds.optional(),
  format: z.enum(exportFormats).default('xlsx'),
});

const counts = z.object(
  Object.fromEntries(VIOLATION_KINDS.map((k) => [k, z.number().int()])) as Record<
    (typeof VIOLATION_KINDS)[number],
    z.ZodNumber
  >,
);
const group = { checked: z.number().int(), violating: z.number().int(), kinds: counts };

export const ComplianceSummary = z
  .object({
    asOf: z.string(),
    ...group,
    byTeam: z.array(
      z.object({ teamId: z.number().int().nullable(), teamName: z.string().nullable(), ...group }),
    ),
    byOwner: z.array(
      z.object({ ownerId: z.number().int().nullable(), ownerName: z.string().nullable(), ...group }),
    ),
  })
  .openapi('ComplianceSummary');

export const ComplianceItem = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    teamId: z.number().int().nullable(),
    teamName: z.string().nullable(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    ownerLevel: z.string().nullable(),
    modelId: z.number().int(),
    policyId: z.number().int(),
    gradeCode: z.string(),
    managerMode: z.string(),
    kinds: z.array(z.enum(VIOLATION_KINDS)),
    figures: z.object({
      requiredLevel: z.string().nullable(),
      maxCustomersPerManager: z.number().int().nullable(),
      ownerLoad: z
        .number()
        .nullable()
        .openapi({ description: 'share of one manager; over 1 is over capacity' }),
      lastContact: z.string().nullable(),
      contactCadenceDays: z.number().int().nullable(),
      overdueAmount: z.string(),
      creditLimit: z.string().nullable(),
      termsDays: z.number().int().nullable(),
      termsAgreed: z.boolean(),
      allowedTermsDays: z.number().int().nullable(),
    }),
  })
  .openapi('ComplianceItem');

export const CompliancePage = z
  .object({
    asOf: z.string(),
    items: z.array(ComplianceItem),
    total: z.number().int(),
    nextCursor: z.number().int().nullable(),
  })
  .openapi('CompliancePage');
