import type { AlertKind } from '../../db/database.js';
import type { Bilingual } from '../../server/messages.js';

export interface GradeRef {
  readonly index: number;
  readonly code: string;
  readonly name: Bilingual;
}

export interface GradeEventPayload {
  readonly changeId: number;
  readonly at: string;
  readonly cause: string;
  readonly runId: number | null;
  readonly score: number | null;
  readonly model: { readonly id: number; readonly key: string; readonly name: Bilingual };
  readonly customer: { readonly id: number; readonly code: string; readonly name: string };
  readonly from: GradeRef | null;
  readonly to: GradeRef | null;
  /** pool_warning only: the day the customer returns to the public pool unless followed up. */
  readonly recallOn?: string;
}

/** The sentence an account manager reads in the inbox, in both languages. */
export function alertMessage(kind: AlertKind, p: GradeEventPayload): Bilingual {
  const zh = (grade: GradeRef | null) => grade?.name['zh-CN'] ?? '未评级';
  const en = (grade: GradeRef | null) => grade?.name['en-US'] ?? 'not graded';
  const customer = p.customer.name;
  const model = { zh: p.model.name['zh-CN'], en: p.model.name['en-US'] };
  switch (kind) {
    case 'upgrade':
      return {
        'zh-CN': `「${customer}」在「${model.zh}」中由 ${zh(p.from)} 升至 ${zh(p.to)}`,
        'en-US': `${customer} moved up from ${en(p.from)} to ${en(p.to)} in ${model.en}`,
      };
    case 'downgrade':
      return {
        'zh-CN': `「${customer}」在「${model.zh}」中由 ${zh(p.from)} 降至 ${zh(p.to)}`,
        'en-US': `${customer} moved down from ${en(p.from)} to ${en(p.to)} in ${model.en}`,
      };
    case 'entered_top':
      return {
        'zh-CN': `「${customer}」进入「${model.zh}」最高等级 ${zh(p.to)}`,
        'en-US': `${customer} entered the top grade ${en(p.to)} of ${model.en}`,
      };
    case 'left_top':
      return {
        'zh-CN': `「${customer}」离开「${model.zh}」最高等级 ${zh(p.from)}，现为 ${zh(p.to)}`,
        'en-US': `${customer} left the top grade ${en(p.from)} of ${model.en}; now ${en(p.to)}`,
      };
    case 'churn_risk':
      return {
        'zh-CN': `「${customer}」有流失风险：在「${model.zh}」中为 ${zh(p.to)}`,
        'en-US': `${customer} is at risk of churning: ${en(p.to)} in ${model.en}`,
      };
    case 'pool_warning':
      return {
        'zh-CN': `「${customer}」将于 ${p.recallOn ?? ''} 因未跟进退回公海`,
        'en-US': `${customer} returns to the public pool on ${p.recallOn ?? ''} unless you follow up`,
      };
  }
}
