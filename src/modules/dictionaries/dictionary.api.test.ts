import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Client;
let rep: Client;

beforeAll(async () => {
  t = await createTestApp();
  [admin, rep] = await Promise.all([t.as('admin'), t.as('repEast1')]);
});

afterAll(async () => t.close());

type Entry = {
  kind: string;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  builtin: boolean;
};
const entries = async (client: Client) =>
  ((await (await client('GET', '/api/dictionaries')).json()) as { items: Entry[] }).items;

describe('dictionaries', () => {
  it('everyone reads the built-in code lists with Chinese and English names', async () => {
    const items = await entries(rep);
    expect(items.find((e) => e.kind === 'enterprise_nature' && e.code === 'state_owned')).toMatchObject({
      nameZh: '国有企业',
      nameEn: 'State-owned',
      builtin: true,
    });
  });

  it('an admin adds a code that customers can then use, and withdrawing it refuses it on new input', async () => {
    const put = await admin('PUT', '/api/dictionaries/industry/robotics', {
      nameZh: '机器人',
      nameEn: 'Robotics',
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ code: 'robotics', active: true, builtin: false });
    expect((await rep('POST', '/api/customers', { name: '机器人公司', industry: 'robotics' })).status).toBe(
      201,
    );
    await admin('PUT', '/api/dictionaries/industry/robotics', {
      nameZh: '机器人',
      nameEn: 'Robotics',
      active: false,
    });
    expect((await rep('POST', '/api/customers', { name: '另一家', industry: 'robotics' })).status).toBe(400);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'dictionary')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('a rep may not change the lists (403); an unknown kind is a 400 naming it', async () => {
    expect((await rep('PUT', '/api/dictionaries/industry/x', { nameZh: '某', nameEn: 'X' })).status).toBe(
      403,
    );
    const unknown = await admin('PUT', '/api/dictionaries/colour/red', { nameZh: '红', nameEn: 'Red' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('"path":"kind"');
  });
});
