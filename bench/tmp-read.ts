import fs from 'node:fs';
import { openPglite } from '../src/db/connect.js';
const handle = await openPglite(process.argv[2]!);
const pg = handle.pglite!;
const text = fs.readFileSync(process.argv[3]!, 'utf8');
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const r = await pg.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`);
  console.log(`explain analyze wall ${(performance.now() - t).toFixed(0)} ms`);
  if (i === 1) for (const row of r.rows as Record<string, string>[]) console.log(Object.values(row)[0]);
}
const t = performance.now();
const rows = await pg.query(text);
console.log(`query with transfer ${(performance.now() - t).toFixed(0)} ms, ${rows.rows.length} rows`);
await handle.close?.();
