import { useState } from 'react';
import { Alert, Flex, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { formatDate } from '../shared/format/dates';
import { useActor } from '../modules/auth/hooks/useSession';
import { ActivityDrawer } from '../modules/activities/components/ActivityDrawer';
import {
  itemKinds,
  type ItemKind,
  type Worklist,
  type WorklistView,
} from '../modules/worklist/api/worklist.api';
import { WorklistTable } from '../modules/worklist/components/WorklistTable';
import { useWorklist, useWorklistUsers } from '../modules/worklist/hooks/useWorklist';
import { worklistApi } from '../modules/worklist/api/worklist.api';
import { ExportMenu } from '../shared/components/ExportMenu';

interface BodyProps {
  list: Worklist;
  /** Kinds the user switched off; the server leaves them out of the page, the counts keep them. */
  hidden: ReadonlySet<ItemKind>;
  onToggle: (kind: ItemKind, shown: boolean) => void;
  onLogActivity: (customerId: number) => void;
}

function WorklistBody({ list, hidden, onToggle, onLogActivity }: BodyProps) {
  const { t } = useTranslation();
  const items = list.items;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center">
        <Typography.Text type="secondary">
          {list.view === 'today'
            ? formatDate(list.today)
            : `${formatDate(list.today)} – ${formatDate(list.end)}`}
        </Typography.Text>
        {itemKinds.map((kind) => (
          <Tag.CheckableTag
            key={kind}
            checked={!hidden.has(kind)}
            onChange={(checked) => onToggle(kind, checked)}
            data-testid={`worklist-filter-${kind}`}
          >
            {t(`worklist.kinds.${kind}`)} {list.counts[kind] ?? 0}
          </Tag.CheckableTag>
        ))}
        {list.escalated > 0 && (
          <Tag color="red">{t('worklist.escalatedCount', { count: list.escalated })}</Tag>
        )}
      </Flex>
      {list.truncated && <Alert type="info" showIcon title={t('worklist.truncated')} />}
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="worklist-empty">
          {t('worklist.empty')}
        </Typography.Paragraph>
      ) : (
        <WorklistTable items={items} today={list.today} userId={list.user.id} onLogActivity={onLogActivity} />
      )}
    </Space>
  );
}

export default function WorklistPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const canPick = actor.role !== 'rep';
  const users = useWorklistUsers(canPick);
  const [view, setView] = useState<WorklistView>('today');
  const [userId, setUserId] = useState<number | undefined>(undefined);
  const [activityFor, setActivityFor] = useState<number | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<ItemKind>>(new Set());
  const toggle = (kind: ItemKind, shown: boolean) => {
    const next = new Set(hidden);
    if (shown) next.delete(kind);
    else next.add(kind);
    setHidden(next);
  };
  const kinds = hidden.size ? itemKinds.filter((kind) => !hidden.has(kind)) : undefined;
  const list = useWorklist(view, userId, kinds);
  return (
    <PagePanel
      title={t('worklist.title')}
      extra={
        <Space>
          <ExportMenu href={(format) => worklistApi.exportUrl(view, userId, kinds, format)} />
          {canPick && (
            <Select
              aria-label={t('worklist.person')}
              placeholder={t('worklist.mine')}
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              value={userId}
              onChange={(value?: number) => setUserId(value)}
              loading={users.isPending}
              options={(users.data ?? []).map((user) => ({
                value: user.id,
                label: user.id === actor.id ? `${user.name}（${t('worklist.me')}）` : user.name,
              }))}
            />
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={view}
        onChange={(key) => setView(key as WorklistView)}
        items={(['today', 'week'] as const).map((key) => ({ key, label: t(`worklist.view.${key}`) }))}
      />
      <QueryState query={list}>
        {(data) => (
          <WorklistBody list={data} hidden={hidden} onToggle={toggle} onLogActivity={setActivityFor} />
        )}
      </QueryState>
      {activityFor !== null && (
        <ActivityDrawer customerId={activityFor} open onClose={() => setActivityFor(null)} />
      )}
    </PagePanel>
  );
}
