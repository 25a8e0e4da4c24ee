import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../shared/components/QueryState';
import { formatDateTime } from '../shared/format/dates';
import { inLanguage, type Alert } from '../modules/alerts/api/alerts.api';
import { runResultsPath } from '../modules/grading/resultsFilter';
import { useAlerts, useMarkAlertsRead } from '../modules/alerts/hooks/useAlerts';

const kindColours: Record<string, string> = {
  upgrade: 'green',
  downgrade: 'orange',
  entered_top: 'blue',
  left_top: 'gold',
  churn_risk: 'red',
  pool_warning: 'purple',
};

/** The user's inbox: what changed about their customers (their team's, for a manager), newest first. */
export default function AlertsPage() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const alerts = useAlerts(unreadOnly);
  const markRead = useMarkAlertsRead();

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('alerts.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => setUnreadOnly(value === 'unread')}
            options={[
              { value: 'unread', label: t('alerts.unread') },
              { value: 'all', label: t('alerts.all') },
            ]}
          />
          <Button
            icon={<CheckOutlined />}
            loading={markRead.isPending}
            onClick={() => markRead.mutate('all')}
          >
            {t('alerts.readAll')}
          </Button>
        </Space>
      }
    >
      <QueryState
        query={alerts}
        isEmpty={(page) => page.items.length === 0}
        emptyText={t(unreadOnly ? 'alerts.noneUnread' : 'alerts.none')}
      >
        {(page) => (
          <Table<Alert>
            rowKey="id"
            size="small"
            data-testid="alert-table"
            dataSource={page.items}
            pagination={false}
            footer={() =>
              page.capped
                ? t('alerts.totalCapped', { limit: (page.total - 1).toLocaleString() })
                : t('alerts.total', { count: page.total })
            }
            columns={[
              {
                title: t('alerts.when'),
                dataIndex: 'createdAt',
                width: 170,
                render: (value: string) => formatDateTime(value),
              },
              {
                title: t('alerts.kind'),
                dataIndex: 'kind',
                width: 120,
                render: (kind: string) => <Tag color={kindColours[kind]}>{t(`alerts.kinds.${kind}`)}</Tag>,
              },
              {
                title: t('alerts.customer'),
                key: 'customer',
                render: (_: unknown, alert: Alert) => (
                  <Link to={`/customers/${alert.customer.id}`}>{alert.customer.name}</Link>
                ),
              },
              {
                title: t('alerts.message'),
                key: 'message',
                render: (_: unknown, alert: Alert) => (
                  <Typography.Text strong={!alert.read}>
                    {inLanguage(alert.message, i18n.language)}
                  </Typography.Text>
                ),
              },
              {
                title: t('alerts.model'),
                key: 'model',
                width: 200,
                render: (_: unknown, alert: Alert) => (
                  <Space orientation="vertical" size={0}>
                    {inLanguage(alert.model.name, i18n.language)}
                    {alert.runId !== null && (
                      <Link to={runResultsPath(alert.runId, { moved: true })}>
                        {t('alerts.runMovers', { id: alert.runId })}
                      </Link>
                    )}
                  </Space>
                ),
              },
              {
                key: 'read',
                width: 110,
                render: (_: unknown, alert: Alert) =>
                  alert.read ? (
                    <Typography.Text type="secondary">{t('alerts.isRead')}</Typography.Text>
                  ) : (
                    <Button size="small" onClick={() => markRead.mutate(alert.id)}>
                      {t('alerts.markRead')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
