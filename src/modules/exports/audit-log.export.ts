import type { AuditLogFilterInput } from '../audit/audit-log.schema.js';
import { listAuditLog, type Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { requireAdmin } from '../users/user.service.js';
import type { Locale } from '../../server/messages.js';
import { label, timestampText } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

const PAGE = 5000;

const header = [
  label('时间', 'Time'),
  label('用户', 'User'),
  label('对象', 'Entity'),
  label('对象编号', 'Entity ID'),
  label('操作', 'Action'),
  label('变更前', 'Before'),
  label('变更后', 'After'),
];

const jsonText = (value: unknown): ExportCell => (value === null ? null : JSON.stringify(value));

/** The company-wide audit log (admins) with the filters of its page, newest first like the page, read in pages. */
export async function auditLogTable(
  db: Db,
  actor: Actor,
  filter: AuditLogFilterInput,
  locale: Locale,
  pageSize = PAGE,
): Promise<ExportTable> {
  requireAdmin(actor);
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let beforeId: number | undefined;
    for (;;) {
      const page = await listAuditLog(db, filter, pageSize, beforeId);
      for (const entry of page)
        yield [
          timestampText(entry.at),
          entry.user_name,
          entry.entity,
          entry.entity_id,
          entry.action,
          jsonText(entry.before),
          jsonText(entry.after),
        ];
      const last = page[page.length - 1];
      if (page.length < pageSize || !last) return;
      beforeId = Number(last.id);
    }
  }
  return {
    sheet: locale === 'zh-CN' ? '审计日志' : 'Audit log',
    header: header.map((column) => column[locale]),
    rows: rows(),
  };
}
