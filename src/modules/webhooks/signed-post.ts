import { signBody } from './signature.js';

export interface PostOutcome {
  readonly statusCode: number | null;
  /** Null when the endpoint answered 2xx; otherwise what went wrong, short enough to store. */
  readonly error: string | null;
}

/**
 * POSTs a JSON body signed with the endpoint's secret (X-Stratum-Signature over the exact bytes sent). Redirects
 * are not followed and a slow endpoint times out; nothing throws, every outcome is a value to record.
 */
export async function postSigned(
  request: {
    readonly url: string;
    readonly secret: string;
    readonly body: string;
    readonly headers: Readonly<Record<string, string>>;
  },
  timeoutSeconds: number,
): Promise<PostOutcome> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Stratum-Webhooks/1',
        ...request.headers,
        'x-stratum-signature': signBody(request.secret, request.body),
      },
      body: request.body,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = timedOut
      ? `timeout after ${timeoutSeconds} s`
      : [error instanceof Error ? error.message : String(error), cause].filter(Boolean).join(': ');
    return { statusCode: null, error: message.slice(0, 500) };
  }
}
