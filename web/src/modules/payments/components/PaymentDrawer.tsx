import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../shared/components/MoneyInput';
import {
  CustomerRecordDrawer,
  type RecordDrawerProps,
} from '../../customers/components/CustomerRecordDrawer';
import { useRules } from '../../../shared/components/useRules';
import { formatMoney } from '../../../shared/format/money';
import { isAfterToday } from '../../../shared/format/dates';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Order } from '../../orders/api/orders.api';

const fieldNames = ['orderId', 'dueDate', 'paidDate', 'amount', 'note'] as const;

export function PaymentDrawer({ customerId, open, onClose }: RecordDrawerProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const orders = useCustomerRecords<Order>(customerId, 'orders');

  return (
    <CustomerRecordDrawer
      customerId={customerId}
      resource="payments"
      title={t('payment.create')}
      open={open}
      onClose={onClose}
      fieldNames={fieldNames}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="orderId" label={t('payment.order')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={orders.isPending}
              options={(orders.data?.items ?? []).map((order) => ({
                value: order.id,
                label: `${order.orderNo} · ${formatMoney(order.amount)}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="dueDate" label={t('payment.dueDate')} rules={[rules.requiredValue]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="paidDate" label={t('payment.paidDate')}>
            <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="amount" label={t('payment.amount')} rules={[rules.requiredValue]}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('payment.note')} rules={[rules.max(2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </CustomerRecordDrawer>
  );
}
