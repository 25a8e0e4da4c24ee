import type { LifecycleStage } from '../../db/database.js';
import type { Random } from './random.js';
import type { DayFormatter } from './calendar.js';
import { activitySubjects } from './company.vocabulary.js';
import type { Row } from './tables.js';

const kinds = ['call', 'wechat', 'visit', 'email', 'meeting', 'sms'] as const;
const kindWeights = [30, 25, 18, 12, 8, 7];
const notes = [
  '客户对报价基本认可，等待内部审批',
  '需补充技术参数后再报价',
  '客户计划下季度扩产，需求量较大',
  '反馈交期偏长，需协调库存',
  '已确认付款计划',
  '关键人近期出差，下周再约',
  '竞品报价更低，需申请特价',
  '设备运行正常，客户满意',
];

/** Follow-ups per year: prospects in play and valuable accounts are contacted most; lapsed ones hardly. */
function yearlyContacts(stage: LifecycleStage, annualValue: number): number {
  switch (stage) {
    case 'intent':
      return 10;
    case 'target':
      return 3;
    case 'churned':
      return 1;
    default:
      return 4 + 14 * Math.min(1, annualValue / 200_000_000);
  }
}

/** A weekday: nobody logs visits on Sundays in this demo. */
function weekday(day: number): number {
  const dow = (day + 4) % 7;
  return dow === 0 ? day - 2 : dow === 6 ? day - 1 : day;
}

export function generateActivities(
  random: Random,
  stage: LifecycleStage,
  annualValue: number,
  customerId: string,
  ownerId: number,
  contactIds: readonly number[],
  from: number,
  asOf: number,
  format: DayFormatter,
  sink: Row[],
): number {
  if (from > asOf) return 0;
  const count = random.poisson(yearlyContacts(stage, annualValue) * ((asOf - from + 1) / 365));
  const days: number[] = [];
  for (let i = 0; i < count; i++) days.push(Math.max(from, weekday(random.int(from, asOf))));
  days.sort((a, b) => a - b);
  for (const day of days) {
    const kind = random.weighted(kinds, kindWeights);
    const at = format.timestamp(day, random.int(8 * 60 + 30, 18 * 60));
    sink.push([
      customerId,
      String(random.pick(contactIds)),
      String(ownerId),
      kind,
      at,
      random.pick(activitySubjects[kind] ?? ['跟进']),
      random.chance(0.35) ? random.pick(notes) : null,
      random.chance(0.3) ? format.timestamp(day + random.int(3, 30), 9 * 60 + 30) : null,
      at,
      at,
    ]);
  }
  return count;
}
