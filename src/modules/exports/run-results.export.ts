import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../../server/messages.js';
import { AppError } from '../../server/errors.js';
import { runResultsPage, type RunResultsFilter } from '../grading/run-views.repository.js';
import { requireResultsFilter } from '../grading/run-views.service.js';
import { findRunWithDefinition } from './export.repository.js';
import { factorLabels, label, ladderCodes } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

const PAGE = 2000;
const statuses = [label('计算', 'computed'), label('保持', 'held'), label('人工调整', 'override')];

const codeOf = (codes: readonly string[], grade: number | null) =>
  grade === null ? null : (codes[grade] ?? String(grade));

/**
 * A run's grades with each factor's normalised score, among the customers the actor may see and the results
 * list's filters keep. Compared with another run, each row also gives the grade and score there, in that run's
 * own ladder (its model version may differ).
 */
export async function runResultsTable(
  db: Db,
  actor: Actor,
  runId: number,
  filter: RunResultsFilter,
  locale: Locale,
): Promise<ExportTable> {
  const { against } = await requireResultsFilter(db, runId, filter);
  const run = await findRunWithDefinition(db, runId);
  if (!run) throw AppError.notFound();
  const compared = against && (await findRunWithDefinition(db, against.id));
  const codes = ladderCodes(run.definition);
  const previousCodes = compared ? ladderCodes(compared.definition) : [];
  const factors = factorLabels(run.definition, locale);
  const zh = locale === 'zh-CN';
  const header = [
    zh ? '客户编号' : 'Customer code',
    zh ? '客户名称' : 'Customer name',
    zh ? '客户经理' : 'Account manager',
    ...(compared
      ? [
          zh ? `运行 #${compared.id} 等级` : `Grade in run #${compared.id}`,
          zh ? `运行 #${compared.id} 得分` : `Score in run #${compared.id}`,
        ]
      : []),
    zh ? '等级' : 'Grade',
    zh ? '计算等级' : 'Computed grade',
    zh ? '状态' : 'Status',
    zh ? '得分' : 'Score',
    'RFM',
    ...factors,
  ];
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let afterCustomerId: number | undefined;
    for (;;) {
      const page = await runResultsPage(db, actor, runId, filter, { afterCustomerId, limit: PAGE });
      for (const r of page) {
        yield [
          r.code,
          r.name,
          r.owner_name,
          ...(compared ? [codeOf(previousCodes, r.previous_grade), r.previous_score] : []),
          codeOf(codes, r.grade),
          codeOf(codes, r.computed_grade),
          r.status === null ? null : (statuses[r.status]?.[locale] ?? String(r.status)),
          r.score,
          r.rfm_code,
          ...factors.map((_, i) => r.factor_scores?.[i] ?? null),
        ];
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) return;
      afterCustomerId = last.customer_id;
    }
  }
  const sheet = `${zh ? run.name_zh : run.name_en} ${run.as_of}`;
  return { sheet, header, rows: rows() };
}
