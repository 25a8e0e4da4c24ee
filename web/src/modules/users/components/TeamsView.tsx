import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import type { Team, TeamInput } from '../api/users.api';
import { useDeleteTeam, useSaveTeam, useTeams, useUsers } from '../hooks/useUsers';

function TeamDrawer({ team, onClose }: { team?: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const save = useSaveTeam();
  // A team is led by a manager (or an admin); reps are members, not leads.
  const leads = (useUsers().data?.items ?? [])
    .filter((user) => user.active && user.role !== 'rep')
    .map((user) => ({ value: user.id, label: user.name }));
  return (
    <FormDrawer<TeamInput>
      open
      title={team ? t('settings.teams.edit', { name: team.name }) : t('settings.teams.new')}
      onClose={onClose}
      fieldNames={['name', 'region', 'managerId']}
      initialValues={team ? { ...team, region: team.region ?? undefined } : {}}
      onSubmit={async (values) => {
        await save.mutateAsync({
          id: team?.id,
          input: { ...values, region: values.region || null, managerId: values.managerId ?? null },
        });
        void message.success(t('settings.saved'));
      }}
    >
      <Form.Item name="name" label={t('settings.teams.name')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item name="region" label={t('settings.teams.region')} rules={[rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item name="managerId" label={t('settings.teams.manager')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={leads} />
      </Form.Item>
    </FormDrawer>
  );
}

/** Admins: the sales teams, their regions and managers. A team with members or customers cannot be deleted. */
export function TeamsView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teams = useTeams();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<{ team?: Team } | null>(null);
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => setEditing({})}
      >
        {t('settings.teams.new')}
      </Button>
      <QueryState
        query={teams}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t('settings.teams.none')}
      >
        {(data) => (
          <Table<Team>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            columns={[
              { title: t('settings.teams.name'), dataIndex: 'name' },
              {
                title: t('settings.teams.region'),
                dataIndex: 'region',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('settings.teams.manager'),
                dataIndex: 'managerName',
                render: (v: string | null) => v ?? '—',
              },
              { title: t('settings.teams.members'), dataIndex: 'memberCount', align: 'right' },
              {
                title: '',
                key: 'actions',
                render: (_, team) => (
                  <Space>
                    <Button size="small" type="link" onClick={() => setEditing({ team })}>
                      {t('action.edit')}
                    </Button>
                    <Popconfirm
                      title={t('settings.teams.deleteConfirm', { name: team.name })}
                      onConfirm={() =>
                        remove
                          .mutateAsync(team.id)
                          .catch(
                            (error: Error) =>
                              void message.error(
                                error instanceof ApiError && error.code === 'CONFLICT'
                                  ? t('settings.teams.inUse', { name: team.name })
                                  : error.message,
                              ),
                          )
                      }
                    >
                      <Button size="small" type="link" danger>
                        {t('settings.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <TeamDrawer team={editing.team} onClose={() => setEditing(null)} />}
    </>
  );
}
