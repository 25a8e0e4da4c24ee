import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CustomerRecordDrawer,
  type RecordDrawerProps,
} from '../../customers/components/CustomerRecordDrawer';
import { useRules } from '../../../shared/components/useRules';
import { enumKey, enums } from '../../../shared/enums';

const fieldNames = [
  'name',
  'title',
  'department',
  'buyingRole',
  'phone',
  'email',
  'wechat',
  'birthday',
  'gender',
  'hometown',
  'school',
  'interests',
  'isKey',
  'note',
] as const;

export function ContactDrawer({ customerId, open, onClose }: RecordDrawerProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const text = (name: (typeof fieldNames)[number], max: number) => (
    <Form.Item name={name} label={t(`contact.${name}`)} rules={[rules.max(max)]}>
      <Input />
    </Form.Item>
  );

  return (
    <CustomerRecordDrawer
      customerId={customerId}
      resource="contacts"
      title={t('contact.create')}
      open={open}
      onClose={onClose}
      fieldNames={fieldNames}
      initialValues={{ isKey: false }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('contact.name')} rules={[rules.required, rules.max(100)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="buyingRole" label={t('contact.buyingRole')}>
            <Select
              allowClear
              options={enums.buyingRole.map((role) => ({
                value: role,
                label: t(enumKey('buyingRole', role)),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>{text('title', 100)}</Col>
        <Col span={12}>{text('department', 100)}</Col>
        <Col span={12}>{text('phone', 50)}</Col>
        <Col span={12}>
          <Form.Item name="email" label={t('contact.email')} rules={[rules.email, rules.max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>{text('wechat', 100)}</Col>
        <Col span={12}>
          <Form.Item name="birthday" label={t('contact.birthday')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="gender" label={t('contact.gender')}>
            <Select
              allowClear
              options={enums.gender.map((gender) => ({ value: gender, label: t(enumKey('gender', gender)) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isKey" label={t('contact.isKey')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>{text('hometown', 100)}</Col>
        <Col span={12}>{text('school', 100)}</Col>
        <Col span={24}>
          <Form.Item name="interests" label={t('contact.interests')} rules={[rules.max(500)]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('contact.note')} rules={[rules.max(2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </CustomerRecordDrawer>
  );
}
