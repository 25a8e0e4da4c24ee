import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { agingReport } from '../../modules/payments/aging.service.js';
import type { AgingReportView } from '../../modules/payments/aging.schema.js';
import type { SalesSummaryView } from '../../modules/orders/sales-summary.schema.js';
import { isoDateOption, positiveIntegerOption } from '../options.js';
import { activitySummary } from '../../modules/activities/activity-summary.service.js';
import { activityKinds, kindList, type ActivityKind } from '../../modules/activities/activity.schema.js';
import { salesSummary } from '../../modules/orders/sales-summary.service.js';
import { withRuntime } from './with-runtime.js';

interface ReportOptions {
  owner?: number;
  user?: number;
  team?: number;
  asOf?: string;
  from?: string;
  to?: string;
  kind?: ActivityKind[];
  as?: string;
}

/** The list the API's `kind` parameter takes, checked by the same schema. */
function kindsOption(text: string): ActivityKind[] {
  const parsed = kindList.safeParse(text);
  if (!parsed.success) throw new InvalidArgumentError(`must be some of ${activityKinds.join(', ')}`);
  return parsed.data;
}

type Figures = AgingReportView['total'];
type SalesFigures = SalesSummaryView['total'];

const row = (who: string, figures: Figures) => ({
  owner: who,
  outstanding: figures.outstanding.amount,
  overdue: figures.overdue.amount,
  ...Object.fromEntries(figures.buckets.map((bucket) => [bucket.bucket, bucket.amount])),
});

export function registerReportCommands(program: Command, config: () => Config): void {
  program
    .command('receivables')
    .description('receivables aging: what customers owe by days past due, per account manager / 应收账龄')
    .option('--owner <id>', 'one owner', positiveIntegerOption)
    .option('--team <id>', 'one team', positiveIntegerOption)
    .option('--as-of <date>', 'the day to age on (default: today in Beijing)', isoDateOption)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: ReportOptions) =>
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
  program
    .command('sales')
    .description('sales of a period per account manager, beside the period of equal length before / 销售业绩')
    .option('--owner <id>', 'one account manager', positiveIntegerOption)
    .option('--team <id>', 'one team', positiveIntegerOption)
    .option('--from <date>', "first day (default: the first of --to's month)", isoDateOption)
    .option('--to <date>', 'last day (default: today in Beijing)', isoDateOption)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: ReportOptions) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const report = await salesSummary(
          database.db,
          actor,
          { ownerId: options.owner, teamId: options.team, from: options.from, to: options.to },
          new Date(),
        );
        console.log(`${report.from} – ${report.to} (before: ${report.previousFrom} – ${report.previousTo})`);
        const line = (who: string, figures: SalesFigures) => ({
          owner: who,
          orders: figures.orders,
          amount: figures.amount,
          'gross profit': figures.grossProfit,
          customers: figures.customers,
          before: figures.previousAmount,
          target: figures.target ?? '',
          attained: figures.attainment === null ? '' : `${(figures.attainment * 100).toFixed(1)}%`,
        });
        console.table([
          ...report.owners.map((owner) => line(owner.ownerName ?? '—', owner)),
          line('合计 / total', report.total),
        ]);
      }),
    );
  program
    .command('follow-ups')
    .description('follow-ups of a period per person, by kind and customers reached / 跟进记录')
    .option('--user <id>', 'one person who followed up', positiveIntegerOption)
    .option('--team <id>', "the customers' team", positiveIntegerOption)
    .option('--kind <kinds>', `some of ${activityKinds.join(',')}`, kindsOption)
    .option('--from <date>', 'first day', isoDateOption)
    .option('--to <date>', 'last day', isoDateOption)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: ReportOptions) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const report = await activitySummary(database.db, actor, {
          userId: options.user,
          teamId: options.team,
          kind: options.kind,
          from: options.from,
          to: options.to,
        });
        const line = (who: string, tally: (typeof report)['total']) => ({
          by: who,
          'follow-ups': tally.count,
          customers: tally.customers,
          ...Object.fromEntries(tally.byKind.map((kind) => [kind.kind, kind.count])),
        });
        console.table([
          ...report.users.map((user) => line(user.userName ?? '—', user)),
          line('合计 / total', report.total),
        ]);
      }),
    );
}
