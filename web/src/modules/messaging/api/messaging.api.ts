import { api, apiDownload, buildQuery, type ItemList, type Page } from '../../../shared/api/client';
import type { LifecycleStage, SizeBand } from '../../../shared/enums';

export const templatePurposes = [
  'birthday',
  'holiday',
  'repurchase',
  'new_products',
  'policy_change',
] as const;
export type TemplatePurpose = (typeof templatePurposes)[number];
export type MessageLocale = 'zh-CN' | 'en-US';
export const messageChannels = ['email', 'sms'] as const;
export type MessageChannel = (typeof messageChannels)[number];
export const recipientChoices = ['decision_makers', 'key_contacts', 'all'] as const;
export type RecipientChoice = (typeof recipientChoices)[number];
export const messageStatuses = ['draft', 'queued', 'sending', 'sent', 'failed', 'exported'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export interface MessageTemplate {
  id: number;
  purpose: TemplatePurpose;
  locale: MessageLocale;
  name: string;
  subject: string;
  body: string;
  builtin: boolean;
  active: boolean;
  updatedAt: string;
}

export type TemplateInput = Pick<
  MessageTemplate,
  'purpose' | 'locale' | 'name' | 'subject' | 'body' | 'active'
>;

export interface Rendered {
  subject: string;
  body: string;
  bodyHtml: string | null;
  warnings: string[];
  unknownFields: string[];
}

export interface Segment {
  gradeModelId?: number;
  grade?: string[];
  lifecycle?: LifecycleStage[];
  province?: string[];
  teamId?: number[];
  ownerId?: number[];
  type?: string[];
  industry?: string[];
  sizeBand?: SizeBand[];
  tag?: string[];
}

export interface BatchInput {
  name: string;
  templateId: number;
  channel: MessageChannel;
  recipients: RecipientChoice;
  segment: Segment;
  holiday?: string;
}

export interface BatchPreview {
  customers: number;
  recipients: number;
  customersWithoutRecipient: number;
  withWarnings: number;
  sample: {
    customerId: number;
    customerName: string;
    recipient: string;
    recipientName: string;
    subject: string;
    body: string;
    warnings: string[];
  }[];
}

export interface Batch extends Omit<BatchInput, 'holiday'> {
  id: number;
  templateName: string;
  purpose: TemplatePurpose;
  holiday: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  total: number;
  counts: Record<MessageStatus, number>;
  channelReady: boolean;
}

export interface Message {
  id: number;
  batchId: number;
  customerId: number;
  customerName: string;
  channel: MessageChannel;
  recipient: string;
  recipientName: string;
  subject: string;
  body: string;
  warnings: string[];
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  exportedAt: string | null;
}

export interface MessageFilter {
  batchId?: number;
  status?: MessageStatus;
  cursor?: string;
}

export const messagingApi = {
  templates: () => api.get<ItemList<MessageTemplate> & { mergeFields: string[] }>('/messages/templates'),
  createTemplate: (input: TemplateInput) => api.post<MessageTemplate>('/messages/templates', input),
  updateTemplate: (id: number, input: Partial<TemplateInput>) =>
    api.patch<MessageTemplate>(`/messages/templates/${id}`, input),
  deleteTemplate: (id: number) => api.delete(`/messages/templates/${id}`),
  previewTemplate: (input: { subject: string; body: string; locale: MessageLocale; holiday?: string }) =>
    api.post<Rendered>('/messages/templates/preview', input),
  batches: () => api.get<ItemList<Batch>>('/messages/batches'),
  batch: (id: number) => api.get<Batch>(`/messages/batches/${id}`),
  previewBatch: (input: Omit<BatchInput, 'name'>) =>
    api.post<BatchPreview>('/messages/batches/preview', input),
  createBatch: (input: BatchInput) => api.post<Batch>('/messages/batches', input),
  sendBatch: (id: number) => api.post<{ queued: number }>(`/messages/batches/${id}/send`),
  retryFailed: (id: number) => api.post<{ queued: number }>(`/messages/batches/${id}/retry-failed`),
  exportBatch: (id: number, format: 'csv' | 'xlsx') =>
    apiDownload(`/messages/batches/${id}/export?format=${format}`, undefined, `messages-${id}.${format}`),
  messages: (filter: MessageFilter) =>
    api.get<Page<Message>>(`/messages${buildQuery({ limit: 50, ...filter })}`),
  retryMessage: (id: number) => api.post<Message>(`/messages/${id}/retry`),
};

export const channelKinds = ['smtp', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface Channel {
  id: number;
  kind: ChannelKind;
  name: string;
  active: boolean;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  hasPassword: boolean;
  fromAddress: string | null;
  webhookUrl: string | null;
  updatedAt: string;
}

/** What an admin types; the password and secret are write-only and only sent when given. */
export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  active?: boolean;
  smtpHost?: string;
  smtpPort?: number;
  smtpSecure?: boolean;
  smtpUser?: string | null;
  smtpPassword?: string;
  fromAddress?: string;
  webhookUrl?: string;
}

export const channelsApi = {
  list: () => api.get<ItemList<Channel>>('/messages/channels'),
  create: (input: ChannelInput) =>
    api.post<Channel & { webhookSecret?: string }>('/messages/channels', input),
  update: (id: number, input: Omit<ChannelInput, 'kind'>) =>
    api.patch<Channel>(`/messages/channels/${id}`, input),
  remove: (id: number) => api.delete(`/messages/channels/${id}`),
};
