import { Table, type TableProps } from 'antd';
import { QueryState } from '../../../shared/components/QueryState';
import { RecordsFootnote } from '../../../shared/components/RecordsFootnote';
import { useCustomerRecords, type CustomerResource } from '../hooks/useCustomerRecords';

interface CustomerRecordTableProps<T> {
  customerId: number;
  resource: CustomerResource;
  emptyText: string;
  columns: TableProps<T>['columns'];
  scrollX?: number;
}

/** One of the customer's record lists as a table, with its loading, error and empty states. */
export function CustomerRecordTable<T extends { id: number }>({
  customerId,
  resource,
  emptyText,
  columns,
  scrollX,
}: CustomerRecordTableProps<T>) {
  const records = useCustomerRecords<T>(customerId, resource);
  return (
    <QueryState query={records} isEmpty={(data) => !data.items.length} emptyText={emptyText}>
      {(data) => (
        <>
          <Table<T>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.items}
            columns={columns}
            scroll={scrollX ? { x: scrollX } : undefined}
          />
          <RecordsFootnote shown={data.items.length} total={data.total} />
        </>
      )}
    </QueryState>
  );
}
