import { useState } from 'react';
import {
  Alert,
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { toPayload, withDates } from '../../../shared/api/form-values';
import { MoneyInput } from '../../../shared/components/MoneyInput';
import { useRules } from '../../../shared/components/useRules';
import { enumKey, enums } from '../../../shared/enums';
import { useDictionaryOptions } from '../../dictionaries/hooks/useDictionary';
import { useTeamOptions, useUserOptions } from '../../users/hooks/useUsers';
import type { Customer, CustomerInput } from '../api/customers.api';
import { provinces } from '../provinces';

const fieldNames = [
  'code',
  'name',
  'shortName',
  'type',
  'lifecycleStage',
  'lifecycleLocked',
  'ownerId',
  'teamId',
  'province',
  'city',
  'address',
  'industry',
  'nature',
  'sizeBand',
  'headcount',
  'registeredCapital',
  'annualRevenue',
  'industryPosition',
  'legalRepresentative',
  'phone',
  'website',
  'creditLimit',
  'paymentTermsDays',
  'source',
  'potentialDemand',
  'shareOfWallet',
  'upcomingPurchaseVolume',
  'expectedCloseDate',
  'tags',
] as const;

interface CustomerFormProps {
  customer?: Customer;
  canAssign: boolean;
  onSubmit: (input: CustomerInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Create and edit share one form; on edit every field is sent, blanks as null, so clearing a field clears it. */
export function CustomerForm({ customer, canAssign, onSubmit, onCancel }: CustomerFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const owners = useUserOptions(canAssign);
  const teams = useTeamOptions(canAssign);
  const options = {
    type: useDictionaryOptions('customer_type'),
    industry: useDictionaryOptions('industry'),
    nature: useDictionaryOptions('enterprise_nature'),
    source: useDictionaryOptions('source'),
  };
  const enumOptions = (list: 'lifecycle' | 'sizeBand') =>
    enums[list].map((value) => ({ value, label: t(enumKey(list, value)) }));

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setProblems([]);
    try {
      const input = toPayload<CustomerInput>(values, { keepBlank: Boolean(customer) });
      if (customer && !canAssign) {
        delete input.ownerId;
        delete input.teamId;
      }
      await onSubmit(input);
    } catch (error) {
      setProblems(applyServerErrors(form, error, fieldNames));
    } finally {
      setSaving(false);
    }
  };

  const item = (
    name: (typeof fieldNames)[number],
    control: React.ReactNode,
    extraRules: object[] = [],
    span = 8,
  ) => (
    <Col xs={24} md={12} xl={span}>
      <Form.Item name={name} label={t(`customer.${name}`)} rules={extraRules}>
        {control}
      </Form.Item>
    </Col>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={
        customer ? withDates(customer, ['expectedCloseDate']) : { type: 'customer', lifecycleStage: 'target' }
      }
      onFinish={(values) => void submit(values)}
      scrollToFirstError
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems.join(' ')} />
      )}
      <Divider titlePlacement="start">{t('customerForm.basic')}</Divider>
      <Row gutter={16}>
        {item('name', <Input />, [rules.required, rules.max(200)])}
        {item('shortName', <Input />, [rules.max(100)])}
        {item('code', <Input placeholder={t('customerForm.codeHint')} />, [rules.code, rules.max(50)])}
        {item('type', <Select options={options.type} />)}
        {item('lifecycleStage', <Select options={enumOptions('lifecycle')} />)}
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="lifecycleLocked" label={t('customer.lifecycleLocked')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {canAssign &&
          item('ownerId', <Select allowClear showSearch optionFilterProp="label" options={owners} />)}
        {canAssign && item('teamId', <Select allowClear options={teams} />)}
        {item('source', <Select allowClear options={options.source} />)}
        {item('tags', <Select mode="tags" tokenSeparators={[',', '，']} />, [], 24)}
      </Row>
      <Divider titlePlacement="start">{t('customerForm.company')}</Divider>
      <Row gutter={16}>
        {item(
          'province',
          <Select allowClear showSearch options={provinces.map((p) => ({ value: p, label: p }))} />,
        )}
        {item('city', <Input />, [rules.max(50)])}
        {item('address', <Input />, [rules.max(300)])}
        {item(
          'industry',
          <Select allowClear showSearch optionFilterProp="label" options={options.industry} />,
        )}
        {item('nature', <Select allowClear options={options.nature} />)}
        {item('sizeBand', <Select allowClear options={enumOptions('sizeBand')} />)}
        {item('headcount', <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />)}
        {item('registeredCapital', <MoneyInput />)}
        {item('annualRevenue', <MoneyInput />)}
        {item('industryPosition', <Input />, [rules.max(200)])}
        {item('legalRepresentative', <Input />, [rules.max(50)])}
        {item('phone', <Input />, [rules.max(50)])}
        {item('website', <Input />, [rules.max(200)])}
      </Row>
      <Divider titlePlacement="start">{t('customerForm.commercial')}</Divider>
      <Row gutter={16}>
        {item('creditLimit', <MoneyInput />)}
        {item('paymentTermsDays', <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />)}
        {item('potentialDemand', <MoneyInput />)}
        {item('shareOfWallet', <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />)}
        {item('upcomingPurchaseVolume', <MoneyInput />)}
        {item('expectedCloseDate', <DatePicker style={{ width: '100%' }} />)}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('action.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </Space>
    </Form>
  );
}
