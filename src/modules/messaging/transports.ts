import nodemailer from 'nodemailer';
import { postSigned } from '../webhooks/signed-post.js';
import type { DueMessage } from './messaging.repository.js';

/** Null when the message went out; otherwise why not, short enough to store. */
export type SendOutcome = string | null;

const short = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** One SMTP conversation per message: care batches are small, and a broken connection costs one message only. */
async function sendEmail(message: DueMessage, timeoutSeconds: number): Promise<SendOutcome> {
  const transport = nodemailer.createTransport({
    host: message.smtp_host ?? undefined,
    port: message.smtp_port ?? undefined,
    secure: message.smtp_secure,
    auth: message.smtp_user ? { user: message.smtp_user, pass: message.smtp_password ?? '' } : undefined,
    connectionTimeout: timeoutSeconds * 1000,
    greetingTimeout: timeoutSeconds * 1000,
    socketTimeout: timeoutSeconds * 1000,
  });
  try {
    const info = await transport.sendMail({
      from: message.from_address ?? undefined,
      to: { name: message.recipient_name, address: message.recipient },
      subject: message.subject,
      text: message.body,
      html: message.body_html ?? undefined,
      headers: { 'X-Stratum-Message': String(message.id) },
    });
    return info.rejected.length ? `rejected: ${info.rejected.map(String).join(', ')}`.slice(0, 500) : null;
  } catch (error) {
    return short(error);
  } finally {
    transport.close();
  }
}

/** The JSON a message webhook receives (an SMS or WeChat gateway turns it into a text message). */
export function messageWebhookBody(message: DueMessage): string {
  return JSON.stringify({
    id: message.id,
    event: 'message',
    channel: message.channel,
    to: message.recipient,
    name: message.recipient_name,
    subject: message.subject,
    body: message.body,
    customerId: message.customer_id,
    batchId: message.batch_id,
  });
}

async function postMessage(message: DueMessage, timeoutSeconds: number): Promise<SendOutcome> {
  const outcome = await postSigned(
    {
      url: message.webhook_url ?? '',
      secret: message.webhook_secret ?? '',
      body: messageWebhookBody(message),
      headers: { 'x-stratum-event': 'message', 'x-stratum-delivery': `message-${message.id}` },
    },
    timeoutSeconds,
  );
  return outcome.error;
}

export function deliverMessage(message: DueMessage, timeoutSeconds: number): Promise<SendOutcome> {
  return message.channel === 'email'
    ? sendEmail(message, timeoutSeconds)
    : postMessage(message, timeoutSeconds);
}
