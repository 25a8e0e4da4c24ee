import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openRuntime } from './runtime.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'stratum-runtime-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the runtime on the embedded database', () => {
  it('opens it with the buffer pool the configuration names', async () => {
    const config = loadConfig({ STRATUM_DATA_DIR: dataDir, STRATUM_PGLITE_SHARED_BUFFERS: '40MB' });
    const runtime = await openRuntime(config, pino({ level: 'silent' }));
    try {
      const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(runtime.deps.db);
      expect(rows[0]!.shared_buffers).toBe('40MB');
    } finally {
      await runtime.close();
    }
  });
});
