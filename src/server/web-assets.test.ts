import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { mountWebApp } from './web-assets.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'stratum-web-'));
const script = 'console.log("stratum");'.repeat(100);
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(root, 'assets', 'app.js'), script);
writeFileSync(path.join(root, 'assets', 'app.js.gz'), gzipSync(script));
const app = new Hono();
mountWebApp(app, root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('web assets', () => {
  it('a browser that accepts gzip gets the build’s precompressed script, cacheable for good', async () => {
    const response = await app.request('/assets/app.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(gzipSync(script));
  });

  it('a client without gzip gets the plain script', async () => {
    const response = await app.request('/assets/app.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(script);
  });

  it('client-side routes get index.html; a missing asset is not cached for good', async () => {
    const route = await app.request('/customers/42');
    expect(await route.text()).toContain('<div id="root">');
    const missing = await app.request('/assets/gone.js');
    expect(missing.headers.get('cache-control')).toBeNull();
  });
});
