import { Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoneyShort } from '../../../shared/format/money';
import type { ReferralTotals } from '../api/referrals.api';

/**
 * Customers referred, how many bought, and what they bought to date; only customers the user may see count. The
 * table lists the most valuable of them (`shown`): the figures always cover all.
 */
export function ReferralFigures({ totals, shown }: { totals: ReferralTotals; shown?: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ marginBottom: 12 }} data-testid="referral-figures">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('referral.referred')} value={totals.referred} />
        </Col>
        <Col span={6}>
          <Statistic title={t('referral.buyers')} value={totals.buyers} />
        </Col>
        <Col span={6}>
          <Statistic title={t('referral.sales')} value={formatMoneyShort(totals.sales, i18n.language)} />
        </Col>
        <Col span={6}>
          <Statistic title={t('referral.profit')} value={formatMoneyShort(totals.profit, i18n.language)} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('referral.scopeNote')}</Typography.Text>
      {shown !== undefined && shown < totals.referred && (
        <Typography.Text type="secondary" data-testid="referral-shown">
          {' '}
          {t('referral.shownOf', { shown, total: totals.referred })}
        </Typography.Text>
      )}
    </div>
  );
}
