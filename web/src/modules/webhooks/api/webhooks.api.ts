import { api, buildQuery, type ItemList, type Page } from '../../../shared/api/client';

/** The events an integration may subscribe to (the server's list); `ping` comes only from the test button. */
export const webhookEvents = [
  'grade.upgrade',
  'grade.downgrade',
  'grade.entered_top',
  'grade.left_top',
  'grade.churn_risk',
  'run.completed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** The translation key of an event's name (`ping` included), under settings.webhooks.events. */
export const webhookEventKey = (event: string) => `settings.webhooks.events.${event.replace('.', '_')}`;

export interface Webhook {
  id: number;
  name: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookInput {
  name?: string;
  url?: string;
  events?: WebhookEvent[];
  active?: boolean;
  rotateSecret?: boolean;
}

export interface DeliveryAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: number;
  webhookId: number;
  event: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  log: DeliveryAttempt[];
}

export const webhooksApi = {
  list: () => api.get<ItemList<Webhook>>('/webhooks'),
  create: (input: WebhookInput) => api.post<Webhook & { secret: string }>('/webhooks', input),
  update: (id: number, input: WebhookInput) =>
    api.patch<Webhook & { secret?: string }>(`/webhooks/${id}`, input),
  remove: (id: number) => api.delete(`/webhooks/${id}`),
  deliveries: (id: number, cursor?: string) =>
    api.get<Page<Delivery>>(`/webhooks/${id}/deliveries${buildQuery({ limit: 20, cursor })}`),
  test: (id: number) => api.post<Delivery>(`/webhooks/${id}/test`),
  retry: (deliveryId: number) => api.post<Delivery>(`/webhook-deliveries/${deliveryId}/retry`),
};
