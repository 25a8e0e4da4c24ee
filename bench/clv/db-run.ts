/**
 * CLV through the database path: the calibration summary read from the orders (same-day merged), BG/NBD +
 * Gamma-Gamma fitted on the whole population and every customer scored, then a full grading run of a model whose
 * factors are the CLV metrics (fit, forecasts written, churn alerts) — on the demo generator's data.
 *
 *   npx tsx bench/clv/db-run.ts --customers 100000 --database-url postgres://postgres@127.0.0.1:55437/postgres
 *   add --keep-database NAME to load once and measure again (without --database-url: a PGlite directory;
 *   without either, PGlite in a temporary directory)
 *
 * Not a test: it prints figures and never fails on a timing.
 */
import { parseArgs } from 'node:util';
import { fitForecastModels, forecastCustomers } from '../../src/engine/clv/forecast.js';
import { DEFAULT_CLV_SETTINGS } from '../../src/engine/clv/settings.js';
import { parseModel, toDayNumber } from '../../src/engine/index.js';
import { openBenchDatabase } from '../database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { readCalibrationSummary } from '../../src/modules/clv/calibration.repository.js';
import { CLV_MODEL } from '../../src/modules/clv/testing/clv-fixture.js';
import { generateDemo } from '../../src/modules/demo/demo.service.js';
import {
  findModelByKey,
  insertModel,
  insertModelVersion,
} from '../../src/modules/grading/model.repository.js';
import { executeRun } from '../../src/modules/grading/run.service.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'keep-database': { type: 'string' },
  },
});
const DATA_AS_OF = '2025-06-30';
const RUN_AS_OF = '2025-07-01';
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function timed<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(52)} ${seconds(performance.now() - started)}`);
  return result;
}

const { handle, fresh, cleanup } = await openBenchDatabase(
  values['database-url'],
  values['keep-database'],
  'stratum-bench-clv',
);
try {
  await migrateToLatest(handle.db);
  if (fresh) {
    const summary = await timed('load demo data (not part of the figures)', () =>
      generateDemo(handle, { customers: Number(values.customers), asOf: DATA_AS_OF }),
    );
    console.log(`orders: ${summary.counts.orders.toLocaleString('en-US')}`);
  }
  const throughDay = toDayNumber(RUN_AS_OF) - 1;
  for (let round = 1; round <= 2; round++) {
    console.log(`— round ${round}`);
    const summary = await timed('calibration summary from orders (SQL + transfer)', () =>
      readCalibrationSummary(handle.db, { throughDay }),
    );
    console.log(`customers with purchases: ${summary.customerIds.length.toLocaleString('en-US')}`);
    const params = await timed('fit BG/NBD + Gamma-Gamma on all of them', () =>
      fitForecastModels(summary, DEFAULT_CLV_SETTINGS, 0.3),
    );
    await timed('score P(alive), E[purchases 12m], CLV, churn', () =>
      forecastCustomers(params, summary, new Float64Array(summary.x.length).fill(Number.NaN)),
    );
  }
  let model = await findModelByKey(handle.db, 'bench-clv');
  if (!model) {
    const definition = parseModel(CLV_MODEL);
    const created = await insertModel(handle.db, {
      key: 'bench-clv',
      nameZh: definition.name['zh-CN'],
      nameEn: definition.name['en-US'],
      active: false,
      schedule: null,
    });
    await insertModelVersion(handle.db, {
      modelId: created.id,
      version: 1,
      definition,
      note: null,
      createdBy: null,
    });
    model = (await findModelByKey(handle.db, 'bench-clv'))!;
  }
  for (let i = 0; i < 2; i++) {
    const run = await timed('grading run with CLV factors (one transaction)', () =>
      executeRun(handle.db, { modelId: model.id, asOf: RUN_AS_OF, trigger: 'cli', startedBy: null }),
    );
    console.log(
      `  population ${run.population.toLocaleString('en-US')}: read ${seconds(run.timings.readMs)}, ` +
        `compute ${seconds(run.timings.computeMs)}, write ${seconds(run.timings.writeMs)}`,
    );
  }
} finally {
  await handle.close();
  await cleanup();
}
