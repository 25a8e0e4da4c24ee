import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export const templatePurposes = [
  'birthday',
  'holiday',
  'repurchase',
  'new_products',
  'policy_change',
] as const;
export type TemplatePurpose = (typeof templatePurposes)[number];
export const messageChannels = ['email', 'sms'] as const;
export type MessageChannel = (typeof messageChannels)[number];
export const channelKinds = ['smtp', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const recipientChoices = ['decision_makers', 'key_contacts', 'all'] as const;
export type RecipientChoice = (typeof recipientChoices)[number];
export const messageStatuses = ['draft', 'queued', 'sending', 'sent', 'failed', 'exported'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** The channel kind that carries each message channel: email over SMTP, text messages through a webhook. */
export const kindOfChannel: Readonly<Record<MessageChannel, ChannelKind>> = { email: 'smtp', sms: 'webhook' };

export interface MessageTemplateTable {
  id: Generated<number>;
  purpose: TemplatePurpose;
  locale: 'zh-CN' | 'en-US';
  name: string;
  subject: string;
  body: string;
  builtin: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MessageChannelTable {
  id: Generated<number>;
  kind: ChannelKind;
  name: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_secure: ColumnType<boolean, boolean | undefined, boolean>;
  smtp_user: string | null;
  smtp_password: string | null;
  from_address: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MessageBatchTable {
  id: Generated<number>;
  name: string;
  template_id: number;
  channel: MessageChannel;
  recipients: RecipientChoice;
  segment: Json<Record<string, unknown>>;
  holiday: string | null;
  created_by: number;
  created_at: CreatedAt;
}

export interface MessageTable {
  id: Generated<number>;
  batch_id: number;
  customer_id: number;
  contact_id: number | null;
  channel: MessageChannel;
  recipient: string;
  recipient_name: string;
  subject: string;
  body: string;
  body_html: string | null;
  warnings: Json<string[]>;
  status: ColumnType<MessageStatus, MessageStatus | undefined, MessageStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  last_error: string | null;
  queued_by: number | null;
  sent_at: Date | null;
  exported_at: Date | null;
  activity_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Tables added by migration 011 (messaging); merged into Database where this module queries them. */
export type MessagingTables = {
  message_templates: MessageTemplateTable;
  message_channels: MessageChannelTable;
  message_batches: MessageBatchTable;
  messages: MessageTable;
};
