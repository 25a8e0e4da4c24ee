import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { agingReport } from '../../modules/payments/aging.service.js';
import type { AgingReportView } from '../../modules/payments/aging.schema.js';
import { isoDateOption, positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

interface ReceivablesOptions {
  owner?: number;
  team?: number;
  asOf?: string;
  as?: string;
}

type Figures = AgingReportView['total'];

const row = (who: string, figures: Figures) => ({
  owner: who,
  outstanding: figures.outstanding.amount,
  overdue: figures.overdue.amount,
  ...Object.fromEntries(figures.buckets.map((bucket) => [bucket.bucket, bucket.amount])),
});

export function registerReceivablesCommand(program: Command, config: () => Config): void {
  program
    .command('receivables')
    .description('receivables aging: what customers owe by days past due, per account manager / 应收账龄')
    .option('--owner <id>', 'one owner', positiveIntegerOption)
    .option('--team <id>', 'one team', positiveIntegerOption)
    .option('--as-of <date>', 'the day to age on (default: today in Beijing)', isoDateOption)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: ReceivablesOptions) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const report = await agingReport(database.db, actor, {
          ownerId: options.owner,
          teamId: options.team,
          asOf: options.asOf,
        });
        console.log(`as of ${report.asOf}`);
        console.table([
          ...report.owners.map((owner) => row(owner.ownerName ?? '—', owner)),
          row('合计 / total', report.total),
        ]);
        const { outstanding, overdue } = report.total;
        console.log(
          `outstanding: ${outstanding.count} payments, ${outstanding.amount}; ` +
            `overdue: ${overdue.count} payments, ${overdue.amount}`,
        );
      }),
    );
}
