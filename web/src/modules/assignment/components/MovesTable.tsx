import { Checkbox, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanManager, PlannedMove } from '../api/assignment.api';

const LEVEL_RANK = { junior: 0, middle: 1, senior: 2 } as const;

interface MovesTableProps {
  moves: PlannedMove[];
  managers: PlanManager[];
  /** customer id → chosen owner; a move left out is dropped. */
  chosen: ReadonlyMap<number, number>;
  onChange: (chosen: Map<number, number>) => void;
}

/**
 * The proposed moves: untick to drop one, pick another owner of the team (the proposed owner's, which is the
 * customer's) and level to change it; the server checks room when the plan is applied.
 */
export function MovesTable({ moves, managers, chosen, onChange }: MovesTableProps) {
  const { t } = useTranslation();
  const set = (customerId: number, ownerId: number | undefined) => {
    const next = new Map(chosen);
    if (ownerId === undefined) next.delete(customerId);
    else next.set(customerId, ownerId);
    onChange(next);
  };
  const candidates = (move: PlannedMove) =>
    managers
      .filter(
        (m) =>
          m.id === move.toOwnerId ||
          (m.assignable &&
            m.teamId === managers.find((p) => p.id === move.toOwnerId)?.teamId &&
            (!move.requiredLevel || LEVEL_RANK[m.level] >= LEVEL_RANK[move.requiredLevel])),
      )
      .map((m) => ({ value: m.id, label: `${m.name} · ${t(`policies.level.${m.level}`)}` }));
  return (
    <Table<PlannedMove>
      rowKey="customerId"
      size="small"
      pagination={false}
      dataSource={moves}
      scroll={{ x: 900 }}
      data-testid="assignment-moves"
      columns={[
        {
          title: t('assignment.keep'),
          width: 70,
          render: (_, move) => (
            <Checkbox
              aria-label={`${t('assignment.keep')} ${move.code}`}
              checked={chosen.has(move.customerId)}
              onChange={(event) => set(move.customerId, event.target.checked ? move.toOwnerId : undefined)}
            />
          ),
        },
        {
          title: t('compliance.customer'),
          width: 260,
          render: (_, move) => (
            <Link to={`/customers/${move.customerId}`}>
              {move.code} {move.name}
            </Link>
          ),
        },
        { title: t('compliance.grade'), dataIndex: 'gradeCode', width: 70 },
        {
          title: t('assignment.from'),
          dataIndex: 'fromOwnerName',
          width: 110,
          render: (name: string | null) => name ?? '—',
        },
        {
          title: t('assignment.to'),
          width: 200,
          render: (_, move) => (
            <Select
              size="small"
              style={{ width: 180 }}
              aria-label={`${t('assignment.to')} ${move.code}`}
              disabled={!chosen.has(move.customerId)}
              value={chosen.get(move.customerId) ?? move.toOwnerId}
              options={candidates(move)}
              onChange={(ownerId: number) => set(move.customerId, ownerId)}
            />
          ),
        },
        {
          title: t('assignment.fixes'),
          render: (_, move) =>
            move.fixes.map((kind) => (
              <Tag key={kind} color="orange">
                {t(`compliance.kind.${kind}`)}
              </Tag>
            )),
        },
      ]}
    />
  );
}
