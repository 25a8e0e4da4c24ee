import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';

/** Serves the built web app; any other path gets index.html so that client-side routes survive a reload. */
export function mountWebApp(app: Hono, webRoot: string): void {
  const root = path.relative(process.cwd(), webRoot) || '.';
  const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  app.use('/assets/*', async (c, next) => {
    await next();
    // File names carry a content hash. Set here, after serveStatic: its onFound runs once the response is built,
    // too late for a header. A missing asset falls through to index.html, which must not be cached for good.
    if (c.res.status === 200 && !c.res.headers.get('content-type')?.startsWith('text/html'))
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root, precompressed: true }));
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => c.html(indexHtml));
}
