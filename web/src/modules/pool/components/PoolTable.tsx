import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import type { PoolCustomer } from '../api/pool.api';
import { useClaim } from '../hooks/usePool';

const reasonColours = { recalled: 'orange', released: 'default' } as const;

interface PoolTableProps {
  items: PoolCustomer[];
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}

/** Pool customers with why and when they came back, and a claim button for each. */
export function PoolTable({ items, total, page, pageSize, onPage }: PoolTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claim = useClaim();
  const claimOne = async (customer: PoolCustomer) => {
    try {
      await claim.mutateAsync(customer.id);
      void message.success(t('pool.claimed', { name: customer.name }));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Table<PoolCustomer>
      size="middle"
      rowKey="id"
      dataSource={items}
      data-testid="pool-table"
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: false }}
      columns={[
        { title: t('pool.code'), dataIndex: 'code', width: 110 },
        {
          title: t('pool.name'),
          dataIndex: 'name',
          width: 260,
          render: (name: string, customer) => (
            <>
              <Typography.Text strong>{name}</Typography.Text>
              {customer.note && (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis>
                  {customer.note}
                </Typography.Paragraph>
              )}
            </>
          ),
        },
        {
          title: t('pool.region'),
          key: 'region',
          width: 130,
          render: (_, customer) => [customer.province, customer.city].filter(Boolean).join(' ') || '—',
        },
        {
          title: t('pool.team'),
          dataIndex: 'teamName',
          width: 120,
          render: (team: string | null) => team ?? t('pool.sharedPool'),
        },
        {
          title: t('pool.grade'),
          dataIndex: 'gradeCode',
          width: 70,
          render: (grade: string | null) => (grade ? <Tag>{grade}</Tag> : '—'),
        },
        {
          title: t('pool.reason'),
          key: 'reason',
          width: 200,
          render: (_, customer) => (
            <>
              <Tag color={reasonColours[customer.reason]}>{t(`pool.reasons.${customer.reason}`)}</Tag>
              <Typography.Text type="secondary">
                {formatDate(customer.enteredOn)}
                {customer.fromOwner ? ` · ${customer.fromOwner.name}` : ''}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('pool.lastContact'),
          dataIndex: 'lastContact',
          width: 120,
          render: (day: string | null) => (day ? formatDate(day) : '—'),
        },
        {
          title: t('worklist.actions'),
          key: 'actions',
          width: 100,
          render: (_, customer) => (
            <Popconfirm
              title={t('pool.claimConfirm', { name: customer.name })}
              okText={t('pool.claim')}
              cancelText={t('action.cancel')}
              onConfirm={() => claimOne(customer)}
            >
              <Button size="small" type="primary">
                {t('pool.claim')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
