import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../shared/components/MoneyInput';
import {
  CustomerRecordDrawer,
  type RecordDrawerProps,
} from '../../customers/components/CustomerRecordDrawer';
import { useRules } from '../../../shared/components/useRules';
import { enumKey, enums } from '../../../shared/enums';

const fieldNames = ['orderNo', 'orderDate', 'amount', 'cost', 'status', 'note'] as const;

export function OrderDrawer({ customerId, open, onClose }: RecordDrawerProps) {
  const { t } = useTranslation();
  const rules = useRules();

  return (
    <CustomerRecordDrawer
      customerId={customerId}
      resource="orders"
      title={t('order.create')}
      open={open}
      onClose={onClose}
      fieldNames={fieldNames}
      initialValues={{ orderDate: dayjs(), status: 'confirmed' }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="orderNo" label={t('order.orderNo')} rules={[rules.required, rules.max(50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="orderDate" label={t('order.orderDate')} rules={[rules.requiredValue]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="amount" label={t('order.amount')} rules={[rules.requiredValue]}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="cost" label={t('order.cost')}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="status" label={t('order.status')}>
            <Select
              options={enums.orderStatus.map((status) => ({
                value: status,
                label: t(enumKey('orderStatus', status)),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('order.note')} rules={[rules.max(2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </CustomerRecordDrawer>
  );
}
