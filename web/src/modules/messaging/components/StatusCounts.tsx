import { Progress, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { messageStatuses, type Batch, type MessageStatus } from '../api/messaging.api';

export const statusColours: Record<MessageStatus, string> = {
  draft: 'default',
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  exported: 'purple',
};

export function StatusTag({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status]}>{t(`messaging.status.${status}`)}</Tag>;
}

/** How far a batch has gone: handed over (sent or exported) out of all, and every state's count. */
export function StatusCounts({ batch, compact = false }: { batch: Batch; compact?: boolean }) {
  const { t } = useTranslation();
  const done = batch.counts.sent + batch.counts.exported;
  const percent = batch.total ? Math.round((done / batch.total) * 100) : 0;
  return (
    <Space wrap size={4} data-testid={`batch-counts-${batch.id}`}>
      <Tooltip title={t('messaging.handedOver', { done, total: batch.total })}>
        <Progress
          percent={percent}
          size={compact ? 'small' : 'default'}
          status={batch.counts.failed ? 'exception' : undefined}
          style={{ width: compact ? 120 : 240, margin: 0 }}
        />
      </Tooltip>
      {messageStatuses
        .filter((status) => batch.counts[status] > 0)
        .map((status) => (
          <Tag key={status} color={statusColours[status]}>
            {t(`messaging.status.${status}`)} {batch.counts[status]}
          </Tag>
        ))}
    </Space>
  );
}
