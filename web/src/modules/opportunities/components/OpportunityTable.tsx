import { useState } from 'react';
import { Button } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useListSort } from '../../../shared/components/sortableColumns';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Opportunity, OpportunitySortKey } from '../api/opportunities.api';
import { OpportunityDrawer } from './OpportunityDrawer';
import { StageHistory } from './StageHistory';
import { useOpportunityColumns } from './useOpportunityColumns';

/**
 * The customer's opportunities, newest first unless a column sorts them (amount, weighted amount, expected close),
 * with the stage's name and the weighted amount; each can be edited, and opens to show its stage history.
 */
export function OpportunityTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { order, onTableChange } = useListSort<OpportunitySortKey, Opportunity>({
    sort: 'createdAt',
    order: 'desc',
  });
  const columns = useOpportunityColumns(order);
  const [editing, setEditing] = useState<Opportunity | null>(null);
  return (
    <>
      <CustomerRecordTable<Opportunity>
        customerId={customerId}
        resource="opportunities"
        emptyText={t('opportunity.empty')}
        order={order}
        onTableChange={onTableChange}
        testId="opportunity-table"
        expandable={{ expandedRowRender: (opportunity) => <StageHistory opportunity={opportunity} /> }}
        columns={[
          ...columns,
          { title: t('opportunity.lostReason'), dataIndex: 'lostReason', ellipsis: true },
          {
            title: t('opportunity.actions'),
            key: 'actions',
            render: (_: unknown, opportunity: Opportunity) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={`${t('action.edit')} ${opportunity.name}`}
                onClick={() => setEditing(opportunity)}
              >
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <OpportunityDrawer
          customerId={customerId}
          opportunity={editing}
          open
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
