/**
 * Bundle sizes of the production build in web/dist (run `npm run build` first), gzip as served compressed:
 *   - initial: what index.html loads before any route (entry script + its modulepreloads);
 *   - per route: the page chunk and every chunk it imports statically, beyond the initial ones;
 *   - lazy extras (loaded on demand inside a page, e.g. the China map).
 *
 *   npx tsx bench/web/bundle.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'web/dist';
const assets = path.join(dist, 'assets');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const gzipKb = (file: string) => gzipSync(readFileSync(path.join(assets, file))).length / 1024;
const kb = (value: number) => `${value.toFixed(1)} kB`;

/** Chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively. */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(assets, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(match[1]!);
  };
  roots.forEach(visit);
  return seen;
}

const initialRoots = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
const initial = closure(initialRoots);
const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipKb(f), 0);
console.log(`initial JavaScript: ${kb(total(initial))} gzip (${[...initial].join(', ')}) — target ≤ 500 kB`);

const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
for (const page of files.filter((f) => /Page-[\w-]+\.js$/.test(f)).sort()) {
  const own = [...closure([page])].filter((f) => !initial.has(f));
  console.log(`  ${page.replace(/-[\w-]+\.js$/, '')}: +${kb(total(own))} on first visit`);
}
for (const extra of files.filter((f) => /^china-/.test(f)))
  console.log(`  ${extra}: ${kb(gzipKb(extra))} (loaded when the province map is shown)`);
