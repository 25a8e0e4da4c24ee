import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let clock = new Date('2026-01-05T08:00:00Z');

const login = (loginName: string, password: string, ip = '10.1.1.1') =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': ip },
    body: JSON.stringify({ login: loginName, password }),
  });

const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

beforeAll(async () => {
  t = await createTestApp({ STRATUM_SESSION_HOURS: '8', STRATUM_LOGIN_MAX_ATTEMPTS: '3' }, () => clock);
});
afterAll(async () => t.close());

describe('login and sessions', () => {
  it('a correct login sets an httpOnly SameSite=Lax cookie that expires with the session', async () => {
    const response = await login('rep.east1', TEST_PASSWORD);
    expect(response.status).toBe(200);
    const header = response.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/stratum_session=/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Expires=/i);
    const me = await t.app.request('/api/auth/me', { headers: { cookie: cookieOf(response) } });
    expect(await me.json()).toMatchObject({ login: 'rep.east1', role: 'rep', teamId: t.people.teamEast });
  });

  it('the login name is matched without regard to case', async () => {
    expect((await login('REP.EAST1', TEST_PASSWORD)).status).toBe(200);
  });

  it('without a session every API call is 401', async () => {
    for (const path of ['/api/auth/me', '/api/customers', '/api/customers/1']) {
      const response = await t.app.request(path);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('a forged cookie is refused', async () => {
    const response = await t.app.request('/api/auth/me', { headers: { cookie: 'stratum_session=forged' } });
    expect(response.status).toBe(401);
  });

  it('a session stops working when it expires', async () => {
    const cookie = cookieOf(await login('rep.east2', TEST_PASSWORD));
    clock = new Date(clock.getTime() + 7 * 3600_000);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    clock = new Date(clock.getTime() + 2 * 3600_000);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const cookie = cookieOf(await login('mgr.east', TEST_PASSWORD));
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(
      204,
    );
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('a deactivated user loses their sessions at once', async () => {
    const cookie = cookieOf(await login('rep.south1', TEST_PASSWORD));
    await t.handle.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', t.people.repSouth1)
      .execute();
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await login('rep.south1', TEST_PASSWORD)).status).toBe(401);
    await t.handle.db
      .updateTable('users')
      .set({ active: true })
      .where('id', '=', t.people.repSouth1)
      .execute();
  });
});

describe('login rate limit', () => {
  it('after the allowed failures the account is locked for the window, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = await login('mgr.south', 'wrong-password');
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    }
    const locked = await login('mgr.south', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({
      error: { code: 'TOO_MANY_ATTEMPTS', message: '登录尝试过多，请稍后再试' },
    });
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await login('mgr.south', TEST_PASSWORD)).status).toBe(200);
  });

  it('an unknown login fails exactly like a wrong password', async () => {
    const unknown = await login('nobody', 'whatever-pass');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });
});

describe('password change', () => {
  it('needs the current password, then the new one works and other sessions end', async () => {
    const first = cookieOf(await login('admin', TEST_PASSWORD));
    const second = cookieOf(await login('admin', TEST_PASSWORD));
    const post = (cookie: string, body: unknown) =>
      t.app.request('/api/auth/password', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(first, { currentPassword: 'nope-nope', newPassword: 'brand-new-pass' })).status).toBe(
      400,
    );
    expect((await post(first, { currentPassword: TEST_PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect(
      (await post(first, { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-pass' })).status,
    ).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: first } })).status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: second } })).status).toBe(401);
    expect((await login('admin', 'brand-new-pass')).status).toBe(200);
    expect((await login('admin', TEST_PASSWORD)).status).toBe(401);
  });
});

describe('secrets', () => {
  it('no password hash appears in any audit row or log line', async () => {
    const hashes = (await t.handle.db.selectFrom('users').select('password_hash').execute()).map(
      (r) => r.password_hash,
    );
    const audit = JSON.stringify(await t.handle.db.selectFrom('audit_log').selectAll().execute());
    const logs = t.logLines.join('\n');
    for (const hash of hashes) {
      expect(audit).not.toContain(hash);
      expect(logs).not.toContain(hash);
    }
    expect(audit).not.toContain('scrypt$');
    expect(audit).toContain('"action":"login"');
  });
});
