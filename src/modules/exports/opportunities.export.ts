import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { listOpportunityViews, type OpportunityViewRow } from '../opportunities/opportunity.repository.js';
import type { OpportunityListFilter } from '../opportunities/opportunity.schema.js';
import type { Locale } from '../../server/messages.js';
import { keysetTable, type ListColumn } from './keyset-pages.js';
import { dateCell, label, moneyCell, timestampText } from './labels.js';
import type { ExportTable } from './table-output.js';

const columns: readonly ListColumn<OpportunityViewRow>[] = [
  { label: label('客户编号', 'Customer code'), cell: (r) => r.customer_code },
  { label: label('客户名称', 'Customer'), cell: (r) => r.customer_name },
  { label: label('商机名称', 'Opportunity'), cell: (r) => r.name },
  { label: label('阶段', 'Stage'), cell: (r, l) => (l === 'zh-CN' ? r.stage_name_zh : r.stage_name_en) },
  { label: label('金额', 'Amount'), cell: (r) => moneyCell(r.amount) },
  { label: label('赢单概率（%）', 'Win probability (%)'), cell: (r) => Number(r.effective_probability) },
  { label: label('加权金额', 'Weighted amount'), cell: (r) => moneyCell(r.weighted_amount) },
  { label: label('预计成交日期', 'Expected close'), cell: (r) => dateCell(r.expected_close_date) },
  { label: label('负责人', 'Owner'), cell: (r) => r.owner_name },
  { label: label('丢单原因', 'Lost reason'), cell: (r) => r.lost_reason },
  { label: label('创建时间', 'Created'), cell: (r) => timestampText(r.created_at) },
  { label: label('关闭时间', 'Closed'), cell: (r) => (r.closed_at ? timestampText(r.closed_at) : null) },
];

export type OpportunityExportFilter = Omit<OpportunityListFilter, 'limit' | 'cursor'>;

/** The opportunity list as the list API filters, scopes and orders it (the funnel's filters among them). */
export function opportunitiesTable(
  db: Db,
  actor: Actor,
  filter: OpportunityExportFilter,
  locale: Locale,
): ExportTable {
  return keysetTable(
    label('商机', 'Opportunities'),
    columns,
    (cursor, limit) => listOpportunityViews(db, actor, { ...filter, limit }, cursor),
    locale,
  );
}
