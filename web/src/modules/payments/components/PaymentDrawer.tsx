import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { MoneyInput } from '../../../shared/components/MoneyInput';
import { useRules } from '../../../shared/components/useRules';
import { toPayload } from '../../../shared/api/form-values';
import { formatMoney } from '../../../shared/format/money';
import { useCreateCustomerRecord, useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Order } from '../../orders/api/orders.api';
import type { PaymentInput } from '../api/payments.api';

const fieldNames = ['orderId', 'dueDate', 'paidDate', 'amount', 'note'] as const;

export function PaymentDrawer({
  customerId,
  open,
  onClose,
}: {
  customerId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const create = useCreateCustomerRecord<PaymentInput>(customerId, 'payments');
  const orders = useCustomerRecords<Order>(customerId, 'orders');

  return (
    <FormDrawer<Record<string, unknown>>
      title={t('payment.create')}
      open={open}
      onClose={onClose}
      fieldNames={fieldNames}
      onSubmit={(values) => create.mutateAsync(toPayload<PaymentInput>(values))}
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
            <DatePicker style={{ width: '100%' }} />
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
    </FormDrawer>
  );
}
