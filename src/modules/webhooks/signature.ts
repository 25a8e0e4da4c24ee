import { createHmac } from 'node:crypto';

/** The X-Stratum-Signature value: `sha256=` and the hex HMAC-SHA256 of the exact body bytes sent. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
