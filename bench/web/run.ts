/**
 * Web benchmark: the demo company at scale on PostgreSQL, the production server (`stratum serve` on web/dist), and
 *   - cold render times of the dashboard and the customer list in Debian Chromium (Playwright), each in a fresh
 *     browser context (empty cache, new session), from navigation start until the page shows its data;
 *   - the customer-list API under 50 concurrent connections (autocannon): latency percentiles, p95 included.
 *
 *   npx tsx bench/web/run.ts --database-url postgres://postgres@127.0.0.1:55432/postgres --customers 100000
 *   add --keep-database NAME to load once and reuse the database (it is then not dropped)
 *
 * "Rendered": dashboard — the graded-customers figure shows a number and the customer pyramid has drawn its canvas;
 * customer list — the table shows customer rows. The server is started once, so the first render also pays for
 * the database's cold buffers; each render is reported. Not a test: it prints figures and never fails on a timing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'keep-database': { type: 'string' },
    renders: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    login: { type: 'string', default: 'admin' },
  },
});
const serverUrl = values['database-url'];
if (!serverUrl) throw new Error('--database-url postgres://… is required (the benchmark runs on PostgreSQL)');
const customers = Number(values.customers);
const renders = Number(values.renders);
const PASSWORD = 'stratum-demo';
const WEB_ROOT = 'web/dist';

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * q) - 1)]!;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = socket.address() as net.AddressInfo;
      socket.close(() => resolve(port));
    });
  });
}

async function prepareDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = values['keep-database'] ?? `stratum_bench_web_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const probe = new pg.Client({ connectionString: url.toString() });
  await probe.connect();
  const loaded = await probe
    .query<{ n: number }>('SELECT count(*)::int AS n FROM customers')
    .then((r) => r.rows[0]!.n)
    .catch(() => 0);
  await probe.end();
  if (loaded === 0) {
    // The demo command loads the company and grades it with every active model: what a new installation shows.
    const started = performance.now();
    execFileSync('node', ['bin/stratum.js', 'demo', '--customers', String(customers)], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    console.log(
      `loaded and graded ${customers.toLocaleString('en-US')} customers in ${ms(performance.now() - started)}`,
    );
  } else console.log(`reusing database ${name} with ${loaded.toLocaleString('en-US')} customers`);
  return {
    url: url.toString(),
    drop: async () => {
      if (values['keep-database']) return;
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startServer(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('node', ['bin/stratum.js', 'serve', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, STRATUM_SCHEDULER: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/login`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { baseUrl, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not answer within 60 s');
}

async function sessionCookie(baseUrl: string, login: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${login} → ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

// Conditions evaluated in the page (strings: a compiled function could carry helpers the page does not have).
const pages = {
  dashboard: {
    path: '/dashboard',
    rendered: `/\\d/.test(document.querySelector('[data-testid="figure-population"] .ant-statistic-content-value')?.textContent ?? '')
      && (document.querySelector('[data-testid="pyramid-chart"] canvas')?.width ?? 0) > 0`,
  },
  customers: {
    path: '/customers',
    rendered: `document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length > 0`,
  },
} as const;

/** Milliseconds from navigation start until `rendered` holds, in a fresh context with a new session. */
async function coldRender(browser: Browser, baseUrl: string, page: keyof typeof pages) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  const apiCalls: string[] = [];
  const apiTimes: { url: string; ms: number }[] = [];
  try {
    await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { login: values.login, password: PASSWORD },
    });
    const tab = await context.newPage();
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('request', (r) => r.url().includes('/api/') && apiCalls.push(r.url().replace(baseUrl, '')));
    tab.on('requestfinished', (r) => {
      if (r.url().includes('/api/'))
        apiTimes.push({ url: r.url().replace(baseUrl, ''), ms: r.timing().responseEnd });
    });
    await tab.goto(`${baseUrl}${pages[page].path}`, { waitUntil: 'commit' });
    const handle = await tab.waitForFunction(`(${pages[page].rendered}) && performance.now()`, undefined, {
      polling: 'raf',
      timeout: 120_000,
    });
    const elapsed = (await handle.jsonValue()) as number;
    const transferred = (await tab.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'))
        .reduce((sum, e) => sum + e.transferSize, 0)`,
    )) as number;
    const slowest = apiTimes.sort((a, b) => b.ms - a.ms).slice(0, 3);
    return { elapsed, errors, apiCalls, slowest, scriptBytes: transferred };
  } finally {
    await context.close();
  }
}

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU time (ms) a process has used, from /proc; 0 where /proc cannot tell (not Linux, another user's process). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU time of every PostgreSQL server process on this machine (its backends serve the load test). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return total;
}

async function listApiLoad(baseUrl: string, path: string, cookie: string, serverPid: number) {
  const cpuBefore = { server: cpuMsOf(serverPid), postgres: postgresCpuMs() };
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({
    url: `${baseUrl}${path}`,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    headers: { cookie, 'accept-language': 'zh-CN' },
  });
  instance.on('response', (_client, status, _bytes, responseTime) => {
    times.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  return {
    // Per response: where the CPU goes, the server's Node process and the database's processes.
    serverCpuMs: (cpuMsOf(serverPid) - cpuBefore.server) / times.length,
    postgresCpuMs: (postgresCpuMs() - cpuBefore.postgres) / times.length,
    requests: times.length,
    perSecond: result.requests.average,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    max: Math.max(...times),
    statuses: Object.fromEntries(statuses),
  };
}

async function main(): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(
    `machine: ${machine}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!existsSync(`${WEB_ROOT}/index.html`))
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' });
  const database = await prepareDatabase();
  const { baseUrl, child } = await startServer(database.url);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const report: Record<string, unknown> = { machine, customers, login: values.login, renders: {} };
  try {
    let listPath = '/api/customers/rows';
    for (const page of Object.keys(pages) as (keyof typeof pages)[]) {
      const times: number[] = [];
      for (let i = 0; i < renders; i++) {
        const render = await coldRender(browser, baseUrl, page);
        times.push(render.elapsed);
        if (render.errors.length) console.log(`  ${page}: console errors: ${render.errors.join(' | ')}`);
        if (i === 0)
          console.log(`  ${page}: ${(render.scriptBytes / 1024).toFixed(0)} kB of JavaScript transferred`);
        console.log(
          `  ${page} #${i + 1}: slowest API calls ${render.slowest.map((c) => `${c.url} ${ms(c.ms)}`).join(', ')}`,
        );
        if (page === 'customers')
          listPath = render.apiCalls.find((url) => /^\/api\/customers\/rows(\?|$)/.test(url)) ?? listPath;
      }
      const median = sorted(times)[Math.floor(times.length / 2)]!;
      console.log(
        `${page} cold render: ${times.map(ms).join(', ')} → median ${ms(median)} (target ≤ 1,500 ms)`,
      );
      (report.renders as Record<string, unknown>)[page] = { times, median };
    }
    const cookie = await sessionCookie(baseUrl, values.login!);
    const load = await listApiLoad(baseUrl, listPath, cookie, child.pid!);
    console.log(
      `GET ${listPath} × ${values.connections} connections for ${values.seconds} s: ${load.requests.toLocaleString('en-US')} responses ` +
        `(${Math.round(load.perSecond)}/s), p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}, max ${ms(load.max)} ` +
        `(target p95 ≤ 50 ms); statuses ${JSON.stringify(load.statuses)}`,
    );
    console.log(
      `  CPU per response: server ${load.serverCpuMs.toFixed(2)} ms, PostgreSQL ${load.postgresCpuMs.toFixed(2)} ms`,
    );
    report.listApi = { path: listPath, ...load };
    report.loadAverageAfter = os.loadavg();
    mkdirSync('bench/out', { recursive: true });
    writeFileSync(`bench/out/web-${customers}.json`, JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    // Let the last requests of the load test finish before the server closes its database pool.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.drop();
  }
}

await main();
