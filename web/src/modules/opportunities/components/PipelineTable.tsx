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
  opportunitiesApi,
  stageName,
  type FunnelFilter,
  type Opportunity,
  type OpportunitySortKey,
} from '../api/opportunities.api';
import { useOpportunityList, useOpportunityStages } from '../hooks/useOpportunities';
import { StageHistory } from './StageHistory';
import { useOpportunityColumns } from './useOpportunityColumns';

type Openness = 'true' | 'false' | 'all';
const PAGE_SIZE = 20;

/**
 * The opportunities behind the funnel, with its filters: newest first unless a column header sorts them, open ones by default, narrowed to a stage on
 * request (here or by a click on the stage in the funnel's table); each names its customer (a link to it) and owner,
 * and opens to its stage history.
 */
export function PipelineTable({
  filter,
  stage,
  onStageChange,
}: {
  filter: FunnelFilter;
  /** The stage the list is narrowed to; a stage is open or closed by itself, so openness is not asked then. */
  stage: string | undefined;
  onStageChange: (stage: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const stages = useOpportunityStages();
  const [open, setOpen] = useState<Openness>('true');
  const { order, onTableChange } = useListSort<OpportunitySortKey, Opportunity>({
    sort: 'createdAt',
    order: 'desc',
  });
  const cursors = useCursors([filter, stage, open, order]);
  const openness = stage !== undefined || open === 'all' ? undefined : open;
  const query = { ...filter, stage, open: openness, ...order } as const;
  const list = useOpportunityList({ ...query, cursor: cursors.cursor, limit: PAGE_SIZE });
  const columns = useOpportunityColumns(order);
  return (
    <CustomerRecordList
      testId="pipeline"
      title={t('opportunity.list')}
      actions={
        <Flex gap={8} wrap>
          <Select
            allowClear
            aria-label={t('funnel.stage')}
            placeholder={t('funnel.stage')}
            style={{ width: 200 }}
            value={stage}
            onChange={(code?: string) => onStageChange(code)}
            options={(stages.data ?? []).map((s) => ({ value: s.code, label: stageName(s, i18n.language) }))}
          />
          <ExportMenu href={(format) => opportunitiesApi.exportUrl(query, format)} />
          <Segmented<Openness>
            disabled={stage !== undefined}
            value={open}
            onChange={setOpen}
            options={[
              { value: 'true', label: t('opportunity.open') },
              { value: 'false', label: t('opportunity.closed') },
              { value: 'all', label: t('opportunity.all') },
            ]}
          />
        </Flex>
      }
      list={list}
      cursors={cursors}
      emptyText={t('opportunity.empty')}
      countLabel={(count) => t('opportunity.count', { count })}
      columns={[
        customerColumn<Opportunity>(t('opportunity.customer')),
        ...columns,
        personColumn<Opportunity>(t('funnel.owner'), 'ownerName'),
      ]}
      table={{
        onChange: onTableChange,
        expandable: { expandedRowRender: (opportunity) => <StageHistory opportunity={opportunity} /> },
      }}
    />
  );
}
