import { AppError } from '../../server/errors.js';
import type { Locale } from '../../server/messages.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { label, type Label } from '../exports/labels.js';
import type { ExportCell, ExportTable } from '../exports/table-output.js';
import {
  complianceCounts,
  complianceRows,
  VIOLATION_KINDS,
  type ComplianceFilter,
  type ComplianceRow,
  type ViolationKind,
} from './compliance.repository.js';

export type ComplianceQuery = ComplianceFilter & { kind?: ViolationKind };

const dateText = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

function itemView(row: ComplianceRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    teamId: row.team_id,
    teamName: row.team_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    ownerLevel: row.owner_level,
    modelId: row.model_id,
    policyId: row.policy_id,
    gradeCode: row.grade_code,
    managerMode: row.manager_mode,
    kinds: VIOLATION_KINDS.filter((kind) => row[kind]),
    figures: {
      requiredLevel: row.required_level,
      maxCustomersPerManager: row.max_customers_per_manager,
      ownerLoad:
        row.owner_load === null
          ? null
          : Number.isFinite(row.owner_load)
            ? Math.round(row.owner_load * 1000) / 1000
            : null,
      lastContact: row.never_contacted ? null : dateText(row.last_contact),
      contactCadenceDays: row.contact_cadence_days,
      overdueAmount: row.overdue_amount,
      creditLimit: row.credit_limit,
      termsDays: row.terms_days,
      termsAgreed: row.terms_agreed,
      allowedTermsDays: row.allowed_terms_days,
    },
  };
}

/** Managers narrow to their team's figures (the scope already does); a rep sees their own customers only. */
function checkFilter(actor: Actor, filter: ComplianceFilter) {
  if (actor.role === 'rep' && filter.ownerId !== undefined && filter.ownerId !== actor.id)
    throw AppError.invalid('ownerId', 'out_of_scope');
}

export async function listViolations(
  db: Db,
  actor: Actor,
  today: string,
  query: ComplianceQuery & { limit: number; cursor?: number },
) {
  checkFilter(actor, query);
  const rows = await complianceRows(db, actor, today, query, query.cursor ?? 0, query.limit + 1);
  const items = rows.slice(0, query.limit).map(itemView);
  return {
    asOf: today,
    items,
    total: rows[0]?.total ?? 0,
    nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null,
  };
}

export async function complianceSummary(db: Db, actor: Actor, today: string, filter: ComplianceFilter) {
  checkFilter(actor, filter);
  const rows = await complianceCounts(db, actor, today, filter);
  const counts = (row: (typeof rows)[number]) =>
    Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, row[kind]])) as Record<ViolationKind, number>;
  const all = rows.find((row) => row.grouping === 'all');
  return {
    asOf: today,
    checked: all?.checked ?? 0,
    violating: all?.violating ?? 0,
    kinds: all
      ? counts(all)
      : (Object.fromEntries(VIOLATION_KINDS.map((k) => [k, 0])) as Record<ViolationKind, number>),
    byTeam: rows
      .filter((row) => row.grouping === 'team')
      .map((row) => ({
        teamId: row.team_id,
        teamName: row.team_name,
        checked: row.checked,
        violating: row.violating,
        kinds: counts(row),
      })),
    byOwner: rows
      .filter((row) => row.grouping === 'owner')
      .map((row) => ({
        ownerId: row.owner_id,
        ownerName: row.owner_name,
        checked: row.checked,
        violating: row.violating,
        kinds: counts(row),
      })),
  };
}

export const kindLabels: Record<ViolationKind, Label> = {
  no_owner: label('无负责人', 'No owner'),
  level_below: label('负责人级别不足', 'Owner too junior'),
  over_capacity: label('负责人超负荷', 'Owner over capacity'),
  contact_overdue: label('该联系却没联系', 'Contact overdue'),
  over_credit: label('逾期超信用额度', 'Overdue above credit limit'),
  terms_exceeded: label('账期超出政策', 'Terms longer than allowed'),
};

const PAGE = 2000;

/** The violation list as a streamed file, read page by page through the same scoped query as the API. */
export function complianceTable(
  db: Db,
  actor: Actor,
  today: string,
  query: ComplianceQuery,
  locale: Locale,
): ExportTable {
  checkFilter(actor, query);
  const zh = locale === 'zh-CN';
  const header = zh
    ? [
        '客户编号',
        '客户名称',
        '团队',
        '负责人',
        '等级',
        '违规类型',
        '负责人负荷',
        '最近联系',
        '联系周期（天）',
        '逾期金额',
        '信用额度',
        '账期（天）',
        '允许账期（天）',
      ]
    : [
        'Customer code',
        'Customer name',
        'Team',
        'Owner',
        'Grade',
        'Violations',
        'Owner load',
        'Last contact',
        'Contact cadence (days)',
        'Overdue amount',
        'Credit limit',
        'Terms (days)',
        'Allowed terms (days)',
      ];
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for (let after = 0; ;) {
      const page = await complianceRows(db, actor, today, query, after, PAGE);
      for (const row of page) {
        const item = itemView(row);
        yield [
          item.code,
          item.name,
          item.teamName,
          item.ownerName,
          item.gradeCode,
          item.kinds.map((kind) => kindLabels[kind][locale]).join(zh ? '、' : ', '),
          item.figures.ownerLoad,
          item.figures.lastContact,
          item.figures.contactCadenceDays,
          { decimal: item.figures.overdueAmount },
          item.figures.creditLimit === null ? null : { decimal: item.figures.creditLimit },
          item.figures.termsDays,
          item.figures.allowedTermsDays,
        ];
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) return;
      after = last.id;
    }
  }
  return { sheet: zh ? '政策违规' : 'Policy violations', header, rows: rows() };
}
