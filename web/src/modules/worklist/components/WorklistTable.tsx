import { Button, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { ReleaseButton } from '../../pool/components/ReleaseButton';
import type { ItemKind, WorklistItem } from '../api/worklist.api';
import { ItemDetail } from './ItemDetail';
import { SnoozeButton } from './SnoozeButton';

export const kindColours: Record<ItemKind, string> = {
  contact_overdue: 'volcano',
  pool_recall: 'orange',
  birthday: 'magenta',
  holiday: 'red',
  repurchase: 'blue',
  downgrade: 'gold',
  churn_risk: 'purple',
};

interface WorklistTableProps {
  items: WorklistItem[];
  today: string;
  /** Whose list it is: items of other owners are the team's escalations. */
  userId: number;
  onLogActivity: (customerId: number) => void;
}

/** One row per item: what to do, for which customer, by when, and the actions that close or defer it. */
export function WorklistTable({ items, today, userId, onLogActivity }: WorklistTableProps) {
  const { t } = useTranslation();
  return (
    <Table<WorklistItem>
      size="middle"
      rowKey="key"
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="worklist-table"
      columns={[
        {
          title: t('worklist.kind'),
          dataIndex: 'kind',
          width: 130,
          render: (kind: ItemKind) => <Tag color={kindColours[kind]}>{t(`worklist.kinds.${kind}`)}</Tag>,
        },
        {
          title: t('worklist.customer'),
          key: 'customer',
          render: (_, item) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/customers/${item.customer.id}`}>{item.customer.name}</Link>
              <ItemDetail item={item} />
            </Space>
          ),
        },
        {
          title: t('worklist.grade'),
          dataIndex: 'gradeCode',
          width: 70,
          render: (grade: string | null) => (grade ? <Tag>{grade}</Tag> : '—'),
        },
        {
          title: t('worklist.due'),
          key: 'due',
          width: 160,
          render: (_, item) => (
            <Space size={4} wrap>
              <Typography.Text>{formatDate(item.due)}</Typography.Text>
              {item.overdueDays > 0 && (
                <Typography.Text type="danger">
                  {t('worklist.overdueDays', { count: item.overdueDays })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('worklist.owner'),
          key: 'owner',
          width: 130,
          render: (_, item) => (
            <Space size={4} wrap>
              {item.ownerId !== userId && <Typography.Text>{item.ownerName}</Typography.Text>}
              {item.escalated && <Tag color="red">{t('worklist.escalated')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('worklist.actions'),
          key: 'actions',
          width: 300,
          render: (_, item) => (
            <Space size={6} wrap>
              <Button
                size="small"
                type="primary"
                icon={<EditOutlined />}
                onClick={() => onLogActivity(item.customer.id)}
              >
                {t('worklist.logActivity')}
              </Button>
              <SnoozeButton item={item} today={today} />
              {item.kind === 'pool_recall' && (
                <ReleaseButton customerId={item.customer.id} name={item.customer.name} />
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
