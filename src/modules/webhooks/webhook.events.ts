/** The events an integration may subscribe to; `ping` is only ever sent by the test button, to one webhook. */
export const webhookEvents = [
  'grade.upgrade',
  'grade.downgrade',
  'grade.entered_top',
  'grade.left_top',
  'grade.churn_risk',
  'run.completed',
] as const;

export type WebhookEvent = (typeof webhookEvents)[number];

export const PING_EVENT = 'ping';
