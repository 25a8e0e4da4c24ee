import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../config.js';
import { clvFitReport, formatFitReport, type PurchaseModel } from '../../modules/clv/fit-report.service.js';
import { isoDateOption, positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

function purchaseModelOption(text: string): PurchaseModel {
  if (text !== 'bgnbd' && text !== 'pareto') throw new InvalidArgumentError('must be bgnbd or pareto');
  return text;
}

export function registerClvCommands(program: Command, config: () => Config): void {
  const clv = program.command('clv').description('customer lifetime value models / 客户终身价值模型');
  clv
    .command('fit')
    .description(
      "fit a purchase model and Gamma-Gamma on the database's orders; compare with a holdout period",
    )
    .requiredOption('--as-of <date>', 'calibration end, inclusive (e.g. 1997-09-30)', isoDateOption)
    .option(
      '--holdout-weeks <n>',
      'weeks after the calibration end to compare forecasts with',
      positiveIntegerOption,
    )
    .option('--model <bgnbd|pareto>', 'purchase model', purchaseModelOption, 'bgnbd')
    .action((options: { asOf: string; holdoutWeeks?: number; model: PurchaseModel }) =>
      withRuntime(config, async ({ database }) => {
        console.log(formatFitReport(await clvFitReport(database.db, options)));
      }),
    );
}
