import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { enumKey, enums, type ImportEntity } from '../shared/enums';
import {
  importsApi,
  type ImportMapping,
  type ImportPreview,
  type ReadOptions,
} from '../modules/imports/api/imports.api';
import { ImportJobView } from '../modules/imports/components/ImportJobView';

interface Uploaded {
  id: string;
  name: string;
}

/**
 * Import in four steps on one page: choose what the file holds and upload it; check the preview (sheet, encoding,
 * delimiter) and the mapping of columns to fields; start a dry run or the import as a background job; watch it and
 * read its problems.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const [entity, setEntity] = useState<ImportEntity>('customers');
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [options, setOptions] = useState<ReadOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [createCustomers, setCreateCustomers] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const fields = useQuery({
    queryKey: ['imports', 'fields', entity],
    queryFn: () => importsApi.fields(entity),
  });

  const previewFile = useMutation({
    mutationFn: (input: { uploadId: string; options: ReadOptions }) =>
      importsApi.preview(input.uploadId, { entity, ...input.options }),
    onSuccess: (data) => {
      setPreview(data);
      setMapping(data.mapping);
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => importsApi.upload(file),
    onSuccess: (data) => {
      setUploaded(data);
      setOptions({});
      setJobId(null);
      previewFile.mutate({ uploadId: data.id, options: {} });
    },
  });
  const start = useMutation({
    mutationFn: (dryRun: boolean) =>
      importsApi.start({
        entity,
        uploadIds: [uploaded!.id],
        mapping,
        dryRun,
        skipBadRows,
        ...options,
        ...(entity === 'orders' ? { createCustomers } : {}),
      }),
    onSuccess: (job) => setJobId(job.id),
  });

  const changeOptions = (next: ReadOptions) => {
    setOptions(next);
    if (uploaded) previewFile.mutate({ uploadId: uploaded.id, options: next });
  };
  const chooseEntity = (next: ImportEntity) => {
    setEntity(next);
    setPreview(null);
    setUploaded(null);
    setJobId(null);
  };
  const error = upload.error ?? previewFile.error ?? start.error;
  const missingRequired = (fields.data?.items ?? []).filter(
    (field) => field.required && !mapping[field.key]?.column,
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PagePanel
        title={t('imports.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={importsApi.blankUrl(entity)}>
            {t('imports.blank')}
          </Button>
        }
      >
        <Flex wrap gap={12} align="center">
          <label>
            {t('imports.entityLabel')}{' '}
            <Select<ImportEntity>
              aria-label={t('imports.entityLabel')}
              value={entity}
              onChange={chooseEntity}
              style={{ width: 160 }}
              options={enums.importEntity.map((value) => ({
                value,
                label: t(enumKey('importEntity', value)),
              }))}
            />
          </label>
          <label className="ant-btn ant-btn-primary" style={{ cursor: 'pointer' }}>
            <UploadOutlined /> {t('imports.chooseFile')}
            <input
              type="file"
              data-testid="import-file"
              accept=".csv,.tsv,.txt,.xlsx,.xlsm"
              style={{ display: 'none' }}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) upload.mutate(file);
                event.target.value = '';
              }}
            />
          </label>
          {uploaded && <Typography.Text>{uploaded.name}</Typography.Text>}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('imports.hint')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error.message} />}
      </PagePanel>

      {preview && uploaded && (
        <PagePanel title={t('imports.preview')}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Flex wrap gap={12}>
              {preview.format === 'xlsx' ? (
                <Select
                  aria-label={t('imports.sheet')}
                  value={preview.sheet ?? undefined}
                  placeholder={t('imports.sheet')}
                  style={{ width: 200 }}
                  options={(preview.sheets ?? []).map((sheet) => ({ value: sheet, label: sheet }))}
                  onChange={(sheet: string) => changeOptions({ ...options, sheet })}
                />
              ) : (
                <>
                  <Select
                    aria-label={t('imports.encoding')}
                    value={preview.encoding ?? undefined}
                    style={{ width: 160 }}
                    options={['utf-8', 'gb18030', 'utf-16le', 'utf-16be'].map((value) => ({
                      value,
                      label: value,
                    }))}
                    onChange={(encoding: string) => changeOptions({ ...options, encoding })}
                  />
                  <Select
                    aria-label={t('imports.delimiter')}
                    value={preview.delimiter ?? undefined}
                    style={{ width: 160 }}
                    options={Object.entries(delimiterLabels).map(([value, key]) => ({
                      value,
                      label: t(key),
                    }))}
                    onChange={(delimiter: string) => changeOptions({ ...options, delimiter })}
                  />
                </>
              )}
            </Flex>
            <Table<string[]>
              size="small"
              scroll={{ x: 'max-content' }}
              pagination={false}
              rowKey={(_, index) => String(index)}
              dataSource={preview.rows}
              columns={preview.headers.map((header, index) => ({
                title: header,
                key: String(index),
                render: (_, row) => row[index] ?? '',
              }))}
            />
            <Typography.Title level={5}>{t('imports.mapping')}</Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields.data?.items ?? []}
              columns={[
                {
                  title: t('imports.field'),
                  render: (_, field) => (
                    <span>
                      {field.label[locale]}
                      {field.required && <Typography.Text type="danger"> *</Typography.Text>}
                    </span>
                  ),
                },
                {
                  title: t('imports.fileColumn'),
                  render: (_, field) => (
                    <Select
                      allowClear
                      aria-label={field.label[locale]}
                      style={{ width: 240 }}
                      placeholder={t('imports.unmapped')}
                      value={mapping[field.key]?.column}
                      options={preview.headers.map((header) => ({ value: header, label: header }))}
                      onChange={(column?: string) =>
                        setMapping((current) => {
                          const next = { ...current };
                          if (column) next[field.key] = { column };
                          else delete next[field.key];
                          return next;
                        })
                      }
                    />
                  ),
                },
              ]}
            />
            <Flex wrap gap={16} align="center">
              <Checkbox checked={skipBadRows} onChange={(event) => setSkipBadRows(event.target.checked)}>
                {t('imports.skipBadRows')}
              </Checkbox>
              {entity === 'orders' && (
                <Checkbox
                  checked={createCustomers}
                  onChange={(event) => setCreateCustomers(event.target.checked)}
                >
                  {t('imports.createCustomers')}
                </Checkbox>
              )}
              <Button
                disabled={missingRequired.length > 0}
                loading={start.isPending}
                onClick={() => start.mutate(true)}
              >
                {t('imports.validate')}
              </Button>
              <Button
                type="primary"
                data-testid="import-commit"
                disabled={missingRequired.length > 0}
                loading={start.isPending}
                onClick={() => start.mutate(false)}
              >
                {t('imports.commit')}
              </Button>
              {missingRequired.length > 0 && (
                <Typography.Text type="warning">
                  {t('imports.missingRequired', {
                    fields: missingRequired
                      .map((field) => field.label[locale])
                      .join(locale === 'zh-CN' ? '、' : ', '),
                  })}
                </Typography.Text>
              )}
            </Flex>
          </Space>
        </PagePanel>
      )}

      {jobId && (
        <PagePanel title={t('imports.job')}>
          <ImportJobView jobId={jobId} />
        </PagePanel>
      )}
    </Space>
  );
}

/** The delimiters the server accepts, with the key of each one's label. */
const delimiterLabels: Readonly<Record<string, string>> = {
  ',': 'imports.delimiters.comma',
  '\t': 'imports.delimiters.tab',
  ';': 'imports.delimiters.semicolon',
  '|': 'imports.delimiters.pipe',
  whitespace: 'imports.delimiters.whitespace',
};
