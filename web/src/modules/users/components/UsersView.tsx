import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { OnOffTag } from '../../../shared/components/OnOffTag';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import { enumKey, enums, roleColours, type Role } from '../../../shared/enums';
import { formatDateTime } from '../../../shared/format/dates';
import { useActor } from '../../auth/hooks/useSession';
import { userLevels, type User, type UserInput } from '../api/users.api';
import { useSaveUser, useTeamOptions, useUsers } from '../hooks/useUsers';

interface UserFormValues extends UserInput {
  login: string;
  name: string;
  role: Role;
}

function UserDrawer({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const save = useSaveUser();
  const teams = useTeamOptions(true);
  const isSelf = useActor().id === user?.id;
  return (
    <FormDrawer<UserFormValues>
      open
      title={user ? t('settings.users.edit', { name: user.name }) : t('settings.users.new')}
      onClose={onClose}
      fieldNames={[
        'login',
        'name',
        'password',
        'role',
        'teamId',
        'level',
        'capacity',
        'email',
        'phone',
        'active',
      ]}
      initialValues={
        user
          ? { ...user, email: user.email ?? undefined, phone: user.phone ?? undefined }
          : { role: 'rep', level: 'junior', capacity: 200 }
      }
      onSubmit={async (values) => {
        // An empty password on an existing user keeps the current one; a new user starts active.
        const input: UserInput = {
          ...values,
          password: values.password || undefined,
          email: values.email || null,
          phone: values.phone || null,
          teamId: values.teamId ?? null,
        };
        await save.mutateAsync({ id: user?.id, input });
        void message.success(t('settings.saved'));
      }}
    >
      <Form.Item name="login" label={t('settings.users.login')} rules={[rules.required, rules.max(50)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('settings.users.name')} rules={[rules.required, rules.max(50)]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('settings.users.password')}
        extra={user ? t('settings.users.passwordKept') : t('settings.users.passwordHint')}
        rules={[...(user ? [] : [rules.required]), { min: 8, message: t('settings.users.passwordHint') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('settings.users.role')}
        rules={[rules.requiredValue]}
        extra={isSelf ? t('settings.users.ownRole') : undefined}
      >
        <Select
          disabled={isSelf}
          options={enums.role.map((role) => ({ value: role, label: t(enumKey('role', role)) }))}
        />
      </Form.Item>
      <Form.Item name="teamId" label={t('settings.users.team')}>
        <Select allowClear options={teams} placeholder={t('settings.users.noTeam')} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="level" label={t('settings.users.level')} style={{ flex: 1 }}>
          <Select
            options={userLevels.map((level) => ({ value: level, label: t(`policies.level.${level}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('settings.users.capacity')}
          tooltip={t('settings.users.capacityHint')}
          rules={[rules.nonNegative]}
          style={{ flex: 1 }}
        >
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="email" label={t('settings.users.email')} rules={[rules.email, rules.max(200)]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('settings.users.phone')} rules={[rules.max(50)]}>
        <Input />
      </Form.Item>
      {user && (
        <Form.Item
          name="active"
          label={t('settings.users.active')}
          valuePropName="checked"
          extra={t('settings.users.activeHint')}
        >
          <Switch disabled={isSelf} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}

/**
 * Admins: everyone who logs in, with role, team, seniority and how many accounts they can carry. Users are never
 * deleted (their name stays on the history); a deactivated user cannot log in and their sessions end.
 */
export function UsersView() {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeamOptions(true);
  const teamName = useMemo(() => new Map(teams.map((team) => [team.value, team.label])), [teams]);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [teamId, setTeamId] = useState<number | undefined>();
  const [editing, setEditing] = useState<{ user?: User } | null>(null);
  const needle = search.trim().toLowerCase();
  const shown = (items: User[]) =>
    items.filter(
      (user) =>
        (!needle || user.name.toLowerCase().includes(needle) || user.login.toLowerCase().includes(needle)) &&
        (!role || user.role === role) &&
        (teamId === undefined || user.teamId === teamId),
    );

  return (
    <>
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('settings.users.new')}
        </Button>
        <Input.Search
          allowClear
          aria-label={t('settings.users.search')}
          placeholder={t('settings.users.search')}
          style={{ width: 220 }}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Select<Role>
          allowClear
          aria-label={t('settings.users.role')}
          placeholder={t('settings.users.role')}
          style={{ width: 140 }}
          value={role}
          onChange={setRole}
          options={enums.role.map((value) => ({ value, label: t(enumKey('role', value)) }))}
        />
        <Select<number>
          allowClear
          aria-label={t('settings.users.team')}
          placeholder={t('settings.users.team')}
          style={{ width: 160 }}
          value={teamId}
          onChange={setTeamId}
          options={teams}
        />
      </Flex>
      <QueryState query={users} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <Table<User>
            size="small"
            rowKey="id"
            dataSource={shown(data.items)}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('settings.users.name'),
                dataIndex: 'name',
                sorter: (a, b) => a.name.localeCompare(b.name),
              },
              { title: t('settings.users.login'), dataIndex: 'login' },
              {
                title: t('settings.users.role'),
                dataIndex: 'role',
                render: (value: Role) => <Tag color={roleColours[value]}>{t(enumKey('role', value))}</Tag>,
              },
              {
                title: t('settings.users.team'),
                dataIndex: 'teamId',
                render: (id: number | null) => (id === null ? '—' : (teamName.get(id) ?? id)),
              },
              {
                title: t('settings.users.level'),
                dataIndex: 'level',
                render: (level: string) => t(`policies.level.${level}`),
              },
              { title: t('settings.users.capacity'), dataIndex: 'capacity', align: 'right' },
              {
                title: t('settings.users.contact'),
                key: 'contact',
                render: (_, user) => [user.email, user.phone].filter(Boolean).join(' · ') || '—',
              },
              {
                title: t('settings.users.active'),
                dataIndex: 'active',
                render: (active: boolean) => (
                  <OnOffTag
                    on={active}
                    onText={t('settings.users.activeYes')}
                    offText={t('settings.users.activeNo')}
                  />
                ),
              },
              { title: t('settings.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
              {
                title: '',
                key: 'actions',
                render: (_, user) => (
                  <Button size="small" type="link" onClick={() => setEditing({ user })}>
                    {t('action.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <UserDrawer user={editing.user} onClose={() => setEditing(null)} />}
    </>
  );
}
