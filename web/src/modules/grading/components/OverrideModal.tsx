import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { pickLocalised } from '../../../shared/format/localised';
import type { CustomerGrade } from '../api/grading.api';
import { useOverride } from '../hooks/useGrading';

interface OverrideValues {
  grade: string;
  reason: string;
  expiresOn?: Dayjs | null;
}

/** A manager's grade by hand: which grade, why, and until when (optional). */
export function OverrideModal({
  customerId,
  grade,
  onClose,
}: {
  customerId: number;
  grade: CustomerGrade;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const { set } = useOverride(customerId, grade.modelId);
  const submit = async (values: OverrideValues) => {
    try {
      await set.mutateAsync({
        grade: values.grade,
        reason: values.reason,
        expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : null,
      });
      void message.success(t('override.saved'));
      onClose();
    } catch (error) {
      for (const text of applyServerErrors(form, error, ['grade', 'reason', 'expiresOn']))
        void message.error(text);
    }
  };
  return (
    <Modal
      open
      title={t('override.title', { model: pickLocalised(grade.modelName, i18n.language) })}
      okText={t('action.save')}
      onOk={() => form.submit()}
      confirmLoading={set.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<OverrideValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          grade: grade.override?.grade ?? grade.grade ?? undefined,
          reason: grade.override?.reason,
        }}
      >
        <Form.Item
          name="grade"
          label={t('override.grade')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={grade.ladder.map((g) => ({
              value: g.code,
              label: pickLocalised(g.name, i18n.language),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('override.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('override.expiresOn')} extra={t('override.expiresHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
