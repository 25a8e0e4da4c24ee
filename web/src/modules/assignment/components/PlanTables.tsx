import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssignmentPlan, HeadcountLine, PlanManager } from '../api/assignment.api';

const load = (value: number | null) => (value === null ? '∞' : value.toFixed(2));

export function UnfixableTable({ items }: { items: AssignmentPlan['unfixable'] }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="customerId"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 800 }}
      columns={[
        {
          title: t('compliance.customer'),
          render: (_, row) => (
            <Link to={`/customers/${row.customerId}`}>
              {row.code} {row.name}
            </Link>
          ),
        },
        { title: t('compliance.grade'), dataIndex: 'gradeCode', width: 70 },
        {
          title: t('compliance.owner'),
          dataIndex: 'ownerName',
          width: 110,
          render: (n: string | null) => n ?? '—',
        },
        {
          title: t('compliance.violations'),
          render: (_, row) =>
            row.violations.map((kind) => (
              <Tag key={kind} color="red">
                {t(`compliance.kind.${kind}`)}
              </Tag>
            )),
        },
        {
          title: t('assignment.reason'),
          dataIndex: 'reason',
          render: (r: string) => t(`assignment.why.${r}`),
        },
      ]}
    />
  );
}

export function LoadTable({ managers }: { managers: PlanManager[] }) {
  const { t } = useTranslation();
  return (
    <Table<PlanManager>
      rowKey="id"
      size="small"
      dataSource={managers.filter((m) => m.assignable)}
      pagination={false}
      columns={[
        { title: t('compliance.owner'), dataIndex: 'name' },
        {
          title: t('policies.field.requiredLevel'),
          dataIndex: 'level',
          render: (l: string) => t(`policies.level.${l}`),
        },
        {
          title: t('assignment.loadBefore'),
          dataIndex: 'loadBefore',
          align: 'right',
          render: (v: number | null) => (
            <Typography.Text type={v === null || v > 1 ? 'danger' : undefined}>{load(v)}</Typography.Text>
          ),
        },
        {
          title: t('assignment.loadAfter'),
          dataIndex: 'loadAfter',
          align: 'right',
          render: (v: number | null) => (
            <Typography.Text type={v === null || v > 1 ? 'danger' : undefined}>{load(v)}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

export function HeadcountTable({ lines }: { lines: HeadcountLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<HeadcountLine>
      rowKey="level"
      size="small"
      dataSource={lines}
      pagination={false}
      data-testid="assignment-headcount"
      columns={[
        {
          title: t('policies.field.requiredLevel'),
          dataIndex: 'level',
          render: (l: string) => t(`policies.level.${l}`),
        },
        {
          title: t('assignment.arithmetic'),
          dataIndex: 'formula',
          render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
        },
        { title: t('assignment.needed'), dataIndex: 'needed', align: 'right' },
        { title: t('assignment.existing'), dataIndex: 'existing', align: 'right' },
        {
          title: t('assignment.gap'),
          dataIndex: 'gap',
          align: 'right',
          render: (gap: number) => (
            <Typography.Text type={gap < 0 ? 'danger' : 'success'}>
              {gap > 0 ? `+${gap}` : gap}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
