import { useState } from 'react';
import { Button, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { CursorPager, useCursors } from '../shared/components/CursorPager';
import { QueryState } from '../shared/components/QueryState';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { complianceApi, violationKinds, type ViolationKind } from '../modules/compliance/api/compliance.api';
import { ComplianceCounts } from '../modules/compliance/components/ComplianceCounts';
import { ViolationTable } from '../modules/compliance/components/ViolationTable';
import { useComplianceList, useComplianceSummary } from '../modules/compliance/hooks/useCompliance';

const PAGE_SIZE = 50;

export default function CompliancePage() {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<ViolationKind | undefined>(undefined);
  /** Cursors of the pages seen so far: the list is keyset-paged by customer id. */
  const cursors = useCursors<number>();
  const summary = useComplianceSummary({ teamId });
  const list = useComplianceList({ teamId, kind, limit: PAGE_SIZE, cursor: cursors.cursor });
  const filter = (next: { teamId?: number; kind?: ViolationKind }) => {
    setTeamId(next.teamId);
    setKind(next.kind);
    cursors.reset();
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PagePanel
        title={t('compliance.title')}
        extra={
          <Space wrap>
            <AdminTeamFilter value={teamId} onChange={(value) => filter({ teamId: value, kind })} />
          </Space>
        }
      >
        <QueryState query={summary}>
          {(data) => (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('compliance.headline', {
                  asOf: data.asOf,
                  violating: data.violating,
                  checked: data.checked,
                })}
              </Typography.Text>
              <ComplianceCounts
                summary={data}
                kind={kind}
                onKind={(next) => filter({ teamId, kind: next })}
              />
            </Space>
          )}
        </QueryState>
      </PagePanel>
      <PagePanel
        title={t('compliance.list')}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('compliance.allKinds')}
              aria-label={t('compliance.violations')}
              style={{ width: 200 }}
              value={kind}
              options={violationKinds.map((k) => ({ value: k, label: t(`compliance.kind.${k}`) }))}
              onChange={(value?: ViolationKind) => filter({ teamId, kind: value })}
            />
            {(['xlsx', 'csv'] as const).map((format) => (
              <Button
                key={format}
                icon={<DownloadOutlined />}
                href={complianceApi.exportUrl({ teamId, kind }, format)}
              >
                {format.toUpperCase()}
              </Button>
            ))}
          </Space>
        }
      >
        <QueryState query={list} isEmpty={(page) => page.total === 0} emptyText={t('compliance.none')}>
          {(page) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <ViolationTable items={page.items} loading={list.isFetching} />
              <CursorPager
                cursors={cursors}
                nextCursor={page.nextCursor}
                summary={
                  <Typography.Text type="secondary">
                    {t('state.total', { total: page.total })}
                  </Typography.Text>
                }
              />
            </Space>
          )}
        </QueryState>
      </PagePanel>
    </Space>
  );
}
