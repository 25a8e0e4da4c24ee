import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { CustomerListQuery } from '../../modules/customers/customer.schema.js';
import { ResultsFilterQuery } from '../../modules/grading/grading.schema.js';
import { customersTable } from '../../modules/exports/customers.export.js';
import { gradeHistoryTable } from '../../modules/exports/grade-history.export.js';
import { runResultsTable } from '../../modules/exports/run-results.export.js';
import { exportFormats, writeTable, type ExportFormat } from '../../modules/exports/table-output.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import type { Config } from '../../config.js';
import type { Locale } from '../../server/messages.js';
import { withRuntime } from './with-runtime.js';

interface ExportCliOptions {
  out: string;
  format?: ExportFormat;
  as?: string;
  lang: Locale;
  filter: string[];
  model?: string;
  customer?: string;
}

const what = ['customers', 'run', 'history'] as const;

export function registerExportCommand(program: Command, config: () => Config): void {
  program
    .command('export')
    .description(
      'export customers with grades, a run with factor scores, or grade history to CSV/XLSX / 导出',
    )
    .argument('<what>', `${what.join(' | ')} (run takes the run id: export run 12)`)
    .argument('[id]', 'run id for `export run`')
    .requiredOption('--out <file>', 'output file; the format follows its extension unless --format is given')
    .option('--format <format>', exportFormats.join(' | '))
    .option('--as <login>', 'export as this user, within their data scope (default: the first admin)')
    .option('--lang <locale>', 'zh-CN | en-US (headers and labels)', 'zh-CN')
    .option(
      '--filter <key=value>',
      'a list filter (repeatable): customers, e.g. lifecycle=closed_new,closed_growing; ' +
        'run, e.g. against=11 fromGrade=1 grade=0 (who moved from the second grade to the top since run 11)',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--model <id>', 'history: one model')
    .option('--customer <id>', 'history: one customer')
    .action((kind: string, id: string | undefined, options: ExportCliOptions) =>
      withRuntime(config, async ({ database }) => {
        const format = options.format ?? (options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
        const actor = await findUserActor(database.db, options.as);
        const locale = options.lang;
        const query = Object.fromEntries(
          options.filter.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
        );
        let table;
        if (kind === 'customers') {
          const { limit: _limit, cursor: _cursor, ...filter } = CustomerListQuery.parse(query);
          table = await customersTable(database.db, actor, filter, locale);
        } else if (kind === 'run' && id !== undefined) {
          const filter = ResultsFilterQuery.parse(query);
          table = await runResultsTable(database.db, actor, Number(id), filter, locale);
        } else if (kind === 'history') {
          table = await gradeHistoryTable(
            database.db,
            actor,
            {
              modelId: options.model === undefined ? undefined : Number(options.model),
              customerId: options.customer === undefined ? undefined : Number(options.customer),
            },
            locale,
          );
        } else {
          throw new Error(`export ${what.join(' | ')}; export run needs the run id`);
        }
        const started = Date.now();
        await writeTable(format, createWriteStream(options.out), table);
        console.log(`${options.out} (${format}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }),
    );
}
