import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { getFunnel } from '../../modules/opportunities/funnel.service.js';
import { isoDateOption, positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

interface FunnelOptions {
  owner?: number;
  team?: number;
  from?: string;
  to?: string;
  as?: string;
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

export function registerFunnelCommand(program: Command, config: () => Config): void {
  program
    .command('funnel')
    .description('the sales funnel: opportunities per stage, weighted pipeline, conversion / 销售漏斗')
    .option('--owner <id>', 'one owner', positiveIntegerOption)
    .option('--team <id>', 'one team', positiveIntegerOption)
    .option('--from <date>', 'opportunities created on or after this day', isoDateOption)
    .option('--to <date>', 'opportunities created on or before this day', isoDateOption)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: FunnelOptions) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const funnel = await getFunnel(database.db, actor, {
          ownerId: options.owner,
          teamId: options.team,
          from: options.from,
          to: options.to,
        });
        console.table(
          funnel.stages.map((stage) => ({
            stage: `${stage.nameZh} / ${stage.nameEn}`,
            probability: `${stage.probability}%`,
            count: stage.count,
            amount: stage.amount,
            weighted: stage.weightedAmount,
            reached: stage.reached,
            'to next': percent(stage.conversionToNext),
            'days in stage': stage.averageDaysInStage?.toFixed(1) ?? '—',
          })),
        );
        const { totals } = funnel;
        console.log(
          `open: ${totals.openCount} opportunities, ${totals.openAmount} (weighted ${totals.openWeightedAmount}); ` +
            `all: ${totals.count}, ${totals.amount}`,
        );
      }),
    );
}
