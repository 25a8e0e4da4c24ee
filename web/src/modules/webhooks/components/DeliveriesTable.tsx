import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursors } from '../../../shared/components/CursorPager';
import { JsonBlock } from '../../../shared/components/JsonBlock';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format/dates';
import { webhookEventKey, type Delivery } from '../api/webhooks.api';
import { useDeliveries, useRetryDelivery } from '../hooks/useWebhooks';

const statusColours: Record<Delivery['status'], string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

/** What was sent and each attempt's answer, for the person who has to tell the integrator what went wrong. */
function DeliveryDetail({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  return (
    <Flex gap={24} wrap>
      <JsonBlock title={t('settings.webhooks.payload')} value={delivery.payload} />
      <div style={{ flex: '1 1 360px' }}>
        <Typography.Text strong>{t('settings.webhooks.attempts')}</Typography.Text>
        <Table
          size="small"
          rowKey="at"
          pagination={false}
          dataSource={delivery.log}
          locale={{ emptyText: t('settings.webhooks.noAttempts') }}
          columns={[
            { title: t('settings.webhooks.at'), dataIndex: 'at', render: formatDateTime },
            {
              title: t('settings.webhooks.statusCode'),
              dataIndex: 'statusCode',
              render: (code: number | null) => code ?? '—',
            },
            {
              title: t('settings.webhooks.duration'),
              dataIndex: 'durationMs',
              render: (ms: number) => `${ms} ms`,
            },
            {
              title: t('settings.webhooks.error'),
              dataIndex: 'error',
              render: (error: string | null) => error ?? '',
            },
          ]}
        />
      </div>
    </Flex>
  );
}

/** A webhook's deliveries, newest first, a page at a time; a failed or pending one can be sent again now. */
export function DeliveriesTable({ webhookId }: { webhookId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cursors = useCursors();
  const deliveries = useDeliveries(webhookId, cursors.cursor);
  const retry = useRetryDelivery();
  return (
    <QueryState
      query={deliveries}
      isEmpty={(page) => page.items.length === 0 && cursors.atStart}
      emptyText={t('settings.webhooks.noDeliveries')}
    >
      {(page) => (
        <>
          <Table<Delivery>
            size="small"
            rowKey="id"
            dataSource={page.items}
            pagination={false}
            expandable={{ expandedRowRender: (delivery) => <DeliveryDetail delivery={delivery} /> }}
            columns={[
              { title: t('settings.webhooks.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
              {
                title: t('settings.webhooks.event'),
                dataIndex: 'event',
                render: (event: string) => t(webhookEventKey(event)),
              },
              {
                title: t('settings.webhooks.status'),
                dataIndex: 'status',
                render: (status: Delivery['status']) => (
                  <Tag color={statusColours[status]}>{t(`settings.webhooks.statuses.${status}`)}</Tag>
                ),
              },
              { title: t('settings.webhooks.attemptCount'), dataIndex: 'attempts', align: 'right' },
              {
                title: t('settings.webhooks.lastAnswer'),
                key: 'last',
                render: (_, delivery) =>
                  [delivery.lastStatusCode, delivery.lastError].filter((part) => part !== null).join(' · ') ||
                  '—',
              },
              {
                title: t('settings.webhooks.nextAttempt'),
                key: 'next',
                render: (_, delivery) =>
                  delivery.status === 'delivered'
                    ? formatDateTime(delivery.deliveredAt)
                    : formatDateTime(delivery.nextAttemptAt) || '—',
              },
              {
                title: '',
                key: 'actions',
                render: (_, delivery) =>
                  delivery.status !== 'delivered' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        retry
                          .mutateAsync(delivery.id)
                          .then(() => void message.success(t('settings.webhooks.retried')))
                          .catch((error: Error) => void message.error(error.message))
                      }
                    >
                      {t('settings.webhooks.retry')}
                    </Button>
                  ),
              },
            ]}
          />
          <CursorPager
            cursors={cursors}
            nextCursor={page.nextCursor}
            summary={
              <Typography.Text type="secondary">
                {t('settings.webhooks.total', { count: page.total })}
              </Typography.Text>
            }
          />
        </>
      )}
    </QueryState>
  );
}
