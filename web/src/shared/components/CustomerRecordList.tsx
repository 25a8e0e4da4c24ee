import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Flex, Table, Typography, type TableColumnType, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../api/client';
import { CursorPager, type useCursors } from './CursorPager';
import { QueryState } from './QueryState';

interface CustomerRecordListProps<Row extends { id: number }> {
  /** `data-testid` of the section; its table's is this with `-table`. */
  testId: string;
  title: string;
  /** The list's own filters and export, right of its title. */
  actions: ReactNode;
  list: UseQueryResult<Page<Row>>;
  cursors: ReturnType<typeof useCursors<string>>;
  emptyText: string;
  countLabel: (count: number) => string;
  columns: TableColumnsType<Row>;
  table?: Pick<TableProps<Row>, 'expandable' | 'onChange'>;
}

/** The column naming a record's customer, a link to it. */
export function customerColumn<Row extends { customerId: number; customerName: string }>(
  title: string,
): TableColumnType<Row> {
  return {
    title,
    dataIndex: 'customerName',
    render: (name: string, record) => <Link to={`/customers/${record.customerId}`}>{name}</Link>,
  };
}

/** A column naming a person (owner, author), a dash for nobody. */
export function personColumn<Row>(title: string, dataIndex: keyof Row & string): TableColumnType<Row> {
  return { title, dataIndex, render: (name: string | null) => name ?? '—' };
}

/**
 * A page of records across customers (orders, payments, opportunities, follow-ups): a titled section with its filters
 * and export, paged by cursor, with the states every list shares.
 */
export function CustomerRecordList<Row extends { id: number }>({
  testId,
  title,
  actions,
  list,
  cursors,
  emptyText,
  countLabel,
  columns,
  table,
}: CustomerRecordListProps<Row>) {
  return (
    <section data-testid={testId}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {actions}
      </Flex>
      <QueryState query={list} isEmpty={(page) => page.items.length === 0} emptyText={emptyText}>
        {(page) => (
          <>
            <Table<Row>
              size="small"
              rowKey="id"
              pagination={false}
              loading={list.isFetching && list.isPlaceholderData}
              dataSource={page.items}
              data-testid={`${testId}-table`}
              scroll={{ x: 'max-content' }}
              columns={columns}
              {...table}
            />
            <CursorPager cursors={cursors} nextCursor={page.nextCursor} summary={countLabel(page.total)} />
          </>
        )}
      </QueryState>
    </section>
  );
}
