import { z } from '@hono/zod-openapi';
import { ErrorResponse, PageQuery, text } from '../../server/schema-common.js';
import { webhookEvents } from './webhook.events.js';

const url = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), { params: { reason: 'invalid_format' } })
  .openapi({ example: 'https://erp.example.com/hooks/stratum' });

const events = z.array(z.enum(webhookEvents)).min(1).max(webhookEvents.length);

export const WebhookCreate = z
  .object({
    name: text(100),
    url,
    events,
    active: z.boolean().optional(),
    secret: z
      .string()
      .min(16)
      .max(200)
      .optional()
      .openapi({ description: 'Signing secret; generated when omitted. Returned once, in this response.' }),
  })
  .strict()
  .openapi('WebhookCreate');
export type WebhookCreateInput = z.output<typeof WebhookCreate>;

export const WebhookUpdate = z
  .object({
    name: text(100).optional(),
    url: url.optional(),
    events: events.optional(),
    active: z.boolean().optional(),
    rotateSecret: z
      .boolean()
      .optional()
      .openapi({ description: 'true: replace the signing secret; the new one is returned once' }),
  })
  .strict()
  .openapi('WebhookUpdate');
export type WebhookUpdateInput = z.output<typeof WebhookUpdate>;

export const WebhookResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');
export type WebhookView = z.infer<typeof WebhookResponse>;

export const WebhookWithSecret = WebhookResponse.extend({
  secret: z.string().openapi({ description: 'Shown only now: store it to check X-Stratum-Signature' }),
}).openapi('WebhookWithSecret');

export const WebhookUpdated = WebhookResponse.extend({ secret: z.string().optional() }).openapi(
  'WebhookUpdated',
);

export const WebhookList = z.object({ items: z.array(WebhookResponse) }).openapi('WebhookList');

export const DeliveryAttempt = z
  .object({
    at: z.string(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .openapi('WebhookDeliveryAttempt');

export const DeliveryResponse = z
  .object({
    id: z.number().int(),
    webhookId: z.number().int(),
    event: z.string(),
    payload: z.unknown(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    log: z.array(DeliveryAttempt),
  })
  .openapi('WebhookDelivery');
export type DeliveryView = z.infer<typeof DeliveryResponse>;

export const DeliveryPage = z
  .object({ items: z.array(DeliveryResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('WebhookDeliveryPage');

export const DeliveryListQuery = PageQuery;
export type DeliveryListQueryInput = z.output<typeof DeliveryListQuery>;

export const adminOnly = {
  403: { description: 'Admins only', content: { 'application/json': { schema: ErrorResponse } } },
} as const;
