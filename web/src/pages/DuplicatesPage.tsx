import { useState } from 'react';
import { Button, Pagination, Space, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { useActor } from '../modules/auth/hooks/useSession';
import type { DuplicateGroup } from '../modules/customers/api/customers.api';
import { DuplicateGroupCard, likelySurvivor } from '../modules/customers/components/DuplicateGroupCard';
import { MergeDialog } from '../modules/customers/components/MergeDialog';
import { useDuplicateGroups } from '../modules/customers/hooks/useCustomers';

const PAGE_SIZE = 20;

/** Customers entered twice (same company name once normalised, or same phone), and merging them into one. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const [page, setPage] = useState(1);
  const [merging, setMerging] = useState<DuplicateGroup>();
  const groups = useDuplicateGroups(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const canMerge = actor.role !== 'rep';

  return (
    <PagePanel
      title={t('merge.pageTitle')}
      extra={
        <Button icon={<LeftOutlined />} onClick={() => void navigate('/customers')}>
          {t('nav.customers')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(canMerge ? 'merge.intro' : 'merge.introRep')}
        </Typography.Paragraph>
        <QueryState query={groups} isEmpty={(data) => data.total === 0} emptyText={t('merge.none')}>
          {(data) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {data.items.map((group) => (
                <DuplicateGroupCard
                  key={group.customers.map((c) => c.id).join()}
                  group={group}
                  onMerge={canMerge ? setMerging : undefined}
                />
              ))}
              <Pagination
                align="end"
                current={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                showTotal={(total) => t('merge.total', { total })}
                onChange={setPage}
              />
            </Space>
          )}
        </QueryState>
      </Space>
      {merging && (
        <MergeDialog
          members={merging.customers}
          initialSurvivorId={likelySurvivor(merging.customers).id}
          onClose={() => setMerging(undefined)}
        />
      )}
    </PagePanel>
  );
}
