import { z } from '@hono/zod-openapi';
import { PageQuery, text } from '../../server/schema-common.js';
import { lifecycleStages, sizeBands } from '../customers/customer.schema.js';
import {
  channelKinds,
  messageChannels,
  messageStatuses,
  recipientChoices,
  templatePurposes,
} from './messaging.tables.js';
import { mergeFields } from './render.js';

const locale = z.enum(['zh-CN', 'en-US']);
const id = z.number().int().positive();
const queryBoolean = z.enum(['true', 'false']);

const templateFields = {
  purpose: z.enum(templatePurposes),
  locale,
  name: text(100),
  subject: text(300),
  body: text(10_000),
  active: z.boolean().optional(),
};
export const TemplateCreate = z.object(templateFields).strict().openapi('MessageTemplateCreate');
export const TemplateUpdate = z
  .object({
    purpose: templateFields.purpose.optional(),
    locale: locale.optional(),
    name: templateFields.name.optional(),
    subject: templateFields.subject.optional(),
    body: templateFields.body.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('MessageTemplateUpdate');
export type TemplateCreateInput = z.output<typeof TemplateCreate>;
export type TemplateUpdateInput = z.output<typeof TemplateUpdate>;

export const TemplateListQuery = z.object({
  purpose: z.enum(templatePurposes).optional(),
  locale: locale.optional(),
  active: queryBoolean.optional(),
});
export type TemplateListFilter = z.output<typeof TemplateListQuery>;

export const TemplateResponse = z
  .object({
    id: z.number().int(),
    purpose: z.enum(templatePurposes),
    locale,
    name: z.string(),
    subject: z.string(),
    body: z.string(),
    builtin: z.boolean(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MessageTemplate');
export type TemplateView = z.infer<typeof TemplateResponse>;

export const TemplateList = z
  .object({ items: z.array(TemplateResponse), mergeFields: z.array(z.enum(mergeFields)) })
  .openapi('MessageTemplateList');

export const TemplatePreviewRequest = z
  .object({
    subject: z.string().max(300),
    body: z.string().max(10_000),
    locale: locale.optional(),
    holiday: z.string().trim().max(50).optional(),
  })
  .strict()
  .openapi('MessageTemplatePreviewRequest');
export type TemplatePreviewInput = z.output<typeof TemplatePreviewRequest>;

export const RenderedResponse = z
  .object({
    subject: z.string(),
    body: z.string(),
    bodyHtml: z.string().nullable(),
    warnings: z.array(z.string()),
    unknownFields: z.array(z.string()),
  })
  .openapi('RenderedMessage');

const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(200).optional();

/** A customer segment: the customer list's own filters, as arrays. */
export const Segment = z
  .object({
    gradeModelId: id.optional(),
    grade: list(z.string().trim().min(1).max(20)),
    lifecycle: list(z.enum(lifecycleStages)),
    province: list(z.string().trim().min(1).max(50)),
    teamId: list(id),
    ownerId: list(id),
    type: list(z.string().trim().min(1).max(50)),
    industry: list(z.string().trim().min(1).max(50)),
    sizeBand: list(z.enum(sizeBands)),
    tag: list(z.string().trim().min(1).max(30)),
  })
  .strict()
  .openapi('MessageSegment');
export type SegmentInput = z.output<typeof Segment>;

export const BatchCreate = z
  .object({
    name: text(100),
    templateId: id,
    channel: z.enum(messageChannels),
    recipients: z.enum(recipientChoices),
    segment: Segment,
    holiday: z.string().trim().max(50).optional(),
  })
  .strict()
  .openapi('MessageBatchCreate');
export type BatchCreateInput = z.output<typeof BatchCreate>;

const StatusCounts = z.object(
  Object.fromEntries(messageStatuses.map((status) => [status, z.number().int()])) as Record<
    (typeof messageStatuses)[number],
    z.ZodNumber
  >,
);

export const MessageResponse = z
  .object({
    id: z.number().int(),
    batchId: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    contactId: z.number().int().nullable(),
    channel: z.enum(messageChannels),
    recipient: z.string(),
    recipientName: z.string(),
    subject: z.string(),
    body: z.string(),
    warnings: z.array(z.string()),
    status: z.enum(messageStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    exportedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Message');
export type MessageView = z.infer<typeof MessageResponse>;

export const BatchPreviewResponse = z
  .object({
    customers: z.number().int(),
    recipients: z.number().int(),
    /** Customers of the segment with no contact reachable on the channel: they get no draft. */
    customersWithoutRecipient: z.number().int(),
    withWarnings: z.number().int(),
    sample: z.array(
      z.object({
        customerId: z.number().int(),
        customerName: z.string(),
        recipient: z.string(),
        recipientName: z.string(),
        subject: z.string(),
        body: z.string(),
        warnings: z.array(z.string()),
      }),
    ),
  })
  .openapi('MessageBatchPreview');

export const BatchResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    templateId: z.number().int(),
    templateName: z.string(),
    purpose: z.enum(templatePurposes),
    channel: z.enum(messageChannels),
    recipients: z.enum(recipientChoices),
    segment: Segment,
    holiday: z.string().nullable(),
    createdBy: z.number().int(),
    createdByName: z.string(),
    createdAt: z.string(),
    total: z.number().int(),
    counts: StatusCounts,
    customersWithoutRecipient: z.number().int().optional(),
    /** Whether an active channel can carry this batch now; without one, drafts are exported instead. */
    channelReady: z.boolean(),
  })
  .openapi('MessageBatch');
export type BatchView = z.infer<typeof BatchResponse>;

export const BatchList = z.object({ items: z.array(BatchResponse) }).openapi('MessageBatchList');

export const MessageListQuery = PageQuery.extend({
  batchId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  status: z.enum(messageStatuses).optional(),
});
export type MessageListFilter = z.output<typeof MessageListQuery>;

export const MessagePage = z
  .object({ items: z.array(MessageResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('MessagePage');

export const SendResponse = z.object({ queued: z.number().int() }).openapi('MessageSendResult');

const channelFields = {
  name: text(100),
  active: z.boolean().optional(),
  smtpHost: z.string().trim().min(1).max(200).optional(),
  smtpPort: z.number().int().min(1).max(65535).optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: z.string().trim().max(200).nullable().optional(),
  /** Write-only: never returned, never audited. */
  smtpPassword: z.string().max(500).nullable().optional(),
  fromAddress: z.string().trim().email().max(200).optional(),
  webhookUrl: z.string().trim().url().max(500).optional(),
  /** Write-only; generated when a webhook channel is created without one, and returned once. */
  webhookSecret: z.string().min(16).max(200).optional(),
};
export const ChannelCreate = z
  .object({ kind: z.enum(channelKinds), ...channelFields })
  .strict()
  .openapi('MessageChannelCreate');
export const ChannelUpdate = z
  .object({ ...channelFields, name: channelFields.name.optional() })
  .strict()
  .openapi('MessageChannelUpdate');
export type ChannelCreateInput = z.output<typeof ChannelCreate>;
export type ChannelUpdateInput = z.output<typeof ChannelUpdate>;

export const ChannelResponse = z
  .object({
    id: z.number().int(),
    kind: z.enum(channelKinds),
    name: z.string(),
    active: z.boolean(),
    smtpHost: z.string().nullable(),
    smtpPort: z.number().int().nullable(),
    smtpSecure: z.boolean(),
    smtpUser: z.string().nullable(),
    hasPassword: z.boolean(),
    fromAddress: z.string().nullable(),
    webhookUrl: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MessageChannel');
export type ChannelView = z.infer<typeof ChannelResponse>;
export const ChannelWithSecret = ChannelResponse.extend({ webhookSecret: z.string().optional() }).openapi(
  'MessageChannelWithSecret',
);
export const ChannelList = z.object({ items: z.array(ChannelResponse) }).openapi('MessageChannelList');
