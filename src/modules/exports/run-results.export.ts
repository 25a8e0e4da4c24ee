import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../../server/messages.js';
import { AppError } from '../../server/errors.js';
import { findRunWithDefinition, runResultsPage } from './export.repository.js';
import { factorLabels, label, ladderCodes } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

const PAGE = 2000;
const statuses = [label('计算', 'computed'), label('保持', 'held'), label('人工调整', 'override')];

/** A run's grades with each factor's normalised score, among the customers the actor may see. */
export async function runResultsTable(
  db: Db,
  actor: Actor,
  runId: number,
  locale: Locale,
): Promise<ExportTable> {
  const run = await findRunWithDefinition(db, runId);
  if (!run) throw AppError.notFound();
  const codes = ladderCodes(run.definition);
  const factors = factorLabels(run.definition, locale);
  const zh = locale === 'zh-CN';
  const header = [
    zh ? '客户编号' : 'Customer code',
    zh ? '客户名称' : 'Customer name',
    zh ? '客户经理' : 'Account manager',
    zh ? '等级' : 'Grade',
    zh ? '计算等级' : 'Computed grade',
    zh ? '状态' : 'Status',
    zh ? '得分' : 'Score',
    'RFM',
    ...factors,
  ];
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let after = 0;
    for (;;) {
      const page = await runResultsPage(db, actor, runId, after, PAGE);
      for (const r of page) {
        yield [
          r.code,
          r.name,
          r.owner_name,
          codes[r.grade] ?? String(r.grade),
          codes[r.computed_grade] ?? String(r.computed_grade),
          statuses[r.status]?.[locale] ?? String(r.status),
          r.score,
          r.rfm_code,
          ...factors.map((_, i) => r.factor_scores[i] ?? null),
        ];
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) return;
      after = last.customer_id;
    }
  }
  const sheet = `${zh ? run.name_zh : run.name_en} ${run.as_of}`;
  return { sheet, header, rows: rows() };
}
