import { useState } from 'react';
import { Button, Table } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import type { Opportunity } from '../api/opportunities.api';
import { useCustomerOpportunities } from '../hooks/useOpportunities';
import { OpportunityDrawer } from './OpportunityDrawer';
import { StageHistory } from './StageHistory';
import { useOpportunityColumns } from './useOpportunityColumns';

/**
 * The customer's opportunities, newest first, with the stage's name and the weighted amount; each can be edited,
 * and opens to show its stage history.
 */
export function OpportunityTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const opportunities = useCustomerOpportunities(customerId);
  const columns = useOpportunityColumns();
  const [editing, setEditing] = useState<Opportunity | null>(null);
  return (
    <>
      <QueryState
        query={opportunities}
        isEmpty={(page) => page.items.length === 0}
        emptyText={t('opportunity.empty')}
      >
        {(page) => (
          <Table<Opportunity>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={page.items}
            data-testid="opportunity-table"
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
        )}
      </QueryState>
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
