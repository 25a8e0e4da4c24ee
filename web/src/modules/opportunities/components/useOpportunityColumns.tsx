import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { sortableBy, type SortOrder } from '../../../shared/components/sortableColumns';
import { stageName, type Opportunity, type OpportunitySortKey } from '../api/opportunities.api';
import { useOpportunityStages } from '../hooks/useOpportunities';
import { outcomeColours } from './outcomeColours';

/** An open opportunity whose expected close date has passed: the forecast no longer holds and wants a look. */
const isOverdue = (opportunity: Opportunity) =>
  opportunity.closedAt === null &&
  opportunity.expectedCloseDate !== null &&
  dayjs(opportunity.expectedCloseDate).isBefore(dayjs(), 'day');

/**
 * The columns every opportunity table shows: name, stage, amount, probability, weighted amount, expected close,
 * created. With `sorting`, the list is ordered by the server and the amounts and the dates sort it.
 */
export function useOpportunityColumns(
  sorting?: SortOrder<OpportunitySortKey>,
): TableColumnsType<Opportunity> {
  const { t, i18n } = useTranslation();
  const stages = useOpportunityStages();
  const stageOf = (code: string) => stages.data?.find((stage) => stage.code === code);
  const sortable = sortableBy(sorting);
  return [
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
      ...sortable('amount'),
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
      ...sortable('weightedAmount'),
      render: (amount: string) => formatMoney(amount),
    },
    {
      title: t('opportunity.expectedClose'),
      dataIndex: 'expectedCloseDate',
      ...sortable('expectedCloseDate'),
      render: (date: string | null, opportunity) =>
        date ? (
          <Space size={4}>
            {formatDate(date)}
            {isOverdue(opportunity) && (
              <Typography.Text type="danger">{t('opportunity.pastClose')}</Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('funnel.created'),
      dataIndex: 'createdAt',
      ...sortable('createdAt'),
      render: (at: string) => formatDate(at),
    },
  ];
}
