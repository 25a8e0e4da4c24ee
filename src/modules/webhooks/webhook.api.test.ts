import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadingClock } from '../../testing/leading-clock.js';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { openGradeWorld, type GradeWorld } from '../alerts/testing/grade-world.js';
import { createDeliveryWorker, type DeliveryWorker } from './delivery.worker.js';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The integrator's side: records every request; each path answers with its own script of status codes. */
const received: Received[] = [];
const scripts = new Map<string, number[]>();
let server: Server;
let base: string;

let t: TestApp;
let w: GradeWorld;
let worker: DeliveryWorker;
let admin: Client;
const clock = leadingClock();
const { advance } = clock;

interface Delivery {
  id: number;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  log: { statusCode: number | null; error: string | null }[];
}

const body = async <T>(response: Response, status: number): Promise<T> => {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
};

const createHook = (path: string, events: string[], extra: Record<string, unknown> = {}) =>
  admin('POST', '/api/webhooks', { name: path, url: `${base}${path}`, events, ...extra }).then((r) =>
    body<{ id: number; secret: string }>(r, 201),
  );

const deliveries = async (webhookId: number) =>
  (await body<{ items: Delivery[] }>(await admin('GET', `/api/webhooks/${webhookId}/deliveries`), 200)).items;

const ping = async (webhookId: number) =>
  body<Delivery>(await admin('POST', `/api/webhooks/${webhookId}/test`), 202);

const hmac = (secret: string, raw: string) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      if (path === '/hang') return;
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const script = scripts.get(path) ?? [];
      response.writeHead(script.length > 1 ? script.shift()! : (script[0] ?? 200)).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp(
    {
      STRATUM_WEBHOOK_MAX_ATTEMPTS: '3',
      STRATUM_WEBHOOK_BACKOFF_SECONDS: '30',
      STRATUM_WEBHOOK_BACKOFF_MAX_SECONDS: '3600',
      STRATUM_WEBHOOK_TIMEOUT_SECONDS: '0.3',
    },
    clock.now,
  );
  worker = createDeliveryWorker({
    db: t.handle.db,
    logger: t.deps.logger,
    settings: t.deps.config.webhooks,
    now: clock.now,
  });
  w = await openGradeWorld(t.handle.db, t.people);
  admin = await t.as('admin');
});

afterAll(async () => {
  await worker.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('webhook management', () => {
  it('is for admins only: 403 for a manager and a rep on every route', async () => {
    const hook = await createHook('/ok', ['run.completed']);
    const [delivery] = [await ping(hook.id)];
    for (const who of ['managerEast', 'repEast1'] as const) {
      const client = await t.as(who);
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/webhooks'],
        ['POST', '/api/webhooks', { name: 'x', url: `${base}/ok`, events: ['run.completed'] }],
        ['GET', `/api/webhooks/${hook.id}`],
        ['PATCH', `/api/webhooks/${hook.id}`, { active: false }],
        ['DELETE', `/api/webhooks/${hook.id}`],
        ['GET', `/api/webhooks/${hook.id}/deliveries`],
        ['POST', `/api/webhooks/${hook.id}/test`],
        ['POST', `/api/webhook-deliveries/${delivery.id}/retry`],
      ];
      for (const [method, path, payload] of calls) {
        expect((await client(method, path, payload)).status, `${who} ${method} ${path}`).toBe(403);
      }
    }
    expect((await admin('DELETE', `/api/webhooks/${hook.id}`)).status).toBe(204);
  });

  it('shows the secret once: never in reads, the audit trail or the log', async () => {
    const hook = await createHook('/ok', ['grade.upgrade']);
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    const read = await admin('GET', `/api/webhooks/${hook.id}`);
    const list = await admin('GET', '/api/webhooks');
    const rotated = await body<{ secret: string }>(
      await admin('PATCH', `/api/webhooks/${hook.id}`, { rotateSecret: true }),
      200,
    );
    expect(rotated.secret).not.toBe(hook.secret);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'webhook')
      .execute();
    const everything = [await read.text(), await list.text(), JSON.stringify(audit), t.logLines.join('\n')];
    for (const text of everything) {
      expect(text).not.toContain(hook.secret);
      expect(text).not.toContain(rotated.secret);
    }
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a URL that is not http(s) and an event nobody sends', async () => {
    const refused = async (payload: Record<string, unknown>, path: string) => {
      const response = await admin('POST', '/api/webhooks', {
        name: 'bad',
        url: `${base}/ok`,
        events: ['run.completed'],
        ...payload,
      });
      const error = await body<{ error: { fields: { path: string }[] } }>(response, 400);
      expect(error.error.fields.map((f) => f.path)).toContain(path);
    };
    await refused({ url: 'ftp://example.com/x' }, 'url');
    await refused({ events: ['grade.sideways'] }, 'events.0');
  });
});

describe('delivery', () => {
  it('a ping reaches the endpoint signed with HMAC-SHA256 of the raw body', async () => {
    const hook = await createHook('/ok', ['run.completed']);
    const delivery = await ping(hook.id);
    expect(delivery).toMatchObject({ event: 'ping', status: 'pending', attempts: 0 });
    expect(await worker.tick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const request = received.at(-1)!;
    expect(request.headers['x-stratum-event']).toBe('ping');
    expect(request.headers['x-stratum-delivery']).toBe(String(delivery.id));
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-stratum-signature']).toBe(hmac(hook.secret, request.body));
    expect(request.headers['x-stratum-signature']).not.toBe(hmac('another-secret-entirely', request.body));
    expect(JSON.parse(request.body)).toMatchObject({
      id: delivery.id,
      event: 'ping',
      data: { webhookId: hook.id },
    });
    const [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(logged!.log).toEqual([expect.objectContaining({ statusCode: 200, error: null })]);
    expect(await worker.tick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('a run sends each subscribed event of its grade changes, and run.completed', async () => {
    const hook = await createHook('/grades', ['grade.upgrade', 'run.completed']);
    await w.setSales(w.customers.E1, 500);
    await w.run('2025-01-01');
    await w.setSales(w.customers.E1, 5_000);
    const second = await w.run('2025-02-01');
    await worker.tick();
    const sent = received
      .filter((r) => r.path === '/grades')
      .map((r) => JSON.parse(r.body) as { event: string });
    expect(sent.map((s) => s.event).sort()).toEqual(['grade.upgrade', 'run.completed', 'run.completed']);
    expect(sent.find((s) => s.event === 'grade.upgrade')).toMatchObject({
      data: { customer: { code: 'E1' }, from: { code: 'C' }, to: { code: 'B' }, runId: second.runId },
    });
    for (const r of received.filter((x) => x.path === '/grades'))
      expect(r.headers['x-stratum-signature']).toBe(hmac(hook.secret, r.body));
    await admin('PATCH', `/api/webhooks/${hook.id}`, { active: false });
  });

  it('a failing endpoint (500, then 200) is retried after 30 s, and the log shows both attempts', async () => {
    scripts.set('/flaky', [500, 200]);
    const hook = await createHook('/flaky', ['run.completed']);
    const delivery = await ping(hook.id);
    const failedAt = clock.now();
    expect(await worker.tick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [pending] = await deliveries(hook.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(pending!.nextAttemptAt).toBe(new Date(failedAt.getTime() + 30_000).toISOString());
    advance(29);
    expect(await worker.tick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    advance(1);
    expect(await worker.tick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const [done] = await deliveries(hook.id);
    expect(done).toMatchObject({ id: delivery.id, status: 'delivered', attempts: 2 });
    expect(done!.log.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(done!.log[0]!.error).toBe('HTTP 500');
    expect((await admin('POST', `/api/webhook-deliveries/${delivery.id}/retry`)).status).toBe(409);
  });

  it('a permanently failing endpoint ends failed after the maximum attempts (30 s, then 60 s apart); runs go on', async () => {
    scripts.set('/down', [503]);
    const hook = await createHook('/down', ['run.completed']);
    await ping(hook.id);
    expect((await worker.tick()).retrying).toBe(1);
    advance(30);
    expect((await worker.tick()).retrying).toBe(1);
    advance(59);
    expect(await worker.tick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const run = await w.run('2025-03-01');
    expect(run.population).toBeGreaterThan(0);
    advance(1);
    const report = await worker.tick();
    expect(report.failed).toBe(1);
    expect(report.retrying).toBe(1); // the run's run.completed, on its first attempt
    const [runCompleted, failedPing] = await deliveries(hook.id);
    expect(failedPing).toMatchObject({ event: 'ping', status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(failedPing!.log.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    expect(runCompleted).toMatchObject({ event: 'run.completed', status: 'pending', attempts: 1 });

    scripts.set('/down', [200]);
    const retried = await body<Delivery>(
      await admin('POST', `/api/webhook-deliveries/${failedPing!.id}/retry`),
      200,
    );
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await worker.tick()).delivered).toBe(1);
    const after = (await deliveries(hook.id)).find((d) => d.id === failedPing!.id)!;
    expect(after).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(after.log.map((a) => a.statusCode)).toEqual([503, 503, 503, 200]);
    await admin('PATCH', `/api/webhooks/${hook.id}`, { active: false });
  });

  it('an endpoint that never answers times out, and a run completes while the worker waits on it', async () => {
    const hook = await createHook('/hang', ['run.completed']);
    await ping(hook.id);
    const tick = worker.tick();
    await w.setSales(w.customers.E2, 20_000);
    const run = await w.run('2025-04-01');
    expect(run.population).toBeGreaterThan(0);
    expect(await tick).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [, timedOut] = await deliveries(hook.id);
    expect(timedOut).toMatchObject({ event: 'ping', lastStatusCode: null });
    expect(timedOut!.log[0]!.error).toBe('timeout after 0.3 s');
  });

  it('a paused webhook gets no new events', async () => {
    const hook = await createHook('/paused', ['run.completed'], { active: false });
    await w.run('2025-05-01');
    expect(await deliveries(hook.id)).toEqual([]);
  });
});
