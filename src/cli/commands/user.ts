import { Option, type Command } from 'commander';
import type { Config } from '../../config.js';
import { AppError } from '../../server/errors.js';
import { createUser } from '../../modules/users/user.provisioning.js';
import { withRuntime } from './with-runtime.js';

export function registerUserCommands(program: Command, config: () => Config): void {
  const user = program.command('user').description('users / 用户');
  user
    .command('add')
    .description('create a user; the password comes from STRATUM_NEW_PASSWORD or --password')
    .requiredOption('--login <login>', 'login name')
    .option('--name <name>', 'display name (defaults to the login)')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'manager', 'rep']).default('rep'))
    .addOption(new Option('--level <level>', 'account-manager level').choices(['senior', 'middle', 'junior']))
    .option('--team <id>', 'team id', (text) => Number(text))
    .option(
      '--password <password>',
      'password (prefer STRATUM_NEW_PASSWORD: command lines are visible to others)',
    )
    .action(
      (options: {
        login: string;
        name?: string;
        role: 'admin' | 'manager' | 'rep';
        level?: 'senior' | 'middle' | 'junior';
        team?: number;
        password?: string;
      }) =>
        withRuntime(config, async (runtime) => {
          const password = options.password ?? process.env.STRATUM_NEW_PASSWORD;
          if (!password) throw AppError.invalid('password', 'required');
          const created = await runtime.database.db.transaction().execute((trx) =>
            createUser(trx, null, {
              login: options.login,
              name: options.name ?? options.login,
              role: options.role,
              password,
              teamId: options.team ?? null,
              level: options.level,
            }),
          );
          console.log(`Created ${created.role} "${created.login}" (id ${created.id}).`);
        }),
    );
}
