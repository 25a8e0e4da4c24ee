import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { TargetsUpdate } from '../../modules/targets/targets.schema.js';
import { setTargets, targetGrid } from '../../modules/targets/targets.service.js';
import { positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

const targetShape = TargetsUpdate.shape.targets.element.shape;

function monthArgument(text: string): string {
  if (!targetShape.month.safeParse(text).success) throw new InvalidArgumentError('must be a month, YYYY-MM');
  return text;
}

/** `none` removes the target; anything else must be an amount the API takes. */
function amountArgument(text: string): string | null {
  if (text === 'none') return null;
  const parsed = targetShape.amount.safeParse(text);
  if (!parsed.success || parsed.data === null) throw new InvalidArgumentError('must be an amount or none');
  return parsed.data;
}

export function registerTargetCommands(program: Command, config: () => Config): void {
  const targets = program
    .command('targets')
    .description('monthly sales targets of account managers / 销售目标');
  targets
    .command('show')
    .description("a year's targets, month by month")
    .option('--year <year>', 'the year (default: this year)', positiveIntegerOption)
    .option('--team <id>', 'one team', positiveIntegerOption)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: { year?: number; team?: number; as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const grid = await targetGrid(
          database.db,
          actor,
          { year: options.year, teamId: options.team },
          new Date(),
        );
        console.log(`${grid.year}`);
        console.table(
          grid.users.map((user) => ({
            who: user.userName,
            team: user.teamName ?? '',
            ...Object.fromEntries(MONTHS.map((month, index) => [month, user.months[index] ?? ''])),
            total: user.total,
          })),
        );
      }),
    );
  targets
    .command('set')
    .description(
      'set (or, with none, remove) one account manager’s target for a month, e.g. set rep1 2025-03 31000',
    )
    .argument('<login>', "the account manager's login")
    .argument('<month>', 'YYYY-MM', monthArgument)
    .argument('<amount>', 'the target, or none', amountArgument)
    .option('--as <login>', 'act as this manager or admin (default: the first admin)')
    .action((login: string, month: string, amount: string | null, options: { as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const user = await findUserActor(database.db, login);
        const input = { targets: [{ userId: user.id, month, amount }] };
        await database.db.transaction().execute((trx) => setTargets(trx, actor, input));
        console.log(`${user.name} ${month}: ${amount ?? 'removed / 已删除'}`);
      }),
    );
}
