import { useState } from 'react';
import { Button, Flex, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldMapping, ImportField } from '../api/imports.api';
import { canMultiply, canTakePart, type Transforms } from '../mapping';

interface ValueRow {
  from: string;
  to: string;
}

/**
 * A field's transforms: file values mapped to stored values (an enum's codes offered as targets), the date or time
 * part of a date-time cell, a multiplier for amounts. Rows being typed stay here until they have a file value.
 */
export function TransformEditor({
  field,
  spec,
  onChange,
}: {
  field: ImportField;
  spec: FieldMapping;
  onChange: (transforms: Transforms) => void;
}) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<ValueRow[]>(() =>
    Object.entries(spec.values ?? {}).map(([from, to]) => ({ from, to })),
  );
  const current: Transforms = { values: spec.values, part: spec.part, multiply: spec.multiply };
  const changeRows = (next: ValueRow[]) => {
    setRows(next);
    onChange({
      ...current,
      values: Object.fromEntries(
        next.filter((row) => row.from.trim() !== '').map((row) => [row.from.trim(), row.to]),
      ),
    });
  };
  // The accepted labels are Chinese and the codes English words: each reader gets the one they read.
  const codeOptions = Object.entries(field.values ?? {}).map(([code, labels]) => ({
    value: code,
    label: i18n.language === 'zh-CN' && labels[0] ? `${labels[0]}（${code}）` : code,
  }));

  return (
    <Space orientation="vertical" size={12} style={{ width: 380 }}>
      {canMultiply(field) && (
        <label>
          <Typography.Text strong>{t('imports.transform.multiply')}</Typography.Text>
          <InputNumber<number>
            aria-label={t('imports.transform.multiply')}
            min={0.000001}
            placeholder="1"
            value={spec.multiply ?? null}
            onChange={(multiply) => onChange({ ...current, multiply: multiply ?? undefined })}
            style={{ width: '100%', marginTop: 4 }}
          />
          <Typography.Text type="secondary">{t('imports.transform.multiplyHint')}</Typography.Text>
        </label>
      )}
      {canTakePart(field) && (
        <label>
          <Typography.Text strong>{t('imports.transform.part')}</Typography.Text>
          <Select<'whole' | 'date' | 'time'>
            aria-label={t('imports.transform.part')}
            value={spec.part ?? 'whole'}
            onChange={(part) => onChange({ ...current, part: part === 'whole' ? undefined : part })}
            style={{ width: '100%', marginTop: 4 }}
            options={(['whole', 'date', 'time'] as const).map((value) => ({
              value,
              label: t(`imports.transform.parts.${value}`),
            }))}
          />
        </label>
      )}
      <div>
        <Typography.Text strong>{t('imports.transform.values')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('imports.transform.valuesHint')}
        </Typography.Paragraph>
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {rows.map((row, index) => {
            const update = (change: Partial<ValueRow>) =>
              changeRows(rows.map((other, i) => (i === index ? { ...other, ...change } : other)));
            return (
              <Flex key={index} gap={6} align="center">
                <Input
                  aria-label={t('imports.transform.from')}
                  placeholder={t('imports.transform.from')}
                  value={row.from}
                  onChange={(event) => update({ from: event.target.value })}
                />
                <span aria-hidden>→</span>
                {codeOptions.length ? (
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    aria-label={t('imports.transform.to')}
                    placeholder={t('imports.transform.to')}
                    value={row.to || undefined}
                    options={codeOptions}
                    onChange={(to: string) => update({ to })}
                    style={{ width: '100%' }}
                  />
                ) : (
                  <Input
                    aria-label={t('imports.transform.to')}
                    placeholder={t('imports.transform.to')}
                    value={row.to}
                    onChange={(event) => update({ to: event.target.value })}
                  />
                )}
                <Button
                  type="text"
                  aria-label={t('imports.transform.remove')}
                  icon={<DeleteOutlined />}
                  onClick={() => changeRows(rows.filter((_, i) => i !== index))}
                />
              </Flex>
            );
          })}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => changeRows([...rows, { from: '', to: '' }])}
          >
            {t('imports.transform.addValue')}
          </Button>
        </Space>
      </div>
    </Space>
  );
}
