import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../testing/test-app.js';
import {
  auditActions,
  created,
  expectRefused,
  json,
  openRecordWorld,
  type RecordWorld,
} from '../audit/api-fixtures.js';

let w: RecordWorld;
const responses: string[] = [];
const SCRYPT_PREFIX = 'scrypt$';

/** Every body this file reads is kept, to prove at the end that none carries a password hash. */
const text = async (response: Response) => {
  const body = await response.clone().text();
  responses.push(body);
  return response;
};

beforeAll(async () => {
  w = await openRecordWorld();
});

afterAll(async () => w.t.close());

const login = (loginName: string, password: string) =>
  w.t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }),
  });

describe('users', () => {
  it('an admin sees every user, a manager the team and themselves, a rep only themselves', async () => {
    const logins = async (client: typeof w.admin) =>
      (await json(await text(await client('GET', '/api/users')))).items!.map((u) => u.login).sort();
    expect(await logins(w.admin)).toHaveLength(6);
    expect(await logins(w.managerEast)).toEqual(['mgr.east', 'rep.east1', 'rep.east2']);
    expect(await logins(w.repSouth1)).toEqual(['rep.south1']);
    expect((await w.repSouth1('GET', `/api/users/${w.t.people.repEast1}`)).status).toBe(404);
    expect(
      (await json(await text(await w.managerEast('GET', `/api/users/${w.t.people.repEast2}`)))).login,
    ).toBe('rep.east2');
  });

  it('an admin creates a user who can log in; the password is stored hashed and never returned', async () => {
    const user = await created(
      await text(
        await w.admin('POST', '/api/users', {
          login: 'rep.east3',
          name: '孙六',
          password: 'a-long-password',
          role: 'rep',
          teamId: w.t.people.teamEast,
          level: 'middle',
        }),
      ),
    );
    expect(user).toMatchObject({ login: 'rep.east3', role: 'rep', active: true, capacity: 60 });
    expect(Object.keys(user)).not.toContain('passwordHash');
    const stored = await w.t.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith(SCRYPT_PREFIX)).toBe(true);
    expect((await login('rep.east3', 'a-long-password')).status).toBe(200);
    expect(await auditActions(w.t, 'user', user.id)).toContain('create');
  });

  it('user mutations are for admins only: 403 for a manager or a rep', async () => {
    const body = { login: 'x.y', name: 'X', password: 'long-enough', role: 'rep' };
    expect((await w.managerEast('POST', '/api/users', body)).status).toBe(403);
    expect((await w.repEast1('PATCH', `/api/users/${w.t.people.repEast1}`, { name: '我' })).status).toBe(403);
    expect((await w.managerEast('DELETE', `/api/users/${w.t.people.repEast1}`)).status).toBe(403);
  });

  it('refuses a duplicate login (409), an unknown team, an unknown role and a short password, naming the field', async () => {
    const base = { login: 'new.user', name: '新人', password: 'long-enough', role: 'rep' };
    await expectRefused(
      await w.admin('POST', '/api/users', { ...base, login: 'REP.EAST1' }),
      409,
      'login',
      'duplicate',
    );
    await expectRefused(
      await w.admin('POST', '/api/users', { ...base, teamId: 9999 }),
      400,
      'teamId',
      'unknown_reference',
    );
    await expectRefused(
      await w.admin('POST', '/api/users', { ...base, role: 'owner' }),
      400,
      'role',
      'invalid_value',
    );
    await expectRefused(
      await w.admin('POST', '/api/users', { ...base, password: 'short' }),
      400,
      'password',
      'too_short',
    );
  });

  it('deleting a user deactivates them and ends their sessions; an admin cannot deactivate themselves', async () => {
    const client = await w.t.as('repEast2');
    expect((await client('GET', '/api/auth/me')).status).toBe(200);
    expect((await w.admin('DELETE', `/api/users/${w.t.people.repEast2}`)).status).toBe(204);
    expect((await client('GET', '/api/auth/me')).status).toBe(401);
    expect((await login('rep.east2', TEST_PASSWORD)).status).toBe(401);
    expect((await json(await w.admin('GET', `/api/users/${w.t.people.repEast2}`))).active).toBe(false);
    await expectRefused(await w.admin('DELETE', `/api/users/${w.t.people.admin}`), 400, 'id', 'own_account');
    await w.admin('PATCH', `/api/users/${w.t.people.repEast2}`, { active: true });
  });

  it("a change of a user's role or team applies to their very next request, however recently they were checked", async () => {
    const client = await w.t.as('managerEast');
    const me = async () => json(await client('GET', '/api/auth/me'));
    expect(await me()).toMatchObject({ role: 'manager', teamId: w.t.people.teamEast });
    expect(
      (await w.admin('PATCH', `/api/users/${w.t.people.managerEast}`, { teamId: w.t.people.teamSouth }))
        .status,
    ).toBe(200);
    expect(await me()).toMatchObject({ role: 'manager', teamId: w.t.people.teamSouth });
    expect((await w.admin('PATCH', `/api/users/${w.t.people.managerEast}`, { role: 'rep' })).status).toBe(
      200,
    );
    expect(await me()).toMatchObject({ role: 'rep' });
    await w.admin('PATCH', `/api/users/${w.t.people.managerEast}`, {
      role: 'manager',
      teamId: w.t.people.teamEast,
    });
  });

  it('an admin resets a password: the old one stops working and the user is logged out', async () => {
    const client = await w.t.as('repSouth1');
    const reset = await text(
      await w.admin('PATCH', `/api/users/${w.t.people.repSouth1}`, { password: 'brand-new-password' }),
    );
    expect(reset.status).toBe(200);
    expect((await client('GET', '/api/auth/me')).status).toBe(401);
    expect((await login('rep.south1', TEST_PASSWORD)).status).toBe(401);
    expect((await login('rep.south1', 'brand-new-password')).status).toBe(200);
  });
});

describe('teams', () => {
  it('everyone lists teams with manager and active member count; only admins change them', async () => {
    const teams = (await json(await text(await w.repEast1('GET', '/api/teams')))).items!;
    expect(teams.find((team) => team.id === w.t.people.teamEast)).toMatchObject({
      name: '华东大区',
      managerName: '王经理',
    });
    const created_ = await created(
      await w.admin('POST', '/api/teams', {
        name: '华北大区',
        region: '华北',
        managerId: w.t.people.managerSouth,
      }),
    );
    expect(created_).toMatchObject({ memberCount: 0, managerName: '李经理' });
    expect((await w.managerEast('POST', '/api/teams', { name: '西南大区' })).status).toBe(403);
    expect((await w.repEast1('PATCH', `/api/teams/${created_.id}`, { name: '改' })).status).toBe(403);
    expect(
      await json(await w.admin('PATCH', `/api/teams/${created_.id}`, { region: '京津冀' })),
    ).toMatchObject({ region: '京津冀' });
    await expectRefused(await w.admin('POST', '/api/teams', { name: '华东大区' }), 409, 'name', 'duplicate');
    await expectRefused(
      await w.admin('POST', '/api/teams', { name: '东北', managerId: 9999 }),
      400,
      'managerId',
      'unknown_reference',
    );
    expect((await w.admin('DELETE', `/api/teams/${w.t.people.teamEast}`)).status).toBe(409);
    expect((await w.admin('DELETE', `/api/teams/${created_.id}`)).status).toBe(204);
    expect(await auditActions(w.t, 'team', created_.id)).toEqual(['create', 'update', 'delete']);
  });
});

describe('secrets', () => {
  it('no response read in this file and no log line contains a password hash', async () => {
    const hashes = (await w.t.handle.db.selectFrom('users').select('password_hash').execute()).map(
      (u) => u.password_hash,
    );
    const salts = hashes.map((hash) => hash.split('$')[4]!);
    for (const body of [...responses, ...w.t.logLines]) {
      expect(body).not.toContain(SCRYPT_PREFIX);
      for (const salt of salts) expect(body).not.toContain(salt);
    }
    const audit = await w.t.handle.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(audit)).not.toContain(SCRYPT_PREFIX);
  });
});
