import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import { formatDateTime } from '../../../shared/format/dates';
import { useActor } from '../../auth/hooks/useSession';
import { templatePurposes, type MessageTemplate, type TemplateInput } from '../api/messaging.api';
import { useDeleteTemplate, useSaveTemplate, useTemplatePreview, useTemplates } from '../hooks/useMessaging';

/** What the drawer's form holds; the preview watches it as the manager types. */
function LivePreview({ mergeFields }: { mergeFields: string[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TemplateInput & { holiday?: string }>();
  const subject = Form.useWatch('subject', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const locale = Form.useWatch('locale', form) ?? 'zh-CN';
  const preview = useTemplatePreview({ subject, body, locale });
  const rendered = preview.data;
  return (
    <Card size="small" title={t('messaging.preview')} data-testid="template-preview">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('messaging.mergeFieldsHint')}{' '}
        {mergeFields.map((field) => (
          <Tag key={field} style={{ marginBottom: 4 }}>{`{{${field}}}`}</Tag>
        ))}
      </Typography.Paragraph>
      {rendered && rendered.unknownFields.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('messaging.unknownFields', {
            fields: rendered.unknownFields.map((f) => `{{${f}}}`).join(' '),
          })}
        />
      )}
      {rendered && rendered.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('messaging.missingFields', { fields: rendered.warnings.join(', ') })}
        />
      )}
      <Typography.Text strong>{rendered?.subject}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
        {rendered?.body}
      </Typography.Paragraph>
    </Card>
  );
}

function TemplateDrawer({
  template,
  open,
  onClose,
  mergeFields,
}: {
  template: MessageTemplate | undefined;
  open: boolean;
  onClose: () => void;
  mergeFields: string[];
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const save = useSaveTemplate();
  return (
    <FormDrawer<TemplateInput>
      title={template ? t('messaging.editTemplate') : t('messaging.newTemplate')}
      open={open}
      onClose={onClose}
      // Subject and body problems name the merge field in their path: shown above the form, whole.
      fieldNames={['purpose', 'locale', 'name', 'active']}
      initialValues={template ?? { purpose: 'birthday', locale: 'zh-CN', active: true }}
      onSubmit={(input) => save.mutateAsync({ id: template?.id, input })}
    >
      <Space.Compact block>
        <Form.Item name="purpose" label={t('messaging.purpose')} style={{ width: '50%' }}>
          <Select
            options={templatePurposes.map((p) => ({ value: p, label: t(`messaging.purposes.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="locale" label={t('messaging.locale')} style={{ width: '50%' }}>
          <Select
            options={[
              { value: 'zh-CN', label: t('language.zh-CN') },
              { value: 'en-US', label: t('language.en-US') },
            ]}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="name" label={t('messaging.templateName')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item name="subject" label={t('messaging.subject')} rules={[rules.required, rules.max(300)]}>
        <Input />
      </Form.Item>
      <Form.Item name="body" label={t('messaging.body')} rules={[rules.required]}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} />
      </Form.Item>
      <Form.Item name="active" label={t('messaging.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <LivePreview mergeFields={mergeFields} />
    </FormDrawer>
  );
}

/** Templates per purpose and language; managers and admins edit them with a live preview, reps read them. */
export function TemplatesView() {
  const { t } = useTranslation();
  const actor = useActor();
  const canWrite = actor.role !== 'rep';
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<{ template?: MessageTemplate } | null>(null);
  return (
    <QueryState query={templates} isEmpty={(data) => data.items.length === 0}>
      {(data) => (
        <>
          {canWrite && (
            <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing({})}>
              {t('messaging.newTemplate')}
            </Button>
          )}
          <Table<MessageTemplate>
            size="small"
            rowKey="id"
            data-testid="template-table"
            dataSource={data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('messaging.purpose'),
                dataIndex: 'purpose',
                render: (purpose: string) => <Tag color="blue">{t(`messaging.purposes.${purpose}`)}</Tag>,
                filters: templatePurposes.map((p) => ({ value: p, text: t(`messaging.purposes.${p}`) })),
                onFilter: (value, row) => row.purpose === value,
              },
              {
                title: t('messaging.locale'),
                dataIndex: 'locale',
                render: (l: string) => t(`language.${l}`),
              },
              { title: t('messaging.templateName'), dataIndex: 'name' },
              { title: t('messaging.subject'), dataIndex: 'subject', ellipsis: true },
              {
                title: t('messaging.active'),
                dataIndex: 'active',
                render: (active: boolean) =>
                  active ? <Tag color="green">{t('messaging.yes')}</Tag> : <Tag>{t('messaging.no')}</Tag>,
              },
              { title: t('messaging.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
              ...(canWrite
                ? [
                    {
                      title: '',
                      key: 'actions',
                      render: (_: unknown, row: MessageTemplate) => (
                        <Space>
                          <Button size="small" type="link" onClick={() => setEditing({ template: row })}>
                            {t('action.edit')}
                          </Button>
                          {!row.builtin && (
                            <Popconfirm
                              title={t('messaging.deleteConfirm')}
                              onConfirm={() => remove.mutateAsync(row.id)}
                            >
                              <Button size="small" type="link" danger>
                                {t('messaging.delete')}
                              </Button>
                            </Popconfirm>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <TemplateDrawer
            open={editing !== null}
            template={editing?.template}
            onClose={() => setEditing(null)}
            mergeFields={data.mergeFields}
          />
        </>
      )}
    </QueryState>
  );
}
