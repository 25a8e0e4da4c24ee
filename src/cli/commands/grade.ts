import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { AppError } from '../../server/errors.js';
import { findModel, findModelByKey, listModels } from '../../modules/grading/model.repository.js';
import { executeRun, type RunStage, type RunSummary } from '../../modules/grading/run.service.js';
import { verifyRun } from '../../modules/grading/verify.service.js';
import type { Db } from '../../modules/audit/audit.repository.js';
import { isoDateOption, positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

const today = () => new Date().toISOString().slice(0, 10);

async function resolveModel(db: Db, idOrKey: string) {
  const model = /^\d+$/.test(idOrKey)
    ? await findModel(db, Number(idOrKey))
    : await findModelByKey(db, idOrKey);
  if (!model) throw AppError.invalid('model', 'unknown_reference');
  return model;
}

function printSummary(summary: RunSummary): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `Run ${summary.runId}: model ${summary.modelId} v${summary.version} as of ${summary.asOf}, ` +
      `${summary.population.toLocaleString('en-US')} customers, ${summary.changed.toLocaleString('en-US')} grade changes`,
  );
  console.log(
    `  read ${seconds(summary.timings.readMs)} s · compute ${seconds(summary.timings.computeMs)} s · ` +
      `write ${seconds(summary.timings.writeMs)} s · total ${seconds(summary.timings.totalMs)} s`,
  );
  console.log('\nDistribution / 分布:');
  console.table(
    summary.distribution.map((g) => ({
      grade: g.code,
      name: g.name['zh-CN'],
      customers: g.count,
      share: `${(g.share * 100).toFixed(1)}%`,
    })),
  );
  console.log('Migration from the previous run (rows: before, columns: now; "new" = not graded before):');
  const { from, to, counts } = summary.migration;
  console.table(
    Object.fromEntries(
      counts.map((row, i) => [
        from[i] ?? 'new',
        Object.fromEntries(to.map((code, j) => [code, row[j] ?? 0])),
      ]),
    ),
  );
}

export function registerGradeCommands(program: Command, config: () => Config): void {
  const grade = program.command('grade').description('grading models and runs / 客户分级');
  grade
    .command('models')
    .description('list the grading models')
    .action(() =>
      withRuntime(config, async ({ database }) => {
        const models = await listModels(database.db);
        console.table(
          models.map((m) => ({
            id: m.id,
            key: m.key,
            name: m.name_zh,
            active: m.active,
            version: m.current_version,
            schedule: m.schedule ?? '',
          })),
        );
      }),
    );
  grade
    .command('run')
    .description('grade every customer with a model as of a date (default today), in one transaction')
    .requiredOption('--model <id|key>', 'model id or key (see `grade models`)')
    .option('--as-of <date>', 'as-of date: data before this day counts', isoDateOption)
    .action((options: { model: string; asOf?: string }) =>
      withRuntime(config, async ({ database }) => {
        const model = await resolveModel(database.db, options.model);
        console.log(`Grading with «${model.name_zh}» (${model.name_en}) …`);
        const stages: RunStage[] = ['read', 'compute', 'write', 'commit'];
        const bar = new SingleBar(
          { format: 'run |{bar}| {stage}', hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(stages.length, 0, { stage: 'read' });
        try {
          const summary = await executeRun(database.db, {
            modelId: model.id,
            asOf: options.asOf ?? today(),
            trigger: 'cli',
            startedBy: null,
            onStage: (stage) => bar.update(stages.indexOf(stage), { stage }),
          });
          bar.update(stages.length, { stage: 'done' });
          bar.stop();
          printSummary(summary);
        } finally {
          bar.stop();
        }
      }),
    );
  grade
    .command('verify')
    .description('re-compute a past run and report every difference from what was stored')
    .argument('<run>', 'run id', positiveIntegerOption)
    .action((runId: number) =>
      withRuntime(config, async ({ database }) => {
        const report = await verifyRun(database.db, runId);
        if (report.identical) {
          console.log(
            `Run ${runId} (as of ${report.asOf}) reproduces exactly: ${report.customers} customers, 0 differences.`,
          );
          return;
        }
        console.log(`Run ${runId} (as of ${report.asOf}): ${report.differences} differences. First ones:`);
        console.table(
          report.sample.map((d) => ({
            ...d,
            stored: JSON.stringify(d.stored),
            recomputed: JSON.stringify(d.recomputed),
          })),
        );
        process.exitCode = 6;
      }),
    );
}
