import { useState } from 'react';
import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { pickLocalised } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import type { PolicySummary } from '../modules/policies/api/policies.api';
import { PolicyDetail } from '../modules/policies/components/PolicyDetail';
import { usePolicies, usePolicy } from '../modules/policies/hooks/usePolicies';

export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const policies = usePolicies();
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const id = selected ?? policies.data?.[0]?.id;
  const policy = usePolicy(id);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PagePanel title={t('policies.title')}>
        <QueryState query={policies} isEmpty={(list) => list.length === 0}>
          {(list) => (
            <Table<PolicySummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={list}
              rowClassName={(row) => (row.id === id ? 'ant-table-row-selected' : '')}
              onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('policies.name'), render: (_, row) => pickLocalised(row.name, i18n.language) },
                {
                  title: t('policies.model'),
                  render: (_, row) => pickLocalised(row.modelName, i18n.language),
                },
                { title: t('policies.priority'), dataIndex: 'priority', width: 100 },
                {
                  title: t('policies.active'),
                  dataIndex: 'active',
                  width: 100,
                  render: (active: boolean) => (
                    <Tag color={active ? 'green' : 'default'}>
                      {active ? t('policies.on') : t('policies.off')}
                    </Tag>
                  ),
                },
                {
                  title: t('policies.version'),
                  dataIndex: 'currentVersion',
                  width: 90,
                  render: (v: number) => `v${v}`,
                },
              ]}
            />
          )}
        </QueryState>
      </PagePanel>
      {id !== undefined && (
        <PagePanel title={policy.data ? pickLocalised(policy.data.name, i18n.language) : t('policies.rules')}>
          <QueryState query={policy}>
            {(data) => <PolicyDetail key={data.id} policy={data} editable={actor.role === 'admin'} />}
          </QueryState>
        </PagePanel>
      )}
    </Space>
  );
}
