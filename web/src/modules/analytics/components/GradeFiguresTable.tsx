import { Table } from 'antd';
import { Link } from 'react-router';
import type { SheetCell } from '../../../shared/charts/ChartCard';
import { pickLocalised } from '../../../shared/format/localised';
import type { Grade } from '../../grading/api/grading.api';
import { GradeTag } from '../../grading/components/GradeTag';

/** One figure per grade: its header, its value for the XLSX export, and as shown. */
export interface GradeColumn<R> {
  readonly key: string;
  readonly title: string;
  readonly cell: (row: R) => SheetCell;
  readonly show: (row: R) => string;
}

type GradeRow = Grade & { readonly grade: number };

/**
 * A dashboard table of figures per grade: the grade as its tag, then one right-aligned column per figure. With
 * `gradeLink`, each grade's tag links to the customers behind its row.
 */
export function GradeFiguresTable<R extends GradeRow>({
  rows,
  columns,
  gradeTitle,
  testId,
  gradeLink,
}: {
  rows: readonly R[];
  columns: readonly GradeColumn<R>[];
  gradeTitle: string;
  testId: string;
  gradeLink?: (grade: number) => string;
}) {
  return (
    <Table<R>
      size="small"
      rowKey="grade"
      pagination={false}
      dataSource={[...rows]}
      data-testid={testId}
      columns={[
        {
          title: gradeTitle,
          key: 'grade',
          render: (_, row) =>
            gradeLink ? (
              <Link to={gradeLink(row.grade)}>
                <GradeTag grade={row} />
              </Link>
            ) : (
              <GradeTag grade={row} />
            ),
        },
        ...columns.map((c) => ({
          title: c.title,
          key: c.key,
          align: 'right' as const,
          render: (_: unknown, row: R) => c.show(row),
        })),
      ]}
    />
  );
}

/** The same table as the rows of a sheet: a header row, then each grade by its name in `language`. */
export function gradeSheetRows<R extends GradeRow>(
  rows: readonly R[],
  columns: readonly GradeColumn<R>[],
  gradeTitle: string,
  language: string,
): SheetCell[][] {
  return [
    [gradeTitle, ...columns.map((c) => c.title)],
    ...rows.map((row) => [pickLocalised(row.name, language), ...columns.map((c) => c.cell(row))]),
  ];
}
