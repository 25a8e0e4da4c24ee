import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { describeFailure, ExitCode } from './exit-codes.js';
import { registerDatabaseCommands } from './commands/db.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGradeCommands } from './commands/grade.js';
import { registerImportCommand } from './commands/import.js';
import { registerExportCommand } from './commands/export.js';
import { registerFunnelCommand } from './commands/funnel.js';
import { registerReportCommands } from './commands/reports.js';
import { registerCustomerCommands } from './commands/customers.js';
import { registerTargetCommands } from './commands/targets.js';
import { registerWorklistCommands } from './commands/worklist.js';
import { registerClvCommands } from './commands/clv.js';
import { registerMessageCommands } from './commands/messages.js';
import { registerPolicyCommands } from './commands/policy.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export function buildProgram(): Command {
  const program = new Command()
    .name('stratum')
    .description('Stratum — customer tiering management (客户分级管理)')
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError();
  const config = () => loadConfig();
  registerServeCommand(program, config);
  registerDatabaseCommands(program, config);
  registerUserCommands(program, config);
  registerDemoCommand(program, config);
  registerGradeCommands(program, config);
  registerImportCommand(program, config);
  registerExportCommand(program, config);
  registerFunnelCommand(program, config);
  registerReportCommands(program, config);
  registerCustomerCommands(program, config);
  registerTargetCommands(program, config);
  registerWorklistCommands(program, config);
  registerClvCommands(program, config);
  registerMessageCommands(program, config);
  registerPolicyCommands(program, config);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const failure = describeFailure(error);
    console.error(`stratum: ${failure.message}`);
    return failure.code;
  }
}

const code = await main(process.argv);
if (code !== ExitCode.ok || !process.argv.includes('serve')) process.exit(process.exitCode ?? code);
