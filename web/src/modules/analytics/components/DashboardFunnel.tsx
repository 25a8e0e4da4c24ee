import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { FunnelChart } from '../../opportunities/components/FunnelChart';
import { FunnelTable } from '../../opportunities/components/FunnelTable';
import { useFunnel } from '../../opportunities/hooks/useFunnel';
import type { AnalyticsFilter } from '../api/analytics.api';
import { funnelFilterOf } from './funnelFilter';

/** The sales funnel of the funnel page, within the dashboard's scope and its owner/team filter. */
export function DashboardFunnel({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useTranslation();
  const { funnel: funnelFilter, wider } = funnelFilterOf(filter);
  const funnel = useFunnel(funnelFilter);
  return (
    <QueryState
      query={funnel}
      isEmpty={(data) => data.totals.count === 0}
      emptyText={t('dashboard.funnelEmpty')}
    >
      {(data) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <FunnelChart funnel={data} measure="reached" />
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('dashboard.funnelStages')} style={{ height: '100%' }}>
              <FunnelTable funnel={data} />
              {wider && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('dashboard.funnelWider')}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </QueryState>
  );
}
