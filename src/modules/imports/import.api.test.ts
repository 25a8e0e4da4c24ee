import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../testing/test-app.js';
import { xlsxRows } from '../exports/testing/read-back.js';

let t: TestApp;
let admin: Client;
let repEast1: Client;

const json = async <T>(response: Response) => (await response.json()) as T;
let adminCookie = '';
/** Uploads send the file's bytes as the raw body, as a browser's fetch(url, { body: file }) does. */
const upload = async (_client: Client, filename: string, content: string | Uint8Array) =>
  json<{ id: string; size: number }>(
    await t.app.request(`/api/imports/uploads?filename=${encodeURIComponent(filename)}`, {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/octet-stream' },
      body: content,
    }),
  );

interface JobView {
  id: string;
  state: string;
  error: string | null;
  progress: { rows: number; fraction: number };
  result: {
    committed: boolean;
    inserted: number;
    problemCount: number;
    problems: { row: number; reason: string }[];
  } | null;
}

async function finished(client: Client, id: string): Promise<JobView> {
  for (;;) {
    const job = await json<JobView>(await client('GET', `/api/imports/jobs/${id}`));
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  t = await createTestApp({ STRATUM_MAX_UPLOAD_BYTES: String(4 * 2 ** 20) });
  [admin, repEast1] = await Promise.all([t.as('admin'), t.as('repEast1')]);
  const login = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: TEST_PASSWORD }),
  });
  adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => t.close());

describe('import over HTTP: upload, preview, validate, commit, report', () => {
  it('an upload streams to disk and the preview reads its header, rows and automatic mapping', async () => {
    const { id, size } = await upload(admin, '客户.csv', '客户编号,客户名称,省份\nH001,华东机械,江苏省\n');
    expect(size).toBe(Buffer.byteLength('客户编号,客户名称,省份\nH001,华东机械,江苏省\n'));
    const preview = await json<{
      headers: string[];
      rows: string[][];
      mapping: Record<string, { column: string }>;
    }>(await admin('POST', `/api/imports/uploads/${id}/preview`, { entity: 'customers' }));
    expect(preview.headers).toEqual(['客户编号', '客户名称', '省份']);
    expect(preview.rows).toEqual([['H001', '华东机械', '江苏省']]);
    expect(preview.mapping.name).toEqual({ column: '客户名称' });
  });

  it('an upload over STRATUM_MAX_UPLOAD_BYTES is refused with 413 and leaves nothing behind', async () => {
    const response = await admin(
      'POST',
      '/api/imports/uploads?filename=big.csv',
      'x'.repeat(4 * 2 ** 20 + 1),
      {
        'content-type': 'text/csv',
      },
    );
    expect(response.status).toBe(413);
  });

  it('a validation job reports each bad row; its problem report puts a problem column next to the original row', async () => {
    const { id } = await upload(admin, 'bad.csv', 'code,name,headcount\nV001,Good Co,10\nV002,,abc\n');
    const started = await json<JobView>(
      await admin('POST', '/api/imports/jobs', { entity: 'customers', uploadIds: [id], dryRun: true }),
    );
    const job = await finished(admin, started.id);
    expect(job.state).toBe('succeeded');
    expect(job.result?.committed).toBe(false);
    expect(job.result?.problems.map((p) => [p.row, p.reason])).toEqual([
      [3, 'invalid_integer'],
      [3, 'required'],
    ]);
    const report = await xlsxRows(
      await admin('GET', `/api/imports/jobs/${job.id}/problems?format=xlsx`, undefined, {
        'accept-language': 'en-US',
      }),
    );
    expect(report[0]).toEqual(['File', 'Row', 'Problems', 'code', 'name', 'headcount']);
    expect(report.slice(1)).toEqual([
      ['bad.csv', '3', 'headcount: is not a valid whole number (abc); name: is required', 'V002', '', 'abc'],
    ]);
    const csv = Buffer.from(
      await (await admin('GET', `/api/imports/jobs/${job.id}/problems?format=csv`)).arrayBuffer(),
    ).toString('utf8');
    expect(csv.startsWith('\ufeff文件,行号,问题,code,name,headcount\r\n')).toBe(true);
  });

  it('a commit job writes the rows; a rep cannot see or cancel another user’s job', async () => {
    const { id } = await upload(admin, 'good.csv', 'code,name\nJ001,Job Co\n');
    const started = await json<JobView>(
      await admin('POST', '/api/imports/jobs', { entity: 'customers', uploadIds: [id] }),
    );
    expect((await repEast1('GET', `/api/imports/jobs/${started.id}`)).status).toBe(404);
    const job = await finished(admin, started.id);
    expect([job.state, job.result?.committed, job.result?.inserted]).toEqual(['succeeded', true, 1]);
    expect(job.progress.fraction).toBe(1);
  });

  it('a job cancelled over HTTP while it runs ends cancelled and leaves nothing written', async () => {
    // Large enough (≈ 40,000 rows, seconds of work) that the job is still running when the cancel arrives; the
    // admin's session has been checked before, so the cancel gets past the database the import holds (PGlite).
    const rows = Array.from({ length: 40_000 }, (_, i) => `X${String(i).padStart(5, '0')},Cancel Co ${i}`);
    expect((await admin('GET', '/api/auth/me')).status).toBe(200);
    const { id } = await upload(admin, 'cancel-me.csv', `code,name\n${rows.join('\n')}\n`);
    const started = await json<JobView>(
      await admin('POST', '/api/imports/jobs', { entity: 'customers', uploadIds: [id] }),
    );
    const cancel = await admin('POST', `/api/imports/jobs/${started.id}/cancel`);
    expect(cancel.status).toBe(202);
    expect((await repEast1('POST', `/api/imports/jobs/${started.id}/cancel`)).status).toBe(404);
    const job = await finished(admin, started.id);
    expect([job.state, job.result]).toEqual(['cancelled', null]);
    const written = await t.handle.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('code', 'like', 'X%')
      .executeTakeFirstOrThrow();
    expect(Number(written.count)).toBe(0);
    expect((await admin('POST', `/api/imports/jobs/${started.id}/cancel`)).status).toBe(202);
    expect((await json<JobView>(await admin('GET', `/api/imports/jobs/${started.id}`))).state).toBe(
      'cancelled',
    );
  });

  it('a preview of a sheet the workbook lacks names the sheet field, and a file that is no workbook the file', async () => {
    const book = new PassThrough();
    const chunks: Buffer[] = [];
    book.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: book });
    writer.addWorksheet('客户').addRow(['客户编号', '客户名称']).commit();
    await writer.commit();
    const { id } = await upload(admin, 'book.xlsx', Buffer.concat(chunks));
    const missing = await admin('POST', `/api/imports/uploads/${id}/preview`, {
      entity: 'customers',
      sheet: '订单',
    });
    expect(missing.status).toBe(400);
    const body = await json<{ error: { fields: { path: string; reason: string; message: string }[] } }>(
      missing,
    );
    expect(body.error.fields).toEqual([
      { path: 'sheet', reason: 'unknown_sheet', message: expect.stringContaining('不是文件中的工作表') },
    ]);
    const renamed = await upload(admin, 'renamed.xlsx', 'code,name\nK001,K\n');
    const unreadable = await admin('POST', `/api/imports/uploads/${renamed.id}/preview`, {
      entity: 'customers',
    });
    expect(
      (await json<{ error: { fields: { path: string; reason: string }[] } }>(unreadable)).error.fields,
    ).toEqual([expect.objectContaining({ path: 'file', reason: 'invalid_format' })]);
  });

  it('a job whose mapping names a column the file lacks fails naming the field and the column, in both languages', async () => {
    const { id } = await upload(admin, 'erp.csv', '单号,客户编号,成交日期\nM-1,K001,2024-03-05\n');
    const started = await json<JobView>(
      await admin('POST', '/api/imports/jobs', {
        entity: 'orders',
        uploadIds: [id],
        mapping: {
          order_no: { column: '单号' },
          customer_code: { column: '客户编号' },
          order_date: { column: '成交日期' },
          amount: { column: '金额（万元）', multiply: 10000 },
        },
      }),
    );
    const failed = await finished(admin, started.id);
    expect([failed.state, failed.error]).toEqual(['failed', '字段“金额”对应的列“金额（万元）”不在文件中']);
    const english = await json<JobView>(
      await admin('GET', `/api/imports/jobs/${started.id}`, undefined, { 'accept-language': 'en-US' }),
    );
    expect(english.error).toBe('the column “金额（万元）” mapped to the field “Amount” is not in the file');
  });

  it('a job over a file that is no workbook fails with its reason in the language of whoever reads it', async () => {
    const { id } = await upload(admin, 'renamed.xlsx', 'code,name\nK001,K\n');
    const started = await json<JobView>(
      await admin('POST', '/api/imports/jobs', { entity: 'customers', uploadIds: [id] }),
    );
    const failed = await finished(admin, started.id);
    expect([failed.state, failed.error]).toEqual(['failed', expect.stringMatching(/^文件无法读取（.+）$/)]);
    const english = await json<JobView>(
      await admin('GET', `/api/imports/jobs/${started.id}`, undefined, { 'accept-language': 'en-US' }),
    );
    expect(english.error).toMatch(/^the file cannot be read \(.+\)$/);
  });

  it("another user's upload is an unknown reference", async () => {
    const { id } = await upload(admin, 'mine.csv', 'code,name\nK001,K\n');
    const response = await repEast1('POST', '/api/imports/jobs', { entity: 'customers', uploadIds: [id] });
    expect(response.status).toBe(400);
  });
});

describe('templates', () => {
  it('a blank template with its example rows validates without a problem', async () => {
    for (const entity of ['customers', 'orders'] as const) {
      const response = await admin('GET', `/api/imports/blank/${entity}`);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const { id } = await upload(admin, `${entity}.xlsx`, bytes);
      const started = await json<JobView>(
        await admin('POST', '/api/imports/jobs', {
          entity,
          uploadIds: [id],
          dryRun: true,
          createCustomers: true,
        }),
      );
      const job = await finished(admin, started.id);
      expect([job.state, job.error, job.result?.problems]).toEqual(['succeeded', null, []]);
    }
  });

  it('a saved template is listed beside the built-in ones and drives a job; reps may not save', async () => {
    const template = {
      name: '老系统客户',
      entity: 'customers',
      mapping: { code: { column: '编码' }, name: { column: '公司' } },
    };
    expect((await repEast1('POST', '/api/imports/templates', template)).status).toBe(403);
    const saved = await admin('POST', '/api/imports/templates', template);
    expect(saved.status).toBe(201);
    const { items } = await json<{ items: { name: string; id: number | null }[] }>(
      await admin('GET', '/api/imports/templates'),
    );
    expect(items.map((i) => i.name)).toEqual(['online-retail', 'cdnow', '老系统客户']);
    const { id } = await upload(admin, 'legacy.csv', '编码,公司\nL001,老客户\n');
    const started = await json<JobView>(
      await admin('POST', '/api/imports/jobs', {
        entity: 'customers',
        uploadIds: [id],
        template: '老系统客户',
      }),
    );
    expect((await finished(admin, started.id)).result?.inserted).toBe(1);
    const savedId = items.find((i) => i.name === '老系统客户')?.id;
    expect((await admin('DELETE', `/api/imports/templates/${savedId}`)).status).toBe(204);
  });
});
