import { useState } from 'react';
import { Col, DatePicker, Row, Segmented, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { formatMoneyShort } from '../shared/format/money';
import type { Funnel, FunnelFilter } from '../modules/opportunities/api/opportunities.api';
import { FunnelChart, type FunnelMeasure } from '../modules/opportunities/components/FunnelChart';
import { FunnelTable } from '../modules/opportunities/components/FunnelTable';
import { PipelineTable } from '../modules/opportunities/components/PipelineTable';
import { useFunnel } from '../modules/opportunities/hooks/useFunnel';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { OwnerFilter } from '../modules/users/components/OwnerFilter';
import { FigureRow } from '../shared/components/FigureRow';

function Totals({ funnel }: { funnel: Funnel }) {
  const { t, i18n } = useTranslation();
  const figures = [
    { key: 'open-count', title: t('funnel.openCount'), value: funnel.totals.openCount.toLocaleString() },
    {
      key: 'open-amount',
      title: t('funnel.openAmount'),
      value: formatMoneyShort(funnel.totals.openAmount, i18n.language),
    },
    {
      key: 'open-weighted',
      title: t('funnel.openWeightedAmount'),
      value: formatMoneyShort(funnel.totals.openWeightedAmount, i18n.language),
    },
  ];
  return <FigureRow figures={figures} testIdPrefix="funnel" />;
}

const isoDay = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD');

export default function FunnelPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FunnelFilter>({});
  const [measure, setMeasure] = useState<FunnelMeasure>('reached');
  const [stage, setStage] = useState<string>();
  const funnel = useFunnel(filter);
  return (
    <PagePanel
      title={t('funnel.title')}
      extra={
        <Space wrap size={8}>
          <OwnerFilter value={filter.ownerId} onChange={(ownerId) => setFilter({ ...filter, ownerId })} />
          <AdminTeamFilter value={filter.teamId} onChange={(teamId) => setFilter({ ...filter, teamId })} />
          <DatePicker.RangePicker
            aria-label={t('funnel.created')}
            placeholder={[t('funnel.createdFrom'), t('funnel.createdTo')]}
            onChange={(range) => setFilter({ ...filter, from: isoDay(range?.[0]), to: isoDay(range?.[1]) })}
          />
          <Segmented<FunnelMeasure>
            value={measure}
            onChange={setMeasure}
            options={[
              { value: 'reached', label: t('funnel.byReached') },
              { value: 'amount', label: t('funnel.byAmount') },
            ]}
          />
        </Space>
      }
    >
      <QueryState query={funnel}>
        {(data) => (
          <Spin spinning={funnel.isFetching && funnel.isPlaceholderData}>
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <Totals funnel={data} />
              </Col>
              <Col xs={24} xl={10}>
                <FunnelChart funnel={data} measure={measure} />
              </Col>
              <Col xs={24} xl={14}>
                <FunnelTable funnel={data} selectedStage={stage} onSelectStage={setStage} />
              </Col>
              <Col span={24}>
                <PipelineTable filter={filter} stage={stage} onStageChange={setStage} />
              </Col>
            </Row>
          </Spin>
        )}
      </QueryState>
    </PagePanel>
  );
}
