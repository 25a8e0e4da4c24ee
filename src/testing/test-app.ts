import pino from 'pino';
import type { Hono } from 'hono';
import { loadConfig, type Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { createApp } from '../server/app.js';
import type { AppDeps } from '../server/app-env.js';
import { LoginThrottle } from '../modules/auth/login-throttle.js';
import { hashPassword } from '../modules/auth/password.js';
import { openTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'test-password-1';

/** The cast of every permission test: an admin, two teams each with a manager and two reps. */
export interface TestPeople {
  admin: number;
  managerEast: number;
  managerSouth: number;
  repEast1: number;
  repEast2: number;
  repSouth1: number;
  teamEast: number;
  teamSouth: number;
}

export interface TestApp {
  app: Hono;
  handle: DatabaseHandle;
  deps: AppDeps;
  people: TestPeople;
  logLines: string[];
  /** Logs in and returns a request function that carries the session cookie. */
  as(login: keyof typeof logins): Promise<Client>;
  close(): Promise<void>;
}

export type Client = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Response>;

const logins = {
  admin: 'admin',
  managerEast: 'mgr.east',
  managerSouth: 'mgr.south',
  repEast1: 'rep.east1',
  repEast2: 'rep.east2',
  repSouth1: 'rep.south1',
} as const;

async function seedPeople(handle: DatabaseHandle): Promise<TestPeople> {
  const db = handle.db;
  const hash = await hashPassword(TEST_PASSWORD);
  const teamEast = (
    await db
      .insertInto('teams')
      .values({ name: '华东大区', region: '华东' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const teamSouth = (
    await db
      .insertInto('teams')
      .values({ name: '华南大区', region: '华南' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const user = async (
    login: string,
    name: string,
    role: 'admin' | 'manager' | 'rep',
    teamId: number | null,
  ) =>
    (
      await db
        .insertInto('users')
        .values({
          login,
          name,
          role,
          team_id: teamId,
          password_hash: hash,
          level: role === 'rep' ? 'junior' : 'senior',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const people: TestPeople = {
    admin: await user(logins.admin, '系统管理员', 'admin', null),
    managerEast: await user(logins.managerEast, '王经理', 'manager', teamEast),
    managerSouth: await user(logins.managerSouth, '李经理', 'manager', teamSouth),
    repEast1: await user(logins.repEast1, '张三', 'rep', teamEast),
    repEast2: await user(logins.repEast2, '赵四', 'rep', teamEast),
    repSouth1: await user(logins.repSouth1, '陈五', 'rep', teamSouth),
    teamEast,
    teamSouth,
  };
  await db.updateTable('teams').set({ manager_id: people.managerEast }).where('id', '=', teamEast).execute();
  await db
    .updateTable('teams')
    .set({ manager_id: people.managerSouth })
    .where('id', '=', teamSouth)
    .execute();
  return people;
}

export async function createTestApp(
  overrides: Partial<Record<string, string>> = {},
  now?: () => Date,
): Promise<TestApp> {
  const handle = await openTestDatabase();
  const people = await seedPeople(handle);
  const config: Config = loadConfig({ STRATUM_DATA_DIR: '/nonexistent', LOG_LEVEL: 'info', ...overrides });
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const deps: AppDeps = {
    config,
    database: handle,
    db: handle.db,
    logger,
    throttle: new LoginThrottle(config.loginMaxAttempts, config.loginWindowMinutes * 60_000),
    now: now ?? (() => new Date()),
  };
  const app = createApp(deps);
  const as = async (who: keyof typeof logins): Promise<Client> => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: logins[who], password: TEST_PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`login as ${who} failed: ${response.status} ${await response.text()}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return (method, path, body, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: {
            cookie,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        }),
      );
  };
  return { app, handle, deps, people, logLines, as, close: () => handle.close() };
}
