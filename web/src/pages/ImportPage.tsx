import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { enumKey, enums, type ImportEntity } from '../shared/enums';
import {
  importsApi,
  type EntityOptions,
  type ImportMapping,
  type ImportPreview,
  type ImportTemplate,
  type ReadOptions,
} from '../modules/imports/api/imports.api';
import { ImportJobView } from '../modules/imports/components/ImportJobView';
import { MappingTable } from '../modules/imports/components/MappingTable';
import { OrderOptions } from '../modules/imports/components/OrderOptions';
import { TemplatePicker } from '../modules/imports/components/TemplatePicker';
import { isMapped } from '../modules/imports/mapping';

interface Uploaded {
  id: string;
  name: string;
}

/**
 * Import in four steps on one page: choose what the files hold (and a saved template, if the layout comes back) and
 * upload them; check the preview (sheet, encoding, delimiter) and the mapping of columns, constants and transforms
 * to fields; start a dry run or the import as a background job; watch it and read its problems.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const [entity, setEntity] = useState<ImportEntity>('customers');
  const [uploads, setUploads] = useState<Uploaded[]>([]);
  const [options, setOptions] = useState<ReadOptions>({});
  const [entityOptions, setEntityOptions] = useState<EntityOptions>({});
  const [template, setTemplate] = useState<ImportTemplate | undefined>();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fields = useQuery({
    queryKey: ['imports', 'fields', entity],
    queryFn: () => importsApi.fields(entity),
  });

  // A template's mapping survives a new preview; without one, the columns are matched to fields afresh.
  const previewFile = useMutation({
    mutationFn: (input: { uploadId: string; options: ReadOptions; mapping?: ImportMapping }) =>
      importsApi.preview(input.uploadId, { entity, ...input.options }),
    onSuccess: (data, input) => {
      setPreview(data);
      setMapping(input.mapping ?? data.mapping);
    },
  });
  // Several files of one layout (a year of monthly exports) import as one job; the first one is previewed.
  const upload = useMutation({
    mutationFn: (files: File[]) => Promise.all(files.map((file) => importsApi.upload(file))),
    onSuccess: (data) => {
      setUploads(data);
      setJobId(null);
      previewFile.mutate({ uploadId: data[0]!.id, options, mapping: template?.mapping });
    },
  });
  const start = useMutation({
    mutationFn: (dryRun: boolean) =>
      importsApi.start({
        entity,
        uploadIds: uploads.map((file) => file.id),
        mapping,
        dryRun,
        skipBadRows,
        ...options,
        ...(entity === 'orders' ? entityOptions : {}),
      }),
    onSuccess: (job) => setJobId(job.id),
  });

  // A new encoding, delimiter or sheet keeps a chosen template's mapping; the template being chosen is passed in.
  const changeOptions = (next: ReadOptions, nextMapping = template?.mapping) => {
    setOptions(next);
    if (uploads[0]) previewFile.mutate({ uploadId: uploads[0].id, options: next, mapping: nextMapping });
  };
  const chooseTemplate = (chosen: ImportTemplate | undefined) => {
    setTemplate(chosen);
    if (!chosen) return;
    const { encoding, delimiter, sheet, ...forEntity } = chosen.options;
    setEntityOptions(forEntity);
    setMapping(chosen.mapping);
    changeOptions({ encoding, delimiter, sheet }, chosen.mapping);
  };
  const chooseEntity = (next: ImportEntity) => {
    setEntity(next);
    setPreview(null);
    setUploads([]);
    setTemplate(undefined);
    setEntityOptions({});
    setOptions({});
    setJobId(null);
  };
  const error = upload.error ?? previewFile.error ?? start.error;
  const missingRequired = (fields.data?.items ?? []).filter(
    (field) => field.required && !isMapped(mapping[field.key]),
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
          <Flex gap={6} align="center">
            <span>{t('imports.templates.label')}</span>
            <TemplatePicker
              entity={entity}
              chosen={template?.name}
              onChoose={chooseTemplate}
              canSave={preview !== null}
              current={() => ({
                entity,
                mapping,
                options: { ...options, ...(entity === 'orders' ? entityOptions : {}) },
              })}
            />
          </Flex>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            onClick={() => fileInput.current?.click()}
          >
            {t('imports.chooseFile')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            data-testid="import-file"
            accept=".csv,.tsv,.txt,.xlsx,.xlsm"
            style={{ display: 'none' }}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              if (files.length) upload.mutate(files);
              event.target.value = '';
            }}
          />
          {uploads.map((file) => (
            <Tag key={file.id}>{file.name}</Tag>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('imports.hint')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error.message} />}
      </PagePanel>

      {preview && uploads.length > 0 && (
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
            <MappingTable
              fields={fields.data?.items ?? []}
              headers={preview.headers}
              mapping={mapping}
              onChange={setMapping}
            />
            {entity === 'orders' && <OrderOptions options={entityOptions} onChange={setEntityOptions} />}
            <Flex wrap gap={16} align="center">
              <Checkbox checked={skipBadRows} onChange={(event) => setSkipBadRows(event.target.checked)}>
                {t('imports.skipBadRows')}
              </Checkbox>
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
