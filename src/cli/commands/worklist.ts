import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { runRecall } from '../../modules/pool/pool.service.js';
import { businessDay } from '../../modules/worklist/business-day.js';
import { getWorklist } from '../../modules/worklist/worklist.service.js';
import { isoDateOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

/** Noon of a business day: the clock `--as-of` stands for, whatever the machine's zone. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);

export function registerWorklistCommands(program: Command, config: () => Config): void {
  program
    .command('worklist')
    .description("an account manager's worklist for today or this week / 客户经理工作清单")
    .requiredOption('--user <login>', 'whose worklist (their data scope applies)')
    .option('--week', 'the next 7 days instead of today')
    .option('--as-of <date>', 'the day to read the list as of (default: today, Asia/Shanghai)', isoDateOption)
    .action((options: { user: string; week?: boolean; asOf?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.user);
        const list = await getWorklist(
          database.db,
          actor,
          { view: options.week ? 'week' : 'today', limit: 2000 },
          options.asOf ? noonOf(options.asOf) : new Date(),
        );
        console.log(`Worklist of ${list.user.name} (${list.view}: ${list.today} – ${list.end})`);
        console.table(
          list.items.map((item) => ({
            kind: item.kind,
            customer: `${item.customer.code} ${item.customer.name}`,
            due: item.due,
            overdue: item.overdueDays,
            escalated: item.escalated ? 'yes' : '',
            owner: item.ownerName ?? '',
          })),
        );
        if (list.truncated) console.log('(truncated: more items than shown)');
      }),
    );
  const pool = program.command('pool').description('the public pool of customers / 公海');
  pool
    .command('recall')
    .description('warn owners and return customers past their recall days to the pool')
    .option('--as-of <date>', 'recall as of this day (default: today, Asia/Shanghai)', isoDateOption)
    .action((options: { asOf?: string }) =>
      withRuntime(config, async ({ database }) => {
        const asOf = options.asOf ?? businessDay(new Date());
        const result = await database.db.transaction().execute((trx) => runRecall(trx, asOf));
        console.log(
          `Pool recall as of ${result.asOf}: ${result.recalled} customers returned to the pool, ${result.warned} owners warned`,
        );
      }),
    );
}
