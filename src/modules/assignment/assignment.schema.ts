import { z } from '@hono/zod-openapi';
import { VIOLATION_KINDS } from '../compliance/compliance.repository.js';

const id = z.coerce.number().int().positive();

export const PlanQuery = z.object({
  teamId: id
    .optional()
    .openapi({ description: "admins: one team's plan (all teams when left out); managers: their team" }),
});

export const PlanApply = z
  .object({
    teamId: z.number().int().positive().optional(),
    moves: z
      .array(
        z
          .object({ customerId: z.number().int().positive(), toOwnerId: z.number().int().positive() })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict()
  .openapi('AssignmentPlanApply');

const assignmentKinds = z.array(z.enum(VIOLATION_KINDS));
const person = { id: z.number().int(), name: z.string() };

export const PlanResponse = z
  .object({
    teamId: z.number().int().nullable(),
    moves: z.array(
      z.object({
        customerId: z.number().int(),
        code: z.string(),
        name: z.string(),
        gradeCode: z.string().nullable(),
        requiredLevel: z.string().nullable(),
        teamId: z.number().int().nullable(),
        fromOwnerId: z.number().int().nullable(),
        fromOwnerName: z.string().nullable(),
        toOwnerId: z.number().int(),
        toOwnerName: z.string(),
        fixes: assignmentKinds,
      }),
    ),
    unfixable: z.array(
      z.object({
        customerId: z.number().int(),
        code: z.string(),
        name: z.string(),
        gradeCode: z.string().nullable(),
        ownerId: z.number().int().nullable(),
        ownerName: z.string().nullable(),
        violations: assignmentKinds,
        reason: z.enum(['no_team', 'no_eligible_manager', 'no_capacity']),
      }),
    ),
    managers: z.array(
      z.object({
        ...person,
        teamId: z.number().int().nullable(),
        level: z.string(),
        capacity: z.number().int(),
        assignable: z.boolean(),
        loadBefore: z.number().nullable(),
        loadAfter: z.number().nullable(),
      }),
    ),
    headcount: z.array(
      z.object({
        level: z.string(),
        groups: z.array(
          z.object({
            policyId: z.number().int(),
            gradeCode: z.string(),
            max: z.number().int(),
            customers: z.number().int(),
          }),
        ),
        formula: z.string(),
        fractional: z.string(),
        needed: z.number().int(),
        existing: z.number().int(),
        gap: z.number().int(),
      }),
    ),
  })
  .openapi('AssignmentPlan');

export const ApplyResponse = z.object({ applied: z.number().int() }).openapi('AssignmentApplied');
