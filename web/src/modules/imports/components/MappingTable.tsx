import { useState } from 'react';
import { Button, Flex, Input, Popover, Select, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldMapping, ImportField, ImportMapping } from '../api/imports.api';
import { setField, sourceKindOf, withSource, withTransforms, type SourceKind } from '../mapping';
import { TransformEditor } from './TransformEditor';

// Option values of the source list that are not columns; a header cannot hold a NUL character.
const CONSTANT = '\u0000constant';
const TEMPLATE = '\u0000template';

function sourceValue(spec: FieldMapping | undefined): string | undefined {
  const kind = sourceKindOf(spec);
  if (kind === 'constant') return CONSTANT;
  if (kind === 'template') return TEMPLATE;
  return spec?.column;
}

/** Each field of the entity, where its value comes from in the file, and how the value is changed on the way. */
export function MappingTable({
  fields,
  headers,
  mapping,
  onChange,
}: {
  fields: ImportField[];
  headers: string[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  // One field's transforms open at a time: two editors side by side read as one field's.
  const [editing, setEditing] = useState<string | undefined>();
  const change = (key: string, spec: FieldMapping | undefined) => onChange(setField(mapping, key, spec));
  const chooseSource = (field: ImportField, value: string | undefined) => {
    const kind: SourceKind | undefined =
      value === undefined
        ? undefined
        : value === CONSTANT
          ? 'constant'
          : value === TEMPLATE
            ? 'template'
            : 'column';
    change(field.key, withSource(mapping[field.key], kind, kind === 'column' ? (value as string) : ''));
  };

  return (
    <Table<ImportField>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={fields}
      columns={[
        {
          title: t('imports.field'),
          width: 200,
          render: (_, field) => (
            <span>
              {field.label[locale]}
              {field.required && <Typography.Text type="danger"> *</Typography.Text>}
            </span>
          ),
        },
        {
          title: t('imports.fileColumn'),
          width: 260,
          render: (_, field) => (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={field.label[locale]}
              style={{ width: 240 }}
              placeholder={t('imports.unmapped')}
              value={sourceValue(mapping[field.key])}
              onChange={(value?: string) => chooseSource(field, value)}
              options={[
                {
                  label: t('imports.source.columns'),
                  options: headers.map((header) => ({ value: header, label: header })),
                },
                {
                  label: t('imports.source.other'),
                  options: [
                    { value: CONSTANT, label: t('imports.source.constant') },
                    { value: TEMPLATE, label: t('imports.source.template') },
                  ],
                },
              ]}
            />
          ),
        },
        {
          title: t('imports.source.value'),
          render: (_, field) => {
            const spec = mapping[field.key];
            const kind = sourceKindOf(spec);
            if (kind !== 'constant' && kind !== 'template') return null;
            return (
              <Input
                aria-label={`${field.label[locale]} · ${t(`imports.source.${kind}`)}`}
                placeholder={t(`imports.source.${kind}Placeholder`)}
                value={spec?.[kind]}
                onChange={(event) => change(field.key, withSource(spec, kind, event.target.value))}
              />
            );
          },
        },
        {
          title: t('imports.transform.title'),
          width: 280,
          render: (_, field) => {
            const spec = mapping[field.key];
            if (!spec) return null;
            return (
              <Flex gap={4} wrap align="center">
                <Popover
                  trigger="click"
                  open={editing === field.key}
                  onOpenChange={(open) => setEditing(open ? field.key : undefined)}
                  placement="left"
                  destroyOnHidden
                  title={t('imports.transform.heading', { field: field.label[locale] })}
                  content={
                    <TransformEditor
                      field={field}
                      spec={spec}
                      onChange={(transforms) => change(field.key, withTransforms(spec, transforms))}
                    />
                  }
                >
                  <Button
                    size="small"
                    icon={<SettingOutlined />}
                    aria-label={t('imports.transform.edit', { field: field.label[locale] })}
                  />
                </Popover>
                {spec.multiply !== undefined && <Tag>× {spec.multiply}</Tag>}
                {spec.part && <Tag>{t(`imports.transform.parts.${spec.part}`)}</Tag>}
                {spec.values && (
                  <Tag>{t('imports.transform.valueCount', { count: Object.keys(spec.values).length })}</Tag>
                )}
              </Flex>
            );
          },
        },
      ]}
    />
  );
}
