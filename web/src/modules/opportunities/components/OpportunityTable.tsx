import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { stageName, type Opportunity } from '../api/opportunities.api';
import { useCustomerOpportunities, useOpportunityStages } from '../hooks/useOpportunities';
import { OpportunityDrawer } from './OpportunityDrawer';
import { outcomeColours } from './outcomeColours';
import { StageHistory } from './StageHistory';

/**
 * The customer's opportunities, newest first, with the stage's name and the weighted amount; each can be edited,
 * and opens to show its stage history.
 */
export function OpportunityTable({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const opportunities = useCustomerOpportunities(customerId);
  const stages = useOpportunityStages();
  const stageOf = (code: string) => stages.data?.find((stage) => stage.code === code);
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
              { title: t('opportunity.name'), dataIndex: 'name' },
              {
                title: t('funnel.stage'),
                dataIndex: 'stage',
                render: (code: string) => {
                  const stage = stageOf(code);
                  return (
                    <Tag color={stage ? outcomeColours[stage.outcome] : undefined}>
                      {stage ? stageName(stage, i18n.language) : code}
                    </Tag>
                  );
                },
              },
              {
                title: t('funnel.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (amount: string) => formatMoney(amount),
              },
              {
                title: t('funnel.probability'),
                dataIndex: 'effectiveProbability',
                align: 'right',
                render: (value: number) => `${value}%`,
              },
              {
                title: t('funnel.weightedAmount'),
                dataIndex: 'weightedAmount',
                align: 'right',
                render: (amount: string) => formatMoney(amount),
              },
              {
                title: t('opportunity.expectedClose'),
                dataIndex: 'expectedCloseDate',
                render: (date: string | null) => (date ? formatDate(date) : '—'),
              },
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
