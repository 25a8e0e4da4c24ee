import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/api/form-errors';
import type { ImportEntity } from '../../../shared/enums';
import { useActor } from '../../auth/hooks/useSession';
import { importsApi, type ImportTemplate } from '../api/imports.api';

const templatesKey = ['imports', 'templates'];

/**
 * Named mappings for files that come back every month in the same layout: anyone picks one for the entity being
 * imported; managers and admins save the page's mapping and options under a name (the same name replaces it) and
 * delete saved ones. Built-in templates are read-only.
 */
export function TemplatePicker({
  entity,
  chosen,
  onChoose,
  current,
  canSave,
}: {
  entity: ImportEntity;
  chosen: string | undefined;
  onChoose: (template: ImportTemplate | undefined) => void;
  current: () => Omit<ImportTemplate, 'id' | 'name'>;
  /** False until a file's columns are mapped: there is nothing to save before. */
  canSave: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actor = useActor();
  const canEdit = actor.role !== 'rep';
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const templates = useQuery({ queryKey: templatesKey, queryFn: importsApi.templates });
  const forEntity = (templates.data?.items ?? []).filter((template) => template.entity === entity);
  const selected = forEntity.find((template) => template.name === chosen);

  const save = useMutation({
    mutationFn: (name: string) => importsApi.saveTemplate({ ...current(), name }),
    onSuccess: async (_, name) => {
      await queryClient.invalidateQueries({ queryKey: templatesKey });
      void message.success(t('imports.templates.saved', { name }));
      setSaving(false);
      const items = queryClient.getQueryData<{ items: ImportTemplate[] }>(templatesKey)?.items ?? [];
      onChoose(items.find((template) => template.name === name));
    },
    onError: (error) => {
      for (const text of applyServerErrors(form, error, ['name'])) void message.error(text);
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => importsApi.deleteTemplate(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templatesKey });
      onChoose(undefined);
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <Space wrap>
      <Select
        allowClear
        aria-label={t('imports.templates.label')}
        placeholder={t('imports.templates.none')}
        loading={templates.isLoading}
        style={{ width: 240 }}
        value={selected?.name}
        onChange={(name?: string) => onChoose(forEntity.find((template) => template.name === name))}
        options={forEntity.map((template) => ({
          value: template.name,
          label:
            template.id === null ? `${template.name} · ${t('imports.templates.builtin')}` : template.name,
        }))}
      />
      {canEdit && (
        <Button icon={<SaveOutlined />} disabled={!canSave} onClick={() => setSaving(true)}>
          {t('imports.templates.save')}
        </Button>
      )}
      {canEdit && selected?.id != null && (
        <Popconfirm
          title={t('imports.templates.deleteConfirm', { name: selected.name })}
          onConfirm={() => remove.mutate(selected.id as number)}
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
            {t('imports.templates.delete')}
          </Button>
        </Popconfirm>
      )}
      {saving && (
        <Modal
          open
          title={t('imports.templates.save')}
          okText={t('action.save')}
          confirmLoading={save.isPending}
          onOk={() => form.submit()}
          onCancel={() => setSaving(false)}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            initialValues={{ name: selected?.id != null ? selected.name : '' }}
            onFinish={(values) => save.mutate(values.name.trim())}
          >
            <Form.Item
              name="name"
              label={t('imports.templates.name')}
              extra={t('imports.templates.nameHint')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
            >
              <Input maxLength={100} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
