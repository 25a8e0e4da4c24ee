import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import { formatDateTime } from '../../../shared/format/dates';
import { messageChannels, recipientChoices, type Batch, type BatchInput } from '../api/messaging.api';
import { useBatchPreview, useBatches, useCreateBatch, useTemplates } from '../hooks/useMessaging';
import { SegmentFields } from './SegmentFields';
import { StatusCounts } from './StatusCounts';

/** Counts and the first drafts of the segment as it is being built: what the batch would hold. */
function BatchPreviewPanel() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<BatchInput>();
  const values = Form.useWatch([], form) as Partial<BatchInput> | undefined;
  const ready = values?.templateId !== undefined && values.channel && values.recipients;
  const preview = useBatchPreview(
    ready
      ? {
          templateId: values.templateId!,
          channel: values.channel!,
          recipients: values.recipients!,
          segment: values.segment ?? {},
          holiday: values.holiday || undefined,
        }
      : undefined,
  );
  if (!ready) return null;
  const data = preview.data;
  return (
    <Card
      size="small"
      title={t('messaging.preview')}
      data-testid="batch-preview"
      extra={preview.isFetching && <Spin size="small" />}
    >
      {preview.isError && <Alert type="error" showIcon title={preview.error.message} />}
      {data && (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('messaging.segmentCustomers')}>{data.customers}</Descriptions.Item>
            <Descriptions.Item label={t('messaging.recipientCount')}>{data.recipients}</Descriptions.Item>
            <Descriptions.Item label={t('messaging.unreachable')}>
              {data.customersWithoutRecipient}
            </Descriptions.Item>
            <Descriptions.Item label={t('messaging.withWarnings')}>{data.withWarnings}</Descriptions.Item>
          </Descriptions>
          {data.sample.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messaging.noRecipients')} />
          ) : (
            <List
              size="small"
              dataSource={data.sample}
              renderItem={(draft) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${draft.customerName} · ${draft.recipientName} <${draft.recipient}>`}
                    description={
                      <>
                        <Typography.Text strong>{draft.subject}</Typography.Text>
                        <Typography.Paragraph
                          ellipsis={{ rows: 3 }}
                          style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                        >
                          {draft.body}
                        </Typography.Paragraph>
                        {draft.warnings.length > 0 && (
                          <Tag color="orange">
                            {t('messaging.missingFields', { fields: draft.warnings.join(', ') })}
                          </Tag>
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

function BatchDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const rules = useRules();
  const navigate = useNavigate();
  const templates = useTemplates();
  const create = useCreateBatch();
  const templateOptions = (templates.data?.items ?? [])
    .filter((template) => template.active)
    .map((template) => ({
      value: template.id,
      label: `${t(`messaging.purposes.${template.purpose}`)} · ${template.name} (${template.locale})`,
    }));
  return (
    <FormDrawer<BatchInput>
      title={t('messaging.newBatch')}
      open={open}
      onClose={onClose}
      fieldNames={['name', 'templateId', 'channel', 'recipients', 'holiday', 'segment']}
      initialValues={{ channel: 'email', recipients: 'decision_makers', segment: {} }}
      onSubmit={async (input) => {
        const batch = await create.mutateAsync(input);
        void navigate(`/messages/batches/${batch.id}`);
      }}
    >
      <Form.Item name="name" label={t('messaging.batchName')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item name="templateId" label={t('messaging.template')} rules={[rules.requiredValue]}>
        <Select showSearch optionFilterProp="label" options={templateOptions} loading={templates.isPending} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="channel" label={t('messaging.channel')} style={{ width: '50%' }}>
          <Select options={messageChannels.map((c) => ({ value: c, label: t(`messaging.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="recipients" label={t('messaging.recipients')} style={{ width: '50%' }}>
          <Select
            options={recipientChoices.map((r) => ({ value: r, label: t(`messaging.recipientChoices.${r}`) }))}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item
        name="holiday"
        label={t('messaging.holiday')}
        tooltip={t('messaging.holidayHint', { field: '{{holiday}}' })}
      >
        <Input placeholder={i18n.language.startsWith('zh') ? '中秋节' : 'Mid-Autumn Festival'} />
      </Form.Item>
      <Typography.Title level={5}>{t('messaging.segment')}</Typography.Title>
      <SegmentFields />
      <BatchPreviewPanel />
    </FormDrawer>
  );
}

/** Batches the user may see, newest first, with their progress; a new batch is built from a segment. */
export function BatchesView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const batches = useBatches();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
        {t('messaging.newBatch')}
      </Button>
      <QueryState
        query={batches}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t('messaging.noBatches')}
      >
        {(data) => (
          <Table<Batch>
            size="small"
            rowKey="id"
            data-testid="batch-table"
            dataSource={data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(row) => ({
              onClick: () => void navigate(`/messages/batches/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: t('messaging.batchName'), dataIndex: 'name' },
              {
                title: t('messaging.purpose'),
                dataIndex: 'purpose',
                render: (purpose: string) => <Tag color="blue">{t(`messaging.purposes.${purpose}`)}</Tag>,
              },
              {
                title: t('messaging.channel'),
                dataIndex: 'channel',
                render: (c: string) => t(`messaging.channels.${c}`),
              },
              { title: t('messaging.createdBy'), dataIndex: 'createdByName' },
              { title: t('messaging.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
              {
                title: t('messaging.progress'),
                key: 'progress',
                render: (_: unknown, row) => <StatusCounts batch={row} compact />,
              },
            ]}
          />
        )}
      </QueryState>
      <BatchDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
