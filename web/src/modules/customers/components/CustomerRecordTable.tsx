import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import { QueryState } from '../../../shared/components/QueryState';
import { RecordsFootnote } from '../../../shared/components/RecordsFootnote';
import type { SortOrder } from '../../../shared/components/sortableColumns';
import { useCustomerRecords, type CustomerResource, type RecordList } from '../hooks/useCustomerRecords';

interface CustomerRecordTableProps<T, L> {
  customerId: number;
  resource: CustomerResource;
  emptyText: string;
  columns: TableProps<T>['columns'];
  scrollX?: number;
  /** The server's order of the records, and the change a column header asks for. */
  order?: SortOrder<string>;
  onTableChange?: TableProps<T>['onChange'];
  expandable?: TableProps<T>['expandable'];
  testId?: string;
  /** What the list says as a whole, above its rows (totals the server computed). */
  header?: (list: L) => ReactNode;
}

/** One of the customer's record lists as a table, with its loading, error and empty states. */
export function CustomerRecordTable<T extends { id: number }, L extends RecordList<T> = RecordList<T>>({
  customerId,
  resource,
  emptyText,
  columns,
  scrollX,
  order,
  onTableChange,
  expandable,
  testId,
  header,
}: CustomerRecordTableProps<T, L>) {
  const records = useCustomerRecords<T, L>(customerId, resource, order);
  return (
    <QueryState query={records} isEmpty={(data) => !data.items.length} emptyText={emptyText}>
      {(data) => (
        <>
          {header?.(data)}
          <Table<T>
            rowKey="id"
            size="small"
            pagination={false}
            loading={records.isFetching && records.isPlaceholderData}
            onChange={onTableChange}
            dataSource={data.items}
            columns={columns}
            scroll={scrollX ? { x: scrollX } : undefined}
            expandable={expandable}
            data-testid={testId}
          />
          <RecordsFootnote shown={data.items.length} total={data.total} />
        </>
      )}
    </QueryState>
  );
}
