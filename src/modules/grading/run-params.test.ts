import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { modelIdOf } from '../policies/testing/graded-customers.js';
import { insertRun, readRunParams } from './run.repository.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

describe("a run's stored parameters", () => {
  it('come back from the database bit for bit, megabytes of breakpoints and every special number included', async () => {
    const modelId = await modelIdOf(handle.db, 'composite');
    const { current_version: version } = await handle.db
      .selectFrom('grading_models')
      .select('current_version')
      .where('id', '=', modelId)
      .executeTakeFirstOrThrow();
    // 500,000 distinct values: a 4 MB blob, with −0, NaN, ±∞ and subnormals among them.
    const breakpoints = Float64Array.from({ length: 500_000 }, (_, i) => (i - 250_000) * 1.000_001 ** i);
    breakpoints.set([-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324], 0);
    const params = { factors: [{ id: 'sales', breakpoints, rows: Int32Array.from([7, -1, 2 ** 31 - 1]) }] };
    const runId = await insertRun(handle.db, {
      modelId,
      version,
      asOf: '2026-06-30',
      trigger: 'api',
      startedBy: null,
      population: 3,
      params,
      distribution: [],
      migration: null,
      timings: {},
      previousRunId: null,
    });
    const read = await readRunParams<typeof params>(handle.db, runId);
    const stored = read.factors[0]!;
    expect(stored.breakpoints).toBeInstanceOf(Float64Array);
    expect(Buffer.from(stored.breakpoints.buffer).equals(Buffer.from(breakpoints.buffer))).toBe(true);
    expect(Array.from(stored.rows)).toEqual([7, -1, 2 ** 31 - 1]);
  });
});
