import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { createWriteStream } from 'node:fs';
import { problemReportTable } from '../../modules/exports/problem-report.js';
import { writeTable } from '../../modules/exports/table-output.js';
import { builtinTemplates } from '../../modules/imports/builtin-templates.js';
import { buildImportRequest } from '../../modules/imports/request.js';
import { findTemplate } from '../../modules/imports/templates.js';
import { importEntities, type ImportEntity } from '../../modules/imports/fields.js';
import type { Mapping } from '../../modules/imports/mapping.js';
import { runImport, type ImportRequest } from '../../modules/imports/pipeline.js';
import { failureMessage, isInputFailure } from '../../modules/imports/jobs.js';
import { InputError } from '../exit-codes.js';
import { withRuntime } from './with-runtime.js';

interface ImportCliOptions {
  template?: string;
  mapping?: string;
  dryRun?: boolean;
  skipBadRows?: boolean;
  encoding?: ImportRequest['encoding'];
  delimiter?: string;
  sheet?: string;
  as?: string;
  createCustomers?: boolean;
  cancellations?: 'import' | 'skip';
  margin?: string;
  report?: string;
}

export function registerImportCommand(program: Command, config: () => Config): void {
  program
    .command('import')
    .description(
      'import customers, contacts, relationships, orders, payments or activities from CSV/TSV/XLSX files / 导入',
    )
    .argument('<entity>', importEntities.join(' | '))
    .argument('<files...>', 'one or more files, imported together in one transaction')
    .option(
      '--template <name>',
      `mapping template: built-in (${builtinTemplates.map((t) => t.name).join(', ')}) or saved`,
    )
    .option('--mapping <json>', 'column mapping as JSON, e.g. {"name":{"column":"公司"}}')
    .option('--dry-run', 'validate and report, write nothing')
    .option('--skip-bad-rows', 'import the good rows and report the bad ones (default: all or nothing)')
    .option('--encoding <encoding>', 'utf-8 | gb18030 | utf-16le | utf-16be (default: detected)')
    .option('--delimiter <delimiter>', "',' | 'tab' | ';' | '|' | 'whitespace' (default: detected)")
    .option('--sheet <name>', 'XLSX sheet (default: the first with data)')
    .option('--as <login>', 'import as this user (default: the first admin)')
    .option('--create-customers', 'orders: create customers for unknown customer codes')
    .option(
      '--cancellations <mode>',
      "orders with the template's cancellation prefix: import (as cancelled) | skip",
    )
    .option('--margin <ratio>', 'orders without cost or profit: gross profit = amount × ratio')
    .option('--report <file>', 'write the problem report (bad rows with a problem column) to .xlsx or .csv')
    .action((entity: string, files: string[], options: ImportCliOptions) =>
      withRuntime(config, async ({ database }) => {
        if (!(importEntities as readonly string[]).includes(entity))
          throw new Error(`unknown entity ${entity}`);
        const template = options.template ? await findTemplate(database.db, options.template) : undefined;
        if (options.template && !template) throw new Error(`unknown template ${options.template}`);
        const mapping = options.mapping
          ? (JSON.parse(
              options.mapping.startsWith('@')
                ? readFileSync(options.mapping.slice(1), 'utf8')
                : options.mapping,
            ) as Mapping)
          : undefined;
        const actor = await findUserActor(database.db, options.as);
        const request = buildImportRequest({
          entity: entity as ImportEntity,
          files: files.map((path) => ({ path })),
          template,
          mapping,
          dryRun: options.dryRun,
          skipBadRows: options.skipBadRows,
          encoding: options.encoding,
          delimiter: (options.delimiter === 'tab' ? '\t' : options.delimiter) as ImportRequest['delimiter'],
          sheet: options.sheet,
          createCustomers: options.createCustomers,
          skipOrderPrefix: options.cancellations === 'skip' ? template?.options.cancelledPrefix : undefined,
          assumedMargin: options.margin === undefined ? undefined : Number(options.margin),
        });
        const bar = new SingleBar(
          {
            format: 'import |{bar}| {percentage}% | {rows} rows | {rate} rows/s | ETA {eta}s',
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        const started = Date.now();
        bar.start(1000, 0, { rows: 0, rate: 0 });
        const result = await runImport(database, actor, request, {
          onProgress: (p) =>
            bar.update(Math.round(p.fraction * 1000), {
              rows: p.rows,
              rate: Math.round(p.rows / Math.max(0.001, (Date.now() - started) / 1000)),
            }),
        })
          .catch((error: unknown) => {
            if (!isInputFailure(error)) throw error;
            const reason = failureMessage(error, request.entity);
            throw new InputError(`${reason['zh-CN']} / ${reason['en-US']}`);
          })
          .finally(() => bar.stop());
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `${result.rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${Math.round(result.rows / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s)`,
        );
        console.log(
          `inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}, grade changes ${result.gradeChanges}, bad rows ${result.badRows}, skipped ${result.skippedRows}, problems ${result.problemCount}`,
        );
        for (const problem of result.problems.slice(0, 20)) {
          console.log(
            `  ${problem.file} row ${problem.row} [${problem.column}] «${problem.value}»: ${problem.message['zh-CN']} / ${problem.message['en-US']}`,
          );
        }
        if (result.problemCount > 20) console.log(`  … ${result.problemCount - 20} more`);
        if (options.report && result.problemCount > 0) {
          const format = options.report.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
          const table = problemReportTable(result, request.files, 'zh-CN');
          await writeTable(format, createWriteStream(options.report), table);
          console.log(`problem report / 问题报告: ${options.report}`);
        }
        console.log(
          result.committed
            ? 'Committed / 已提交'
            : result.dryRun
              ? 'Dry run: nothing written / 试运行，未写入'
              : 'Nothing written / 未写入任何数据',
        );
        if (!result.committed && !result.dryRun) process.exitCode = 4;
      }),
    );
}
