import { Space, Tag, Timeline, Typography } from 'antd';
import {
  CalendarOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  TeamOutlined,
  WechatOutlined,
  CarOutlined,
  EllipsisOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { RecordsFootnote } from '../../../shared/components/RecordsFootnote';
import { enumKey, type ActivityKind } from '../../../shared/enums';
import { formatDateTime } from '../../../shared/format/dates';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Activity } from '../api/activities.api';

/** An icon per kind of follow-up, shared with the customer's timeline. */
export const activityIcons: Record<ActivityKind, ReactNode> = {
  visit: <CarOutlined />,
  call: <PhoneOutlined />,
  email: <MailOutlined />,
  sms: <MessageOutlined />,
  wechat: <WechatOutlined />,
  meeting: <TeamOutlined />,
  other: <EllipsisOutlined />,
};

export function ActivityTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const activities = useCustomerRecords<Activity>(customerId, 'activities');
  return (
    <QueryState query={activities} isEmpty={(data) => !data.items.length} emptyText={t('activity.empty')}>
      {(data) => (
        <>
          <Timeline
            items={data.items.map((activity) => ({
              key: activity.id,
              icon: activityIcons[activity.kind],
              content: (
                <Space orientation="vertical" size={2}>
                  <Space wrap>
                    <Typography.Text type="secondary">{formatDateTime(activity.at)}</Typography.Text>
                    <Tag>{t(enumKey('activityKind', activity.kind))}</Tag>
                    <Typography.Text strong>{activity.subject}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary">
                    {[
                      activity.userName,
                      activity.contactName && t('activity.with', { name: activity.contactName }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  {activity.note && (
                    <Typography.Paragraph style={{ margin: 0 }}>{activity.note}</Typography.Paragraph>
                  )}
                  {activity.nextActionAt && (
                    <Typography.Text type="warning">
                      <CalendarOutlined /> {t('activity.nextActionAt')}:{' '}
                      {formatDateTime(activity.nextActionAt)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            }))}
          />
          <RecordsFootnote shown={data.items.length} total={data.total} />
        </>
      )}
    </QueryState>
  );
}
