import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import {
  listActivityViews,
  type ActivityCondition,
  type ActivityViewRow,
} from '../activities/activity.repository.js';
import type { ActivityKind } from '../activities/activity.schema.js';
import type { Locale } from '../../server/messages.js';
import { keysetTable, type ListColumn } from './keyset-pages.js';
import { label, timestampText, type Label } from './labels.js';
import type { ExportTable } from './table-output.js';

const kindLabels: Record<ActivityKind, Label> = {
  visit: label('拜访', 'Visit'),
  call: label('电话', 'Call'),
  email: label('邮件', 'Email'),
  sms: label('短信', 'SMS'),
  wechat: label('微信', 'WeChat'),
  meeting: label('会议', 'Meeting'),
  other: label('其他', 'Other'),
};

const columns: readonly ListColumn<ActivityViewRow>[] = [
  { label: label('跟进时间', 'Time'), cell: (r) => timestampText(r.at) },
  { label: label('客户名称', 'Customer'), cell: (r) => r.customer_name },
  { label: label('跟进方式', 'Kind'), cell: (r, locale) => kindLabels[r.kind as ActivityKind][locale] },
  { label: label('主题', 'Subject'), cell: (r) => r.subject },
  { label: label('联系人', 'Contact'), cell: (r) => r.contact_name },
  { label: label('跟进人', 'By'), cell: (r) => r.user_name },
  {
    label: label('下次跟进', 'Next action'),
    cell: (r) => (r.next_action_at ? timestampText(r.next_action_at) : null),
  },
  { label: label('备注', 'Note'), cell: (r) => r.note },
];

/** The follow-up list as the list API filters and scopes it, newest first. */
export function activitiesTable(
  db: Db,
  actor: Actor,
  filter: ActivityCondition,
  locale: Locale,
): ExportTable {
  return keysetTable(
    label('跟进记录', 'Follow-ups'),
    columns,
    (cursor, limit) => listActivityViews(db, actor, { ...filter, limit }, cursor),
    locale,
  );
}
