import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoneyShort } from '../../../shared/format/money';
import type { Customer } from '../api/customers.api';
import { LifecycleTag } from './LifecycleTag';

/** Who the customer is and what it is worth, above the detail tabs. */
export function CustomerHeader({
  customer,
  actions,
  grades,
}: {
  customer: Customer;
  actions: ReactNode;
  grades?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { stats } = customer;
  const figures = [
    { key: 'amount', title: t('customer.totalAmount'), value: formatMoneyShort(stats.amount, i18n.language) },
    { key: 'profit', title: t('customer.totalProfit'), value: formatMoneyShort(stats.profit, i18n.language) },
    { key: 'orders', title: t('customer.orderCount'), value: stats.orderCount.toLocaleString() },
    { key: 'lastOrder', title: t('customer.lastOrder'), value: formatDate(stats.lastOrder) || '—' },
    {
      key: 'unpaid',
      title: t('customer.unpaidAmount'),
      value: formatMoneyShort(stats.unpaidAmount, i18n.language),
    },
    { key: 'lastContact', title: t('customer.lastContact'), value: formatDate(stats.lastContact) || '—' },
  ];
  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <Space orientation="vertical" size={6}>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
              {customer.name}
            </Typography.Title>
            <LifecycleTag stage={customer.lifecycleStage} locked={customer.lifecycleLocked} />
            {grades}
          </Space>
          <Space wrap size={16}>
            <Typography.Text type="secondary">
              {t('customer.code')}: {customer.code}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('customer.owner')}: {customer.ownerName ?? t('customer.unowned')}
            </Typography.Text>
            {customer.teamName && <Typography.Text type="secondary">{customer.teamName}</Typography.Text>}
          </Space>
          {customer.tags.length > 0 && (
            <Space size={[0, 4]} wrap>
              {customer.tags.map((tag) => (
                <Tag key={tag} color="processing">
                  {tag}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
        {actions}
      </Flex>
      <Row gutter={[16, 16]} style={{ marginTop: 20 }}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={8} xl={4}>
            <Statistic title={figure.title} value={figure.value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
