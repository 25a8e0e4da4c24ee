import { useState } from 'react';
import { App, Button, Card, Col, Input, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { useDebounced } from '../shared/hooks/useDebounced';
import { useActor } from '../modules/auth/hooks/useSession';
import type { PoolLimits } from '../modules/pool/api/pool.api';
import { PoolTable } from '../modules/pool/components/PoolTable';
import { usePool, useRecall } from '../modules/pool/hooks/usePool';

const PAGE_SIZE = 20;

function Limits({ limits }: { limits: PoolLimits }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'owned', title: t('pool.owned'), value: `${limits.owned} / ${limits.maxOwned}` },
    {
      key: 'claims',
      title: t('pool.claimsToday'),
      value: `${limits.claimsToday} / ${limits.maxClaimsPerDay}`,
    },
    {
      key: 'reclaim',
      title: t('pool.reclaimBlock'),
      value: t('pool.days', { count: limits.reclaimBlockDays }),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((figure) => (
        <Col key={figure.key} flex="1 1 200px">
          <Card size="small">
            <Statistic
              title={figure.title}
              value={figure.value}
              styles={{ content: { fontSize: 20 } }}
              data-testid={`pool-${figure.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function RecallButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const recall = useRecall();
  return (
    <Button
      loading={recall.isPending}
      onClick={async () => {
        try {
          const result = await recall.mutateAsync(undefined);
          void message.success(t('pool.recallDone', { recalled: result.recalled, warned: result.warned }));
        } catch (error) {
          void message.error((error as Error).message);
        }
      }}
    >
      {t('pool.recallNow')}
    </Button>
  );
}

export default function PoolPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim(), 300);
  const pool = usePool({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <PagePanel
      title={t('pool.title')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t('pool.search')}
            placeholder={t('pool.search')}
            style={{ width: 240 }}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
          />
          {actor.role === 'admin' && <RecallButton />}
        </Space>
      }
    >
      <QueryState query={pool}>
        {(data) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Limits limits={data.limits} />
            <PoolTable
              items={data.items}
              total={data.total}
              page={page}
              pageSize={PAGE_SIZE}
              onPage={setPage}
            />
          </Space>
        )}
      </QueryState>
    </PagePanel>
  );
}
