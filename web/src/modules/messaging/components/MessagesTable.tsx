import { useState } from 'react';
import { Button, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, useCursors } from '../../../shared/components/CursorPager';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format/dates';
import { messageStatuses, type Message, type MessageStatus } from '../api/messaging.api';
import { useMessages, useRetryMessage } from '../hooks/useMessaging';
import { StatusTag } from './StatusCounts';

/**
 * Messages of one batch or of all the user may see, filtered by state, a page at a time; failed ones show why
 * and can be sent again. The list refreshes itself while anything is still on its way.
 */
export function MessagesTable({ batchId, live }: { batchId?: number; live: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MessageStatus | undefined>();
  const cursors = useCursors();
  const { cursor } = cursors;
  const messages = useMessages({ batchId, status, cursor }, live);
  const retry = useRetryMessage();
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Select
          allowClear
          aria-label={t('messaging.statusFilter')}
          placeholder={t('messaging.statusFilter')}
          style={{ width: 160 }}
          value={status}
          onChange={(value?: MessageStatus) => {
            setStatus(value);
            cursors.reset();
          }}
          options={messageStatuses.map((s) => ({ value: s, label: t(`messaging.status.${s}`) }))}
        />
        {messages.data && (
          <Typography.Text type="secondary">
            {t('state.total', { total: messages.data.total })}
          </Typography.Text>
        )}
      </Flex>
      <QueryState
        query={messages}
        isEmpty={(page) => page.items.length === 0}
        emptyText={t('messaging.noMessages')}
      >
        {(page) => (
          <>
            <Table<Message>
              size="small"
              rowKey="id"
              data-testid="message-table"
              dataSource={page.items}
              pagination={false}
              expandable={{
                expandedRowRender: (row) => (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {row.body}
                  </Typography.Paragraph>
                ),
              }}
              columns={[
                {
                  title: t('messaging.customer'),
                  dataIndex: 'customerName',
                  render: (name: string, row) => <Link to={`/customers/${row.customerId}`}>{name}</Link>,
                },
                {
                  title: t('messaging.recipient'),
                  key: 'recipient',
                  render: (_: unknown, row) => `${row.recipientName} <${row.recipient}>`,
                },
                { title: t('messaging.subject'), dataIndex: 'subject', ellipsis: true },
                {
                  title: t('messaging.warnings'),
                  dataIndex: 'warnings',
                  render: (warnings: string[]) =>
                    warnings.length ? (
                      <Typography.Text type="warning">{warnings.join(', ')}</Typography.Text>
                    ) : null,
                },
                {
                  title: t('messaging.statusLabel'),
                  dataIndex: 'status',
                  render: (s: MessageStatus) => <StatusTag status={s} />,
                },
                { title: t('messaging.attempts'), dataIndex: 'attempts', align: 'right' },
                {
                  title: t('messaging.lastEvent'),
                  key: 'when',
                  render: (_: unknown, row) =>
                    row.lastError ? (
                      <Typography.Text type="danger">{row.lastError}</Typography.Text>
                    ) : (
                      formatDateTime(row.sentAt ?? row.exportedAt ?? row.nextAttemptAt)
                    ),
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, row) =>
                    row.status === 'failed' && (
                      <Button size="small" loading={retry.isPending} onClick={() => retry.mutate(row.id)}>
                        {t('action.retry')}
                      </Button>
                    ),
                },
              ]}
            />
            <CursorPager cursors={cursors} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}
