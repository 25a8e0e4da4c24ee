import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { toPayload, withDates } from '../../../shared/api/form-values';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { MoneyInput } from '../../../shared/components/MoneyInput';
import { useRules } from '../../../shared/components/useRules';
import type { RecordDrawerProps } from '../../customers/components/CustomerRecordDrawer';
import { stageName, type Opportunity } from '../api/opportunities.api';
import { useOpportunityStages, useSaveOpportunity } from '../hooks/useOpportunities';

const fieldNames = [
  'name',
  'amount',
  'stage',
  'probability',
  'expectedCloseDate',
  'lostReason',
  'note',
] as const;

/** Fields an edit may clear: an emptied one is sent as null, so that it is cleared rather than left as it was. */
const clearable = ['probability', 'expectedCloseDate', 'lostReason', 'note'] as const;

function payloadOf(values: Record<string, unknown>, editing: boolean): Record<string, unknown> {
  const payload = toPayload<Record<string, unknown>>(values);
  if (editing) for (const field of clearable) payload[field] ??= null;
  return payload;
}

/**
 * Creates an opportunity for the customer, or edits one (moving it to another stage records the stage change and
 * its date on the server). A lost opportunity asks for its reason; the probability is left empty to follow the
 * stage's own.
 */
export function OpportunityDrawer({
  customerId,
  open,
  onClose,
  opportunity,
}: RecordDrawerProps & { opportunity?: Opportunity }) {
  const { t, i18n } = useTranslation();
  const rules = useRules();
  const stages = useOpportunityStages();
  const save = useSaveOpportunity(customerId, opportunity?.id);
  const isLost = (code: unknown) => stages.data?.find((s) => s.code === code)?.outcome === 'lost';

  return (
    <FormDrawer<Record<string, unknown>>
      title={t(opportunity ? 'opportunity.edit' : 'opportunity.create')}
      open={open}
      onClose={onClose}
      fieldNames={fieldNames}
      initialValues={
        opportunity
          ? withDates({ ...opportunity }, ['expectedCloseDate'])
          : { stage: stages.data?.find((s) => s.outcome === 'open')?.code }
      }
      onSubmit={(values) => save.mutateAsync(payloadOf(values, opportunity !== undefined))}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="name" label={t('opportunity.name')} rules={[rules.required, rules.max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="amount" label={t('funnel.amount')}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="stage" label={t('funnel.stage')} rules={[rules.requiredValue]}>
            <Select
              loading={stages.isPending}
              options={(stages.data ?? []).map((s) => ({
                value: s.code,
                label: `${stageName(s, i18n.language)} · ${s.probability}%`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="expectedCloseDate" label={t('opportunity.expectedClose')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="probability"
            label={t('opportunity.probabilityOverride')}
            tooltip={t('opportunity.probabilityHint')}
          >
            <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Form.Item noStyle dependencies={['stage']}>
          {({ getFieldValue }) =>
            isLost(getFieldValue('stage')) && (
              <Col span={24}>
                <Form.Item
                  name="lostReason"
                  label={t('opportunity.lostReason')}
                  rules={[rules.required, rules.max(500)]}
                >
                  <Input />
                </Form.Item>
              </Col>
            )
          }
        </Form.Item>
        <Col span={24}>
          <Form.Item name="note" label={t('opportunity.note')} rules={[rules.max(2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
