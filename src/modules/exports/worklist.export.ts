import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../../server/messages.js';
import { holidayLabels, type HolidayCode } from '../holidays/holidays.js';
import type { ItemKind } from '../worklist/worklist.repository.js';
import type { WorklistItemView, WorklistQueryInput } from '../worklist/worklist.schema.js';
import { getWorklist } from '../worklist/worklist.service.js';
import { label, yesNoText, type Label } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

/** A whole list, not the page's first 500: one person's items are thousands at most. */
const EXPORT_LIMIT = 100_000;

const header = [
  label('事项', 'Item'),
  label('客户编号', 'Customer code'),
  label('客户名称', 'Customer'),
  label('等级', 'Grade'),
  label('负责人', 'Owner'),
  label('到期日', 'Due'),
  label('列入日', 'Since'),
  label('逾期天数', 'Days overdue'),
  label('已升级给经理', 'Escalated'),
  label('最近联系', 'Last contact'),
  label('说明', 'Detail'),
];

const kindLabels: Record<ItemKind, Label> = {
  contact_overdue: label('该联系', 'Contact due'),
  pool_recall: label('将退回公海', 'Returns to pool'),
  birthday: label('生日', 'Birthday'),
  holiday: label('节日问候', 'Holiday greeting'),
  repurchase: label('复购提醒', 'Repurchase due'),
  downgrade: label('降级', 'Downgrade'),
  churn_risk: label('流失风险', 'Churn risk'),
};

/** The reasons the forecast stores (see churnReasonOf); another one is named by the forecast in general. */
const churnReasons: Record<string, Label> = {
  low_p_alive: label('活跃概率低', 'low probability of being active'),
  overdue: label('久未采购', 'no purchase for long'),
};
const anyChurnReason = label('模型预测', 'forecast');

/** What the page shows under an item, in words: the cadence, the recall day, the contact, the festival… */
function detailText(item: WorklistItemView, locale: Locale): string | null {
  const d = item.detail ?? {};
  const zh = locale === 'zh-CN';
  switch (item.kind) {
    case 'contact_overdue':
      return zh ? `每 ${String(d.cadenceDays)} 天联系一次` : `contact every ${String(d.cadenceDays)} days`;
    case 'pool_recall':
      return zh ? `${String(d.recallOn)} 退回公海` : `back to the pool on ${String(d.recallOn)}`;
    case 'birthday':
      return zh ? `联系人 ${String(d.contactName)}` : `contact ${String(d.contactName)}`;
    case 'holiday':
      return holidayLabels[d.holiday as HolidayCode]?.[locale] ?? String(d.holiday);
    case 'repurchase':
      return zh
        ? `上次下单 ${String(d.lastOrder)}，购买周期 ${String(d.cycleDays)} 天`
        : `last order ${String(d.lastOrder)}, cycle ${String(d.cycleDays)} days`;
    case 'downgrade':
      return `${String(d.from)} → ${String(d.to)}`;
    case 'churn_risk':
      return (churnReasons[String(d.reason)] ?? anyChurnReason)[locale];
  }
}

/** A worklist as the page shows it (today or this week, whose list, which kinds), in the caller's scope. */
export async function worklistTable(
  db: Db,
  actor: Actor,
  query: Omit<WorklistQueryInput, 'limit'>,
  now: Date,
  locale: Locale,
): Promise<ExportTable> {
  const list = await getWorklist(db, actor, { ...query, limit: EXPORT_LIMIT }, now);
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for (const item of list.items)
      yield [
        kindLabels[item.kind][locale],
        item.customer.code,
        item.customer.name,
        item.gradeCode,
        item.ownerName,
        item.due,
        item.since,
        item.overdueDays,
        yesNoText(item.escalated, locale),
        item.lastContact,
        detailText(item, locale),
      ];
  }
  return {
    sheet: `${locale === 'zh-CN' ? '工作清单' : 'Worklist'} ${list.user.name}`.slice(0, 31),
    header: header.map((column) => column[locale]),
    rows: rows(),
  };
}
