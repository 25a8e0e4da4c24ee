import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { generateDemo, type DemoSummary } from '../../modules/demo/demo.service.js';
import type { Runtime } from '../../server/runtime.js';
import { isoDateOption, positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';
import { listModels } from '../../modules/grading/model.repository.js';
import { executeRun } from '../../modules/grading/run.service.js';
import { businessDay } from '../../modules/grading/instant.service.js';
import { addDays } from '../../modules/worklist/business-day.js';

const today = () => new Date().toISOString().slice(0, 10);

async function loadDemo(
  runtime: Runtime,
  options: { customers?: number; seed?: number; asOf?: string; force?: boolean },
): Promise<DemoSummary> {
  const bar = new SingleBar(
    {
      format: 'demo data |{bar}| {percentage}% | {value}/{total} customers | {rows} rows | ETA {eta}s',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  try {
    return await generateDemo(runtime.database, {
      customers: options.customers,
      seed: options.seed,
      asOf: options.asOf ?? today(),
      force: options.force,
      onProgress: (progress) => {
        if (!started) {
          bar.start(progress.customersTotal, 0, { rows: 0 });
          started = true;
        }
        bar.update(progress.customersDone, { rows: progress.rowsWritten });
      },
    });
  } finally {
    if (started) bar.stop();
  }
}

/**
 * A demo company arrives graded twice, as the monthly schedule would have left it: every active model as of the
 * end of last month, then as of today. Every page has something to show, the migration between the two runs, its
 * movers and their alerts among them.
 */
async function gradeDemo(runtime: Runtime): Promise<void> {
  const today = businessDay(new Date());
  const lastMonthEnd = addDays(`${today.slice(0, 8)}01`, -1);
  const models = (await listModels(runtime.database.db)).filter((m) => m.active);
  for (const asOf of [lastMonthEnd, today])
    for (const model of models) {
      const summary = await executeRun(runtime.database.db, {
        modelId: model.id,
        asOf,
        trigger: 'cli',
        startedBy: null,
      });
      const shares = summary.distribution.map((g) => `${g.code} ${g.count}`).join(' · ');
      console.log(`Graded «${model.name_zh}» as of ${asOf}: ${shares}`);
    }
}

export function printLogins(summary: DemoSummary): void {
  console.log('\nDemo logins / 演示账号:');
  for (const login of summary.logins) {
    const password = login.password ?? '(unchanged)';
    console.log(
      `  ${login.role.padEnd(8)} ${login.login.padEnd(12)} ${password.padEnd(14)} ${login.name}${login.team ? ` · ${login.team}` : ''}`,
    );
  }
}

function printSummary(summary: DemoSummary): void {
  const counts = Object.entries(summary.counts)
    .map(([table, count]) => `${table} ${count.toLocaleString('en-US')}`)
    .join(', ');
  console.log(`Loaded: ${counts}`);
  console.log(
    `Top 20% of buying customers bring ${(summary.top20ProfitShare * 100).toFixed(1)}% of gross profit.`,
  );
}

/** `serve --demo`: an empty database gets the demo company; a database with customers is left alone. */
export async function loadDemoIfEmpty(runtime: Runtime): Promise<DemoSummary | undefined> {
  const existing = await runtime.database.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  if (existing) return undefined;
  const summary = await loadDemo(runtime, {});
  printSummary(summary);
  await gradeDemo(runtime);
  return summary;
}

export function registerDemoCommand(program: Command, config: () => Config): void {
  program
    .command('demo')
    .description('load the demo company (an industrial-equipment distributor) / 加载演示数据')
    .option('--customers <n>', 'number of customers (default 2000)', positiveIntegerOption)
    .option('--seed <n>', 'random seed: the same seed gives the same data', positiveIntegerOption)
    .option('--as-of <date>', 'last day of the three years of history (default today)', isoDateOption)
    .option('--force', 'load even if the database already has customers')
    .action((options: { customers?: number; seed?: number; asOf?: string; force?: boolean }) =>
      withRuntime(config, async (runtime) => {
        const summary = await loadDemo(runtime, options);
        printSummary(summary);
        await gradeDemo(runtime);
        printLogins(summary);
      }),
    );
}
