import { useState } from 'react';
import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCursors } from '../../../shared/components/CursorPager';
import {
  CustomerRecordList,
  customerColumn,
  personColumn,
} from '../../../shared/components/CustomerRecordList';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { useListSort } from '../../../shared/components/sortableColumns';
import {
  paymentsApi,
  type AgingBucket,
  type Payment,
  type PaymentSortKey,
  type PaymentStatus,
  type ReceivablesFilter,
} from '../api/payments.api';
import { usePaymentList } from '../hooks/useReceivables';
import { RecordPaidButton } from './RecordPaidButton';
import { usePaymentColumns } from './usePaymentColumns';

type StatusChoice = PaymentStatus | 'all';
const PAGE_SIZE = 20;

/**
 * The payments behind the aging: unpaid ones by default, the longest overdue first (where collection starts) unless
 * a column header sorts them; narrowed to a bracket by the aging table or the select. Each names its customer and
 * owner, and an unpaid one can be recorded as received on the spot.
 */
export function ReceivableList({
  filter,
  buckets,
  bucket,
  onBucketChange,
}: {
  filter: ReceivablesFilter;
  /** The brackets to choose from, the server's. */
  buckets: readonly AgingBucket[];
  /** A bracket holds unpaid payments only: the status is not asked then. */
  bucket: AgingBucket | undefined;
  onBucketChange: (bucket: AgingBucket | undefined) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusChoice>('outstanding');
  const chosenStatus = bucket !== undefined || status === 'all' ? undefined : status;
  const owed = bucket !== undefined || chosenStatus === 'outstanding' || chosenStatus === 'overdue';
  // What is still owed is collected longest overdue first; what is settled or mixed reads newest first.
  const { order, onTableChange } = useListSort<PaymentSortKey, Payment>({
    sort: 'dueDate',
    order: owed ? 'asc' : 'desc',
  });
  const cursors = useCursors([filter, bucket, status, order]);
  const query = { ...filter, bucket, status: chosenStatus, ...order };
  const list = usePaymentList({ ...query, cursor: cursors.cursor, limit: PAGE_SIZE });
  const columns = usePaymentColumns(order);
  // Payments recorded on another day than today are not settled today: only today's list offers the action.
  const settlable = (payment: Payment) => payment.paidDate === null && filter.asOf === undefined;
  return (
    <CustomerRecordList
      testId="receivables"
      title={t('receivables.list')}
      actions={
        <Flex gap={8} wrap>
          <Select
            allowClear
            aria-label={t('receivables.bucketColumn')}
            placeholder={t('receivables.bucketColumn')}
            style={{ width: 200 }}
            value={bucket}
            onChange={(value?: AgingBucket) => onBucketChange(value)}
            options={buckets.map((code) => ({ value: code, label: t(`receivables.bucket.${code}`) }))}
          />
          <ExportMenu href={(format) => paymentsApi.exportUrl(query, format)} />
          <Segmented<StatusChoice>
            disabled={bucket !== undefined}
            value={status}
            onChange={setStatus}
            options={(['outstanding', 'overdue', 'paid', 'all'] as const).map((value) => ({
              value,
              label: t(`receivables.status.${value}`),
            }))}
          />
        </Flex>
      }
      list={list}
      cursors={cursors}
      emptyText={t('receivables.empty')}
      countLabel={(count) => t('receivables.countLabel', { count })}
      table={{ onChange: onTableChange }}
      columns={[
        customerColumn<Payment>(t('receivables.customer')),
        ...columns,
        personColumn<Payment>(t('receivables.owner'), 'ownerName'),
        {
          key: 'action',
          render: (_, payment) => (settlable(payment) ? <RecordPaidButton payment={payment} /> : null),
        },
      ]}
    />
  );
}
