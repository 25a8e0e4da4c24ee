import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite } from './connect.js';

async function sharedBuffersOf(...args: Parameters<typeof openPglite>): Promise<string> {
  const handle = await openPglite(...args);
  try {
    const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(handle.db);
    return rows[0]!.shared_buffers;
  } finally {
    await handle.close();
  }
}

describe('the embedded database', () => {
  it('opens with a 32MB buffer pool, not PostgreSQL’s 128MB, unless told otherwise', async () => {
    expect(await sharedBuffersOf(undefined)).toBe('32MB');
  });

  it('opens with the buffer pool it is given', async () => {
    expect(await sharedBuffersOf(undefined, '48MB')).toBe('48MB');
  });
});
