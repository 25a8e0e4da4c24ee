import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  CustomerRecordDrawer,
  type RecordDrawerProps,
} from '../../customers/components/CustomerRecordDrawer';
import { useRules } from '../../../shared/components/useRules';
import { enumKey, enums } from '../../../shared/enums';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Contact } from '../../contacts/api/contacts.api';

const fieldNames = ['kind', 'at', 'contactId', 'subject', 'note', 'nextActionAt'] as const;
const dateTimeFields = ['at', 'nextActionAt'] as const;

export function ActivityDrawer({ customerId, open, onClose }: RecordDrawerProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const contacts = useCustomerRecords<Contact>(customerId, 'contacts');

  return (
    <CustomerRecordDrawer
      customerId={customerId}
      resource="activities"
      title={t('activity.create')}
      open={open}
      onClose={onClose}
      fieldNames={fieldNames}
      initialValues={{ kind: 'call', at: dayjs() }}
      dateTimeFields={dateTimeFields}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kind" label={t('activity.kind')} rules={[rules.requiredValue]}>
            <Select
              options={enums.activityKind.map((kind) => ({
                value: kind,
                label: t(enumKey('activityKind', kind)),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="at" label={t('activity.at')} rules={[rules.requiredValue]}>
            <DatePicker showTime={{ format: 'HH:mm' }} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="contactId" label={t('activity.contact')}>
            <Select
              allowClear
              loading={contacts.isPending}
              options={(contacts.data?.items ?? []).map((contact) => ({
                value: contact.id,
                label: contact.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="subject" label={t('activity.subject')} rules={[rules.required, rules.max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('activity.note')} rules={[rules.max(4000)]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nextActionAt" label={t('activity.nextActionAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </CustomerRecordDrawer>
  );
}
