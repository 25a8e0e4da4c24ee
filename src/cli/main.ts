import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from '../config.js';
import { describeFailure, ExitCode } from './exit-codes.js';
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

type RegisterCommands = (program: Command, config: () => Config) => void;

/**
 * Each module of commands, by the top-level names it registers. A command's module is imported only when it is the
 * one asked for: importing all of them (and the services behind them) took longer than most commands' own work.
 */
const commandModules: ReadonlyArray<{ names: readonly string[]; load: () => Promise<RegisterCommands> }> = [
  { names: ['serve'], load: async () => (await import('./commands/serve.js')).registerServeCommand },
  { names: ['db'], load: async () => (await import('./commands/db.js')).registerDatabaseCommands },
  { names: ['user'], load: async () => (await import('./commands/user.js')).registerUserCommands },
  { names: ['demo'], load: async () => (await import('./commands/demo.js')).registerDemoCommand },
  { names: ['grade'], load: async () => (await import('./commands/grade.js')).registerGradeCommands },
  { names: ['import'], load: async () => (await import('./commands/import.js')).registerImportCommand },
  { names: ['export'], load: async () => (await import('./commands/export.js')).registerExportCommand },
  { names: ['funnel'], load: async () => (await import('./commands/funnel.js')).registerFunnelCommand },
  {
    names: ['receivables', 'sales', 'follow-ups'],
    load: async () => (await import('./commands/reports.js')).registerReportCommands,
  },
  {
    names: ['customers'],
    load: async () => (await import('./commands/customers.js')).registerCustomerCommands,
  },
  { names: ['targets'], load: async () => (await import('./commands/targets.js')).registerTargetCommands },
  {
    names: ['worklist', 'pool'],
    load: async () => (await import('./commands/worklist.js')).registerWorklistCommands,
  },
  { names: ['clv'], load: async () => (await import('./commands/clv.js')).registerClvCommands },
  { names: ['messages'], load: async () => (await import('./commands/messages.js')).registerMessageCommands },
  {
    names: ['policy', 'compliance', 'assign'],
    load: async () => (await import('./commands/policy.js')).registerPolicyCommands,
  },
];

/** The program with the asked-for command's module, or with all of them for help, a version or an unknown name. */
async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('stratum')
    .description('Stratum — customer tiering management (客户分级管理)')
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError();
  const config = () => loadConfig();
  const asked = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const named = commandModules.filter((module) => asked !== undefined && module.names.includes(asked));
  const modules = named.length > 0 ? named : commandModules;
  for (const register of await Promise.all(modules.map((module) => module.load()))) register(program, config);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
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
