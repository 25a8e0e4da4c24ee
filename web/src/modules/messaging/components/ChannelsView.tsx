import { useState } from 'react';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { OnOffTag } from '../../../shared/components/OnOffTag';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import { formatDateTime } from '../../../shared/format/dates';
import { channelKinds, type Channel, type ChannelInput } from '../api/messaging.api';
import { useChannels, useDeleteChannel, useSaveChannel } from '../hooks/useMessaging';

function ChannelDrawer({
  channel,
  open,
  onClose,
}: {
  channel?: Channel;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const rules = useRules();
  const save = useSaveChannel();
  const [kind, setKind] = useState(channel?.kind ?? 'smtp');
  return (
    <FormDrawer<ChannelInput>
      title={channel ? t('messaging.editChannel') : t('messaging.newChannel')}
      open={open}
      onClose={onClose}
      fieldNames={[
        'kind',
        'name',
        'active',
        'smtpHost',
        'smtpPort',
        'smtpSecure',
        'smtpUser',
        'smtpPassword',
        'fromAddress',
        'webhookUrl',
      ]}
      initialValues={
        channel
          ? {
              ...channel,
              smtpHost: channel.smtpHost ?? undefined,
              smtpPort: channel.smtpPort ?? undefined,
              fromAddress: channel.fromAddress ?? undefined,
              webhookUrl: channel.webhookUrl ?? undefined,
            }
          : { kind: 'smtp', active: true, smtpPort: 465, smtpSecure: true }
      }
      onSubmit={async (values) => {
        // An empty password field keeps the stored one.
        const input = { ...values, kind, smtpPassword: values.smtpPassword || undefined };
        const saved = await save.mutateAsync({ id: channel?.id, input });
        const secret = (saved as { webhookSecret?: string }).webhookSecret;
        if (secret)
          modal.info({
            title: t('messaging.secretOnce'),
            content: (
              <Typography.Text copyable code>
                {secret}
              </Typography.Text>
            ),
          });
      }}
    >
      <Form.Item name="kind" label={t('messaging.channelKind')}>
        <Select
          disabled={channel !== undefined}
          onChange={(value: Channel['kind']) => setKind(value)}
          options={channelKinds.map((k) => ({ value: k, label: t(`messaging.channelKinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('messaging.channelName')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      {kind === 'smtp' ? (
        <>
          <Space.Compact block>
            <Form.Item
              name="smtpHost"
              label={t('messaging.smtpHost')}
              rules={[rules.required]}
              style={{ width: '60%' }}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="smtpPort"
              label={t('messaging.smtpPort')}
              rules={[rules.requiredValue]}
              style={{ width: '40%' }}
            >
              <InputNumber min={1} max={65535} style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="smtpSecure" label={t('messaging.smtpSecure')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="smtpUser" label={t('messaging.smtpUser')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="smtpPassword"
            label={t('messaging.smtpPassword')}
            extra={channel?.hasPassword ? t('messaging.passwordKept') : undefined}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="fromAddress"
            label={t('messaging.fromAddress')}
            rules={[rules.required, rules.email]}
          >
            <Input />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="webhookUrl"
          label={t('messaging.webhookUrl')}
          rules={[rules.required, { type: 'url' }]}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="active"
        label={t('messaging.active')}
        valuePropName="checked"
        extra={t('messaging.oneActive')}
      >
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}

/** Admins: the SMTP server and the message webhook the outbox sends through. Secrets are never shown. */
export function ChannelsView() {
  const { t } = useTranslation();
  const channels = useChannels(true);
  const remove = useDeleteChannel();
  const [editing, setEditing] = useState<{ channel?: Channel } | null>(null);
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing({})}>
        {t('messaging.newChannel')}
      </Button>
      <QueryState
        query={channels}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t('messaging.noChannels')}
      >
        {(data) => (
          <Table<Channel>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            columns={[
              { title: t('messaging.channelName'), dataIndex: 'name' },
              {
                title: t('messaging.channelKind'),
                dataIndex: 'kind',
                render: (k: string) => t(`messaging.channelKinds.${k}`),
              },
              {
                title: t('messaging.address'),
                key: 'address',
                render: (_: unknown, row) =>
                  row.kind === 'smtp'
                    ? `${row.smtpHost}:${row.smtpPort} · ${row.fromAddress}`
                    : row.webhookUrl,
              },
              {
                title: t('messaging.active'),
                dataIndex: 'active',
                render: (active: boolean) => (
                  <OnOffTag on={active} onText={t('messaging.yes')} offText={t('messaging.no')} />
                ),
              },
              { title: t('messaging.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, row) => (
                  <Space>
                    <Button size="small" type="link" onClick={() => setEditing({ channel: row })}>
                      {t('action.edit')}
                    </Button>
                    <Popconfirm
                      title={t('messaging.deleteChannelConfirm')}
                      onConfirm={() => remove.mutateAsync(row.id)}
                    >
                      <Button size="small" type="link" danger>
                        {t('messaging.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <ChannelDrawer open channel={editing.channel} onClose={() => setEditing(null)} />}
    </>
  );
}
