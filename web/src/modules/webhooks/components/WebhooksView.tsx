import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { OnOffTag } from '../../../shared/components/OnOffTag';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import { formatDateTime } from '../../../shared/format/dates';
import { webhookEventKey, webhookEvents, type Webhook, type WebhookInput } from '../api/webhooks.api';
import { useDeleteWebhook, useSaveWebhook, useTestWebhook, useWebhooks } from '../hooks/useWebhooks';
import { DeliveriesTable } from './DeliveriesTable';

function WebhookDrawer({ webhook, onClose }: { webhook?: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const rules = useRules();
  const save = useSaveWebhook();
  return (
    <FormDrawer<WebhookInput>
      open
      title={webhook ? t('settings.webhooks.edit', { name: webhook.name }) : t('settings.webhooks.new')}
      onClose={onClose}
      fieldNames={['name', 'url', 'events', 'active', 'rotateSecret']}
      initialValues={webhook ?? { active: true, events: [...webhookEvents] }}
      onSubmit={async (values) => {
        const saved = await save.mutateAsync({ id: webhook?.id, input: values });
        // The signing secret exists in clear only in this answer: the receiver needs it to check signatures.
        if (saved.secret)
          modal.info({
            title: t('settings.webhooks.secretOnce'),
            width: 560,
            content: (
              <Space orientation="vertical">
                <Typography.Text copyable code>
                  {saved.secret}
                </Typography.Text>
                <Typography.Text type="secondary">{t('settings.webhooks.signatureHint')}</Typography.Text>
              </Space>
            ),
          });
      }}
    >
      <Form.Item name="name" label={t('settings.webhooks.name')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('settings.webhooks.url')}
        rules={[rules.required, { type: 'url', message: t('settings.webhooks.urlHint') }]}
        extra={t('settings.webhooks.urlHint')}
      >
        <Input placeholder="https://erp.example.com/hooks/stratum" />
      </Form.Item>
      <Form.Item name="events" label={t('settings.webhooks.eventsLabel')} rules={[rules.requiredValue]}>
        <Checkbox.Group
          style={{ display: 'grid', gap: 6 }}
          options={webhookEvents.map((event) => ({ value: event, label: t(webhookEventKey(event)) }))}
        />
      </Form.Item>
      <Form.Item name="active" label={t('settings.webhooks.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {webhook && (
        <Form.Item
          name="rotateSecret"
          valuePropName="checked"
          extra={t('settings.webhooks.rotateHint')}
          style={{ marginBottom: 0 }}
        >
          <Checkbox>{t('settings.webhooks.rotate')}</Checkbox>
        </Form.Item>
      )}
    </FormDrawer>
  );
}

/**
 * Admins: the endpoints of other systems that hear about grade changes and finished runs — POST JSON signed with
 * HMAC-SHA256, retried with backoff; each webhook's deliveries and their attempts, a test ping and a retry.
 */
export function WebhooksView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<{ webhook?: Webhook } | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => setEditing({})}
      >
        {t('settings.webhooks.new')}
      </Button>
      <QueryState
        query={webhooks}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t('settings.webhooks.none')}
      >
        {(data) => (
          <Table<Webhook>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
              expandedRowRender: (webhook) => <DeliveriesTable webhookId={webhook.id} />,
            }}
            columns={[
              { title: t('settings.webhooks.name'), dataIndex: 'name' },
              {
                title: t('settings.webhooks.url'),
                dataIndex: 'url',
                render: (url: string) => <Typography.Text code>{url}</Typography.Text>,
              },
              {
                title: t('settings.webhooks.eventsLabel'),
                dataIndex: 'events',
                render: (events: string[]) => (
                  <Space size={4} wrap>
                    {events.map((event) => (
                      <Tag key={event}>{t(webhookEventKey(event))}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('settings.webhooks.active'),
                dataIndex: 'active',
                render: (active: boolean) => (
                  <OnOffTag
                    on={active}
                    onText={t('settings.webhooks.on')}
                    offText={t('settings.webhooks.off')}
                  />
                ),
              },
              { title: t('settings.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
              {
                title: '',
                key: 'actions',
                render: (_, webhook) => (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setEditing({ webhook })}>
                      {t('action.edit')}
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        test
                          .mutateAsync(webhook.id)
                          .then(() => {
                            setExpanded((keys) => (keys.includes(webhook.id) ? keys : [...keys, webhook.id]));
                            void message.success(t('settings.webhooks.pinged'));
                          })
                          .catch((error: Error) => void message.error(error.message))
                      }
                    >
                      {t('settings.webhooks.test')}
                    </Button>
                    <Popconfirm
                      title={t('settings.webhooks.deleteConfirm', { name: webhook.name })}
                      onConfirm={() => remove.mutateAsync(webhook.id)}
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
      {editing && <WebhookDrawer webhook={editing.webhook} onClose={() => setEditing(null)} />}
    </>
  );
}
