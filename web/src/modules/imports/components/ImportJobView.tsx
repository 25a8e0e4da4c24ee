import { Alert, Button, Descriptions, Progress, Space, Table, Tag } from 'antd';
import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { importsApi, type ImportJob, type ImportProblem } from '../api/imports.api';

const POLL_MS = 500;

const stateColors: Record<ImportJob['state'], string> = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** A background import: its progress while it runs (with cancel), then its counts and problems. */
export function ImportJobView({ jobId }: { jobId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ['imports', 'job', jobId],
    queryFn: () => importsApi.job(jobId),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });
  const cancel = useMutation({
    mutationFn: () => importsApi.cancel(jobId),
    onSuccess: (data) => client.setQueryData(['imports', 'job', jobId], data),
  });
  if (!job.data) return null;
  const { state, progress, result, error } = job.data;
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-job">
      <Space wrap>
        <Tag color={stateColors[state]}>{t(`imports.state.${state}`)}</Tag>
        {job.data.dryRun && <Tag>{t('imports.dryRun')}</Tag>}
        {state === 'running' && (
          <Button icon={<StopOutlined />} danger loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('imports.cancel')}
          </Button>
        )}
      </Space>
      <Progress
        percent={Math.round(progress.fraction * 100)}
        status={state === 'failed' ? 'exception' : undefined}
      />
      <span>
        {t('imports.progress', {
          rows: progress.rows.toLocaleString(locale),
          rate: progress.rowsPerSecond.toLocaleString(locale),
          eta: progress.etaSeconds ?? '—',
        })}
      </span>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('imports.rows')}>{result.rows}</Descriptions.Item>
            <Descriptions.Item label={t('imports.inserted')}>{result.inserted}</Descriptions.Item>
            <Descriptions.Item label={t('imports.updated')}>{result.updated}</Descriptions.Item>
            <Descriptions.Item label={t('imports.unchanged')}>{result.unchanged}</Descriptions.Item>
            <Descriptions.Item label={t('imports.badRows')}>{result.badRows}</Descriptions.Item>
            <Descriptions.Item label={t('imports.gradeChanges')}>{result.gradeChanges}</Descriptions.Item>
            <Descriptions.Item label={t('imports.committed')}>
              {result.committed ? t('imports.yes') : t('imports.no')}
            </Descriptions.Item>
          </Descriptions>
          {result.problemCount > 0 && (
            <>
              <Space wrap>
                <Alert
                  type="warning"
                  showIcon
                  title={t('imports.problemCount', { count: result.problemCount })}
                />
                <Button icon={<DownloadOutlined />} href={importsApi.problemsUrl(jobId, 'xlsx')}>
                  {t('imports.problemReport')} (XLSX)
                </Button>
                <Button icon={<DownloadOutlined />} href={importsApi.problemsUrl(jobId, 'csv')}>
                  {t('imports.problemReport')} (CSV)
                </Button>
              </Space>
              <Table<ImportProblem>
                size="small"
                rowKey={(problem) => `${problem.file}:${problem.row}:${problem.field}`}
                dataSource={result.problems}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('imports.row'), dataIndex: 'row', width: 80 },
                  { title: t('imports.column'), dataIndex: 'column', width: 160 },
                  { title: t('imports.value'), dataIndex: 'value', width: 200, ellipsis: true },
                  { title: t('imports.reason'), render: (_, problem) => problem.message[locale] },
                ]}
              />
            </>
          )}
        </>
      )}
    </Space>
  );
}
