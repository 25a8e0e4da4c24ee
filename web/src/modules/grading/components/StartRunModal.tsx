import { useState } from 'react';
import { Button, DatePicker, Form, Modal, Result, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../shared/format/localised';
import type { GradingModel, RunSummary } from '../api/grading.api';
import { useStartRun } from '../hooks/useGrading';

/** Starts a run; the API answers when the run is done, so the dialog shows a spinner and then the summary. */
export function StartRunModal({
  models,
  initialModelId,
  onClose,
}: {
  models: readonly GradingModel[];
  initialModelId?: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const start = useStartRun();
  const [form] = Form.useForm<{ modelId: number; asOf: Dayjs }>();
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const submit = (values: { modelId: number; asOf: Dayjs }) =>
    start.mutate(
      { modelId: values.modelId, asOf: values.asOf.format('YYYY-MM-DD') },
      { onSuccess: setSummary },
    );
  return (
    <Modal open title={t('runs.start')} onCancel={onClose} footer={null} destroyOnHidden>
      {summary ? (
        <Result
          status="success"
          title={t('runs.done', { population: summary.population.toLocaleString() })}
          subTitle={t('runs.doneDetail', {
            changed: summary.changed.toLocaleString(),
            ms: summary.timings.totalMs ?? 0,
          })}
          extra={[
            <Button key="open" type="primary" onClick={() => void navigate(`/grading/runs/${summary.runId}`)}>
              {t('runs.openRun')}
            </Button>,
            <Button key="close" onClick={onClose}>
              {t('action.close')}
            </Button>,
          ]}
        />
      ) : (
        <Spin spinning={start.isPending} description={t('runs.running')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ modelId: initialModelId ?? models.find((m) => m.active)?.id, asOf: dayjs() }}
            onFinish={submit}
          >
            <Form.Item
              name="modelId"
              label={t('runs.model')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                options={models.map((m) => ({ value: m.id, label: pickLocalised(m.name, i18n.language) }))}
              />
            </Form.Item>
            <Form.Item
              name="asOf"
              label={t('runs.asOf')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            {start.error && <Form.ErrorList errors={[start.error.message]} />}
            <Button type="primary" htmlType="submit" loading={start.isPending} block>
              {t('runs.startNow')}
            </Button>
          </Form>
        </Spin>
      )}
    </Modal>
  );
}
