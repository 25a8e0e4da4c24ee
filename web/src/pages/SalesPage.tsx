import { useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { AimOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FigureRow } from '../shared/components/FigureRow';
import { PagePanel } from '../shared/components/PagePanel';
import { PeriodPicker, monthToDate } from '../shared/components/PeriodPicker';
import { ReportLayout } from '../shared/components/ReportLayout';
import { formatMoney, formatMoneyShort } from '../shared/format/money';
import { formatChange, formatShare } from '../shared/format/localised';
import { growthOf, marginOf, type SalesFilter, type SalesSummary } from '../modules/orders/api/orders.api';
import { OwnerSalesTable } from '../modules/orders/components/OwnerSalesTable';
import { TargetsDialog } from '../modules/orders/components/TargetsDialog';
import { useActor } from '../modules/auth/hooks/useSession';
import { SalesOrderList } from '../modules/orders/components/SalesOrderList';
import { useSalesSummary } from '../modules/orders/hooks/useSales';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { OwnerFilter } from '../modules/users/components/OwnerFilter';

function Totals({ summary }: { summary: SalesSummary }) {
  const { t, i18n } = useTranslation();
  const { total } = summary;
  return (
    <FigureRow
      testIdPrefix="sales"
      minWidth={150}
      figures={[
        { key: 'amount', title: t('sales.amount'), value: formatMoneyShort(total.amount, i18n.language) },
        {
          key: 'profit',
          title: t('sales.grossProfit'),
          value: formatMoneyShort(total.grossProfit, i18n.language),
        },
        { key: 'margin', title: t('sales.margin'), value: formatShare(marginOf(total)) },
        ...(total.target === null
          ? []
          : [
              {
                key: 'attainment',
                title: (
                  <Tooltip title={t('sales.attainmentOf', { target: formatMoney(total.target) })}>
                    {t('sales.attainment')} <InfoCircleOutlined />
                  </Tooltip>
                ),
                value: formatShare(total.attainment),
              },
            ]),
        { key: 'orders', title: t('sales.orders'), value: total.orders.toLocaleString() },
        { key: 'customers', title: t('sales.customers'), value: total.customers.toLocaleString() },
        {
          key: 'growth',
          title: (
            <Tooltip title={t('sales.growthSince', { from: summary.previousFrom, to: summary.previousTo })}>
              {t('sales.growth')} <InfoCircleOutlined />
            </Tooltip>
          ),
          value: formatChange(growthOf(total)),
        },
      ]}
    />
  );
}

/** What the customers bought in a period (this month so far unless another is chosen), by account manager. */
export default function SalesPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SalesFilter>(monthToDate);
  const [editingTargets, setEditingTargets] = useState(false);
  const summary = useSalesSummary(filter);
  const actor = useActor();
  return (
    <PagePanel
      title={t('sales.title')}
      extra={
        <Space wrap size={8}>
          <OwnerFilter value={filter.ownerId} onChange={(ownerId) => setFilter({ ...filter, ownerId })} />
          <AdminTeamFilter value={filter.teamId} onChange={(teamId) => setFilter({ ...filter, teamId })} />
          <PeriodPicker
            label={t('sales.period')}
            from={filter.from}
            to={filter.to}
            onChange={(period) => setFilter({ ...filter, ...period })}
          />
          {actor.role !== 'rep' && (
            <Button icon={<AimOutlined />} onClick={() => setEditingTargets(true)}>
              {t('sales.setTargets')}
            </Button>
          )}
        </Space>
      }
    >
      <ReportLayout
        summary={summary}
        figures={(data) => <Totals summary={data} />}
        perPerson={(data) => (
          <OwnerSalesTable summary={data} onSelectOwner={(ownerId) => setFilter({ ...filter, ownerId })} />
        )}
        list={<SalesOrderList filter={filter} />}
      />
      {editingTargets && (
        <TargetsDialog
          ownUserId={actor.role === 'manager' ? actor.id : null}
          onClose={() => setEditingTargets(false)}
        />
      )}
    </PagePanel>
  );
}
