import { Alert, App, Button, Descriptions, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format/dates';
import type { Batch } from '../api/messaging.api';
import { useBatch, useExportBatch, useRetryFailed, useSendBatch } from '../hooks/useMessaging';
import { MessagesTable } from './MessagesTable';
import { StatusCounts } from './StatusCounts';

function Actions({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendBatch();
  const retry = useRetryFailed();
  const exportDrafts = useExportBatch();
  const fail = (error: Error) => void message.error(error.message);
  return (
    <Space wrap>
      <Button
        type="primary"
        disabled={!batch.channelReady || batch.counts.draft === 0}
        loading={send.isPending}
        onClick={() =>
          send.mutate(batch.id, {
            onSuccess: (result) => void message.success(t('messaging.queued', { count: result.queued })),
            onError: fail,
          })
        }
      >
        {t('messaging.send', { count: batch.counts.draft })}
      </Button>
      <Dropdown
        disabled={batch.counts.draft + batch.counts.exported === 0}
        menu={{
          items: (['csv', 'xlsx'] as const).map((format) => ({
            key: format,
            label: format.toUpperCase(),
            onClick: () => exportDrafts.mutate({ id: batch.id, format }, { onError: fail }),
          })),
        }}
      >
        <Button loading={exportDrafts.isPending}>{t('messaging.export')}</Button>
      </Dropdown>
      {batch.counts.failed > 0 && (
        <Button danger loading={retry.isPending} onClick={() => retry.mutate(batch.id, { onError: fail })}>
          {t('messaging.retryFailed', { count: batch.counts.failed })}
        </Button>
      )}
    </Space>
  );
}

/** One batch: its template and segment, progress and counts, the send/export actions, and every draft. */
export function BatchDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const batch = useBatch(id);
  return (
    <QueryState query={batch}>
      {(data) => (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Link to="/messages/batches">← {t('messaging.tabs.batches')}</Link>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="batch-title">
            {data.name}
          </Typography.Title>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('messaging.template')}>{data.templateName}</Descriptions.Item>
            <Descriptions.Item label={t('messaging.channel')}>
              {t(`messaging.channels.${data.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('messaging.recipients')}>
              {t(`messaging.recipientChoices.${data.recipients}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('messaging.createdBy')}>{data.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('messaging.createdAt')}>
              {formatDateTime(data.createdAt)}
            </Descriptions.Item>
            {data.holiday && (
              <Descriptions.Item label={t('messaging.holiday')}>{data.holiday}</Descriptions.Item>
            )}
          </Descriptions>
          <StatusCounts batch={data} />
          {!data.channelReady && (
            <Alert
              type="info"
              showIcon
              title={t('messaging.noChannel', { channel: t(`messaging.channels.${data.channel}`) })}
            />
          )}
          <Actions batch={data} />
          <MessagesTable batchId={data.id} live={data.counts.queued + data.counts.sending > 0} />
        </Space>
      )}
    </QueryState>
  );
}
