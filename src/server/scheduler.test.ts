import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.js';
import { openTestDatabase } from '../testing/test-database.js';
import { findModelByKey } from '../modules/grading/model.repository.js';
import { asOfInTimeZone, createScheduler, nextFireTime, type Scheduler } from './scheduler.js';

const SHANGHAI = 'Asia/Shanghai';

describe('the date a scheduled run is as of', () => {
  it('in Asia/Shanghai the day turns at 16:00 UTC', () => {
    expect(asOfInTimeZone(new Date('2025-01-31T15:59:59Z'), SHANGHAI)).toBe('2025-01-31');
    expect(asOfInTimeZone(new Date('2025-01-31T16:00:00Z'), SHANGHAI)).toBe('2025-02-01');
    expect(asOfInTimeZone(new Date('2024-12-31T16:00:00Z'), SHANGHAI)).toBe('2025-01-01');
  });

  it('just after midnight UTC it is already morning in Shanghai and still yesterday in Los Angeles', () => {
    const at = new Date('2025-03-01T00:30:00Z');
    expect(asOfInTimeZone(at, 'UTC')).toBe('2025-03-01');
    expect(asOfInTimeZone(at, SHANGHAI)).toBe('2025-03-01');
    expect(asOfInTimeZone(at, 'America/Los_Angeles')).toBe('2025-02-28');
  });

  it('Shanghai (no daylight saving) is always the UTC date eight hours later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1995-01-01Z'), max: new Date('2090-12-31Z'), noInvalidDate: true }),
        (d) => {
          const shifted = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
          expect(asOfInTimeZone(d, SHANGHAI)).toBe(shifted);
        },
      ),
    );
  });
});

describe('the next fire time', () => {
  it('02:00 on the 1st in Shanghai is 18:00 UTC on the last day of the month before', () => {
    expect(nextFireTime('0 2 1 * *', SHANGHAI, new Date('2025-01-15T00:00:00Z'))).toEqual(
      new Date('2025-01-31T18:00:00Z'),
    );
    expect(nextFireTime('0 2 1 * *', SHANGHAI, new Date('2025-01-31T18:00:00Z'))).toEqual(
      new Date('2025-02-28T18:00:00Z'),
    );
  });

  it('a run fired on schedule is as of the 1st, not of the UTC date', () => {
    const fire = nextFireTime('0 2 1 * *', SHANGHAI, new Date('2025-06-10T00:00:00Z'))!;
    expect(fire.toISOString().slice(0, 10)).toBe('2025-06-30');
    expect(asOfInTimeZone(fire, SHANGHAI)).toBe('2025-07-01');
  });

  it('follows daylight saving where the zone has it', () => {
    expect(nextFireTime('0 2 * * *', 'Europe/Berlin', new Date('2025-01-10T12:00:00Z'))).toEqual(
      new Date('2025-01-11T01:00:00Z'),
    );
    expect(nextFireTime('0 2 * * *', 'Europe/Berlin', new Date('2025-07-10T12:00:00Z'))).toEqual(
      new Date('2025-07-11T00:00:00Z'),
    );
  });

  it('an impossible pattern is refused', () => {
    expect(() => nextFireTime('every night', SHANGHAI, new Date())).toThrow();
  });
});

describe('the scheduler over the models in the database', () => {
  let handle: DatabaseHandle;
  let scheduler: Scheduler;
  let clock = new Date('2025-01-31T16:30:00Z');
  const logLines: string[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    await handle.db
      .insertInto('customers')
      .values([1, 2, 3].map((id) => ({ id, code: `C${id}`, name: `客户${id}` })))
      .execute();
    await handle.db
      .insertInto('orders')
      .values(
        [1, 2, 3].map((id) => ({
          customer_id: id,
          order_no: `O${id}`,
          order_date: '2024-12-01',
          amount: `${id}000.00`,
        })),
      )
      .execute();
    scheduler = createScheduler({
      db: handle.db,
      logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }),
      now: () => clock,
    });
  });
  afterAll(async () => {
    scheduler.stop();
    await handle.close();
  });

  const modelId = async (key: string) => (await findModelByKey(handle.db, key))!.id;

  it('schedules every active model with a cron text, in its time zone', async () => {
    const scheduled = await scheduler.reload();
    const ids = await Promise.all(['composite', 'prospect', 'rfm', 'abc'].map(modelId));
    expect(scheduled.map((s) => s.modelId).sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    expect(new Set(scheduled.map((s) => `${s.pattern} ${s.timeZone}`))).toEqual(
      new Set(['0 2 1 * * Asia/Shanghai']),
    );
  });

  it('a reload follows edits: a changed cron, a deactivated model, a schedule removed, a bad pattern logged', async () => {
    const [composite, prospect, rfm, abc] = await Promise.all(
      ['composite', 'prospect', 'rfm', 'abc'].map(modelId),
    );
    await handle.db
      .updateTable('grading_models')
      .set({ schedule: '0 3 * * 1', schedule_timezone: 'UTC' })
      .where('id', '=', composite!)
      .execute();
    await handle.db
      .updateTable('grading_models')
      .set({ active: false })
      .where('id', '=', prospect!)
      .execute();
    await handle.db.updateTable('grading_models').set({ schedule: null }).where('id', '=', rfm!).execute();
    await handle.db
      .updateTable('grading_models')
      .set({ schedule: 'every night' })
      .where('id', '=', abc!)
      .execute();
    const scheduled = await scheduler.reload();
    expect(scheduled).toEqual([{ modelId: composite, pattern: '0 3 * * 1', timeZone: 'UTC' }]);
    expect(logLines.some((l) => l.includes('invalid schedule') && l.includes('every night'))).toBe(true);
  });

  it('a fire runs the model as of the date in its zone, with trigger schedule', async () => {
    const abc = await modelId('abc');
    await handle.db
      .updateTable('grading_models')
      .set({ schedule: '0 2 1 * *', schedule_timezone: SHANGHAI })
      .where('id', '=', abc)
      .execute();
    const outcome = await scheduler.fire(abc);
    expect(outcome.status).toBe('ran');
    const run = await handle.db
      .selectFrom('grading_runs')
      .selectAll()
      .where('model_id', '=', abc)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ as_of: '2025-02-01', trigger: 'schedule', started_by: null, population: 3 });
  });

  it('the same date is not run twice; the next day is', async () => {
    const abc = await modelId('abc');
    expect((await scheduler.fire(abc)).status).toBe('already_done');
    clock = new Date('2025-02-01T16:00:00Z');
    expect((await scheduler.fire(abc)).status).toBe('ran');
    const runs = await handle.db
      .selectFrom('grading_runs')
      .select('as_of')
      .where('model_id', '=', abc)
      .orderBy('id')
      .execute();
    expect(runs.map((r) => r.as_of)).toEqual(['2025-02-01', '2025-02-02']);
  });

  it('two fires at once: one runs, the other is told a run is under way, and nothing throws', async () => {
    const abc = await modelId('abc');
    clock = new Date('2025-02-02T16:00:00Z');
    const outcomes = await Promise.all([scheduler.fire(abc), scheduler.fire(abc)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['busy', 'ran']);
    expect(logLines.some((l) => l.includes('a run of this model is under way'))).toBe(true);
  });

  it('an inactive model is not run, and a failing run is logged, not thrown', async () => {
    expect((await scheduler.fire(await modelId('prospect'))).status).toBe('inactive');
    expect((await scheduler.fire(999_999)).status).toBe('inactive');
    const abc = await modelId('abc');
    await handle.db
      .updateTable('grading_models')
      .set({ current_version: 99 })
      .where('id', '=', abc)
      .execute();
    clock = new Date('2025-02-03T16:00:00Z');
    expect((await scheduler.fire(abc)).status).toBe('failed');
    expect(logLines.some((l) => l.includes('scheduled run failed'))).toBe(true);
  });
});
