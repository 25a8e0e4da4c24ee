import { Button, Table, Typography, type TableColumnsType } from 'antd';

/**
 * A report's table with a row per person (an account manager, who followed up): the person's name narrows the page
 * to them; a row without a person (customers nobody owns) is named by `nobody`.
 */
export function PersonSummaryTable<R extends { readonly id: number | null; readonly name: string | null }>({
  title,
  personTitle,
  nobody,
  rows,
  testId,
  columns,
  onSelect,
}: {
  title: string;
  personTitle: string;
  nobody: string;
  rows: readonly R[];
  testId: string;
  columns: TableColumnsType<R>;
  onSelect: (id: number) => void;
}) {
  return (
    <section>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<R>
        size="small"
        rowKey={(row) => row.id ?? 'nobody'}
        pagination={false}
        dataSource={[...rows]}
        data-testid={testId}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: personTitle,
            render: (_, row) =>
              row.id === null ? (
                nobody
              ) : (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(row.id!)}>
                  {row.name}
                </Button>
              ),
          },
          ...columns,
        ]}
      />
    </section>
  );
}
