import fs from 'node:fs';
import { openPglite } from '../src/db/connect.js';
const handle = await openPglite(process.argv[2]!);
const pg = handle.pglite!;
const text = fs.readFileSync(process.argv[3]!, 'utf8').replace(/--[^\n]*\n/g, '\n');
const time = async (label: string, f: () => Promise<unknown>) => {
  const t = performance.now();
  const r = await f();
  console.log(label, (performance.now() - t).toFixed(0), 'ms');
  return r;
};
for (let i = 0; i < 2; i++) {
  await time('objects', () => pg.query(text));
  await time('arrays', () => pg.query(text, [], { rowMode: 'array' }));
  await time('copy blob + parse', async () => {
    const r = await pg.query(`COPY (${text}) TO '/dev/blob'`);
    const body = await r.blob!.text();
    let rows = 0;
    let fields = 0;
    for (const line of body.split('\n')) {
      if (!line) continue;
      rows++;
      const parts = line.split('\t');
      for (const p of parts) if (p !== '\\N') fields += Number(p) === Number(p) ? 1 : 0;
    }
    return [rows, fields];
  });
}
await handle.close?.();
