import { useState } from 'react';
import { Col, DatePicker, Row, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { FigureRow } from '../shared/components/FigureRow';
import { formatMoneyShort } from '../shared/format/money';
import { formatShare } from '../shared/format/localised';
import { isAfterToday } from '../shared/format/dates';
import { useActor } from '../modules/auth/hooks/useSession';
import {
  bucketsOf,
  type AgingBucket,
  type AgingReport,
  type ReceivablesFilter,
} from '../modules/payments/api/payments.api';
import { AgingChart } from '../modules/payments/components/AgingChart';
import { AgingTable } from '../modules/payments/components/AgingTable';
import { OwnerAgingTable } from '../modules/payments/components/OwnerAgingTable';
import { ReceivableList } from '../modules/payments/components/ReceivableList';
import { useAging } from '../modules/payments/hooks/useReceivables';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { OwnerFilter } from '../modules/users/components/OwnerFilter';

function Totals({ report }: { report: AgingReport }) {
  const { t, i18n } = useTranslation();
  const { outstanding, overdue } = report.total;
  const owed = Number(outstanding.amount);
  return (
    <FigureRow
      testIdPrefix="receivables"
      figures={[
        {
          key: 'outstanding',
          title: t('receivables.outstanding'),
          value: formatMoneyShort(outstanding.amount, i18n.language),
        },
        {
          key: 'overdue',
          title: t('receivables.overdue'),
          value: formatMoneyShort(overdue.amount, i18n.language),
        },
        {
          key: 'overdue-share',
          title: t('receivables.overdueShare'),
          value: formatShare(owed > 0 ? Number(overdue.amount) / owed : null),
        },
        { key: 'overdue-count', title: t('receivables.overdueCount'), value: overdue.count.toLocaleString() },
      ]}
    />
  );
}

/** What customers owe and how late: aging in total and per account manager, and the payments to collect. */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [filter, setFilter] = useState<ReceivablesFilter>({});
  const [bucket, setBucket] = useState<AgingBucket>();
  const aging = useAging(filter);
  return (
    <PagePanel
      title={t('receivables.title')}
      extra={
        <Space wrap size={8}>
          <OwnerFilter value={filter.ownerId} onChange={(ownerId) => setFilter({ ...filter, ownerId })} />
          <AdminTeamFilter value={filter.teamId} onChange={(teamId) => setFilter({ ...filter, teamId })} />
          <DatePicker
            aria-label={t('receivables.asOf')}
            placeholder={t('receivables.asOf')}
            disabledDate={isAfterToday}
            onChange={(day) => setFilter({ ...filter, asOf: day?.format('YYYY-MM-DD') })}
          />
        </Space>
      }
    >
      <QueryState query={aging}>
        {(report) => (
          <Spin spinning={aging.isFetching && aging.isPlaceholderData}>
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <Totals report={report} />
              </Col>
              <Col xs={24} xl={12}>
                <AgingChart figures={report.total} />
              </Col>
              <Col xs={24} xl={12}>
                <AgingTable figures={report.total} selected={bucket} onSelect={setBucket} />
              </Col>
              {actor.role !== 'rep' && (
                <Col span={24}>
                  <OwnerAgingTable
                    report={report}
                    onSelectOwner={(ownerId) => setFilter({ ...filter, ownerId })}
                  />
                </Col>
              )}
              <Col span={24}>
                <ReceivableList
                  filter={filter}
                  buckets={bucketsOf(report)}
                  bucket={bucket}
                  onBucketChange={setBucket}
                />
              </Col>
            </Row>
          </Spin>
        )}
      </QueryState>
    </PagePanel>
  );
}
