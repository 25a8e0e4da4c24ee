import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { pickLocalised } from '../../../shared/format/localised';
import type { Grade } from '../api/grading.api';

export interface MigrationData {
  from: readonly Grade[];
  to: readonly Grade[];
  /** Rows: from-grades then "not graded before"; columns: to-grades then "not graded after". */
  matrix: readonly (readonly number[])[];
}

function useLabels({ from, to }: MigrationData) {
  const { t, i18n } = useTranslation();
  return {
    rows: [...from.map((g) => pickLocalised(g.name, i18n.language)), t('migration.notBefore')],
    columns: [...to.map((g) => pickLocalised(g.name, i18n.language)), t('migration.notAfter')],
  };
}

/** The migration as sheet rows: a header of to-grades, then one row per from-grade. */
export function migrationRows(
  data: MigrationData,
  labels: { rows: string[]; columns: string[] },
  corner: string,
) {
  return [[corner, ...labels.columns], ...data.matrix.map((row, i) => [labels.rows[i] ?? '', ...row])];
}

/** A matrix position as grade indexes, −1 for the "not graded" row or column. */
const gradeOfPosition = (position: number, grades: number) => (position === grades ? -1 : position);

/**
 * From-grade × to-grade counts; the diagonal (customers who kept their grade) is shaded. With `onCellClick`, each
 * non-zero count is a button that opens the customers behind it (grade indexes, −1 for "not graded").
 */
export function MigrationTable({
  data,
  onCellClick,
  selected,
}: {
  data: MigrationData;
  onCellClick?: (from: number, to: number) => void;
  /** The cell whose customers are listed, outlined. */
  selected?: { from: number; to: number };
}) {
  const { t } = useTranslation();
  const labels = useLabels(data);
  const rows = data.matrix.map((row, i) => ({ key: i, label: labels.rows[i] ?? '', row }));
  return (
    <Table
      size="small"
      pagination={false}
      bordered
      data-testid="migration-matrix"
      dataSource={rows}
      scroll={{ x: true }}
      columns={[
        { title: t('migration.fromTo'), dataIndex: 'label', key: 'label', fixed: 'left' },
        ...labels.columns.map((label, column) => ({
          title: label,
          key: String(column),
          align: 'right' as const,
          onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
          onCell: (record: (typeof rows)[number]) => ({
            style: {
              background:
                record.key === column ? '#f0f5ff' : (record.row[column] ?? 0) > 0 ? '#fff7e6' : undefined,
              boxShadow:
                selected?.from === gradeOfPosition(record.key, data.from.length) &&
                selected.to === gradeOfPosition(column, data.to.length)
                  ? 'inset 0 0 0 2px #1677ff'
                  : undefined,
            },
          }),
          render: (_: unknown, record: (typeof rows)[number]) => {
            const count = record.row[column] ?? 0;
            if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>;
            if (!onCellClick) return count.toLocaleString();
            return (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                aria-label={t('migration.showCustomers', { from: record.label, to: label, count })}
                onClick={() =>
                  onCellClick(
                    gradeOfPosition(record.key, data.from.length),
                    gradeOfPosition(column, data.to.length),
                  )
                }
              >
                {count.toLocaleString()}
              </Button>
            );
          },
        })),
      ]}
    />
  );
}

/** The same migration as a Sankey diagram: grades on the left flow into grades on the right. */
export function MigrationSankey({
  data,
  exportName,
  height = 320,
}: {
  data: MigrationData;
  exportName: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const labels = useLabels(data);
  const colour = (grades: readonly Grade[], i: number) => grades[i]?.color ?? '#bfbfbf';
  const left = labels.rows.map((name, i) => ({
    name: `${name} `,
    itemStyle: { color: colour(data.from, i) },
  }));
  const right = labels.columns.map((name, i) => ({
    name: ` ${name}`,
    itemStyle: { color: colour(data.to, i) },
  }));
  const links = data.matrix.flatMap((row, i) =>
    row.flatMap((count, j) =>
      count > 0 ? [{ source: `${labels.rows[i]} `, target: ` ${labels.columns[j]}`, value: count }] : [],
    ),
  );
  if (links.length === 0) return <Typography.Text type="secondary">{t('state.empty')}</Typography.Text>;
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return (
    <Chart
      height={height}
      exportName={exportName}
      testId="migration-sankey"
      option={{
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'sankey',
            top: 24,
            bottom: 8,
            left: 8,
            right: 80,
            nodeGap: 10,
            emphasis: { focus: 'adjacency' },
            lineStyle: { color: 'gradient', opacity: 0.4 },
            data: [...left, ...right].filter((node) => used.has(node.name)),
            links,
          },
        ],
      }}
    />
  );
}

export function useMigrationLabels(data: MigrationData) {
  return useLabels(data);
}
