import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../../server/messages.js';
import { gradeChangesPage, modelLadders, type HistoryFilter } from './export.repository.js';
import { label, ladderCodes, timestampText } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

const PAGE = 5000;
const causes = {
  run: label('定期评级', 'run'),
  instant: label('即时调整', 'instant'),
  override: label('人工调整', 'override'),
  override_expired: label('人工调整到期', 'override expired'),
} as const;

/**
 * Every grade change of visible customers, oldest first. Grade indexes are named with the model's current ladder
 * (a ladder's codes are stable across versions of a model).
 */
export async function gradeHistoryTable(
  db: Db,
  actor: Actor,
  filter: HistoryFilter,
  locale: Locale,
): Promise<ExportTable> {
  const zh = locale === 'zh-CN';
  const header = zh
    ? ['时间', '模型', '客户编号', '客户名称', '原等级', '新等级', '得分', '原因', '评级批次']
    : ['Time', 'Model', 'Customer code', 'Customer name', 'From', 'To', 'Score', 'Cause', 'Run'];
  const ladders = new Map<number, string[]>();
  const codeOf = async (modelId: number, grade: number | null) => {
    if (grade === null) return null;
    if (!ladders.has(modelId)) {
      const [row] = await modelLadders(db, [modelId]);
      ladders.set(modelId, ladderCodes(row?.definition));
    }
    return ladders.get(modelId)?.[grade] ?? String(grade);
  };
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let after = 0;
    for (;;) {
      const page = await gradeChangesPage(db, actor, filter, after, PAGE);
      for (const g of page) {
        yield [
          timestampText(g.at),
          zh ? g.name_zh : g.name_en,
          g.code,
          g.name,
          await codeOf(g.model_id, g.from_grade),
          await codeOf(g.model_id, g.to_grade),
          g.score,
          causes[g.cause][locale],
          g.run_id,
        ];
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) return;
      after = last.id;
    }
  }
  return { sheet: zh ? '等级变动' : 'Grade changes', header, rows: rows() };
}
