import { z } from '@hono/zod-openapi';
import { optionalText } from '../../server/schema-common.js';

export const relationshipKinds = [
  'upstream',
  'downstream',
  'peer',
  'partner',
  'parent',
  'subsidiary',
  'referred',
] as const;

export const RelationshipCreate = z
  .object({
    customerId: z.number().int().positive(),
    relatedCustomerId: z.number().int().positive(),
    kind: z.enum(relationshipKinds),
    note: optionalText(500),
  })
  .strict()
  .openapi('RelationshipCreate');
export type RelationshipCreateInput = z.output<typeof RelationshipCreate>;

export const RelationshipResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    relatedCustomerId: z.number().int(),
    relatedCustomerName: z.string().nullable(),
    kind: z.enum(relationshipKinds),
    direction: z.enum(['outgoing', 'incoming']),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Relationship');
export type RelationshipView = z.infer<typeof RelationshipResponse>;

export const RelationshipList = z
  .object({ items: z.array(RelationshipResponse) })
  .openapi('RelationshipList');
