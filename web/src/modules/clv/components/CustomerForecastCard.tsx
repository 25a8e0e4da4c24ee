import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDate } from '../../../shared/format/dates';
import { formatShare } from '../../../shared/format/localised';
import { formatMoney } from '../../../shared/format/money';
import { useCustomerForecast } from '../hooks/useClv';

/** P(alive), expected purchases and CLV for the next 12 months, each with what it means in plain words. */
export function CustomerForecastCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const query = useCustomerForecast(customerId);
  return (
    <Card size="small" title={t('clv.title')} data-testid="customer-forecast">
      <QueryState query={query} isEmpty={(data) => data.forecast === null} emptyText={t('clv.none')}>
        {({ forecast }) => {
          const f = forecast!;
          const figures = [
            {
              key: 'pAlive',
              value: formatShare(f.pAlive),
              help: t('clv.pAliveHelp'),
            },
            {
              key: 'expected',
              value: f.expectedPurchases12m === null ? '—' : f.expectedPurchases12m.toFixed(2),
              help: t('clv.expectedHelp'),
            },
            { key: 'clv', value: formatMoney(f.clv12m), help: t('clv.clvHelp') },
          ];
          return (
            <>
              {f.churnRisk && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={t('clv.churnRisk')}
                  description={t(`clv.reason.${f.churnReason ?? 'low_p_alive'}`)}
                />
              )}
              <Row gutter={[16, 8]}>
                {figures.map((figure) => (
                  <Col key={figure.key} xs={24} md={8}>
                    <Statistic title={t(`clv.${figure.key}`)} value={figure.value} />
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                      {figure.help}
                    </Typography.Paragraph>
                  </Col>
                ))}
              </Row>
              <Typography.Text type="secondary">
                {t('clv.asOf', { date: formatDate(f.asOf) })}
              </Typography.Text>
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
