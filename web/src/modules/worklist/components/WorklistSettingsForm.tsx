import { App, Button, Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { QueryState } from '../../../shared/components/QueryState';
import { worklistApi, type WorklistSettings } from '../api/worklist.api';

const settingsKey = ['worklist', 'settings'];

/** Each setting with the largest value the API accepts; the labels and hints say what each one moves. */
const worklistFields = [
  ['birthdayLeadDays', 60],
  ['holidayLeadDays', 60],
  ['repurchaseLeadDays', 60],
  ['downgradeDays', 365],
  ['escalationDays', 365],
  ['greetingMaxRatio', 100],
] as const;
const poolFields = [
  ['poolWarningDays', 90],
  ['maxClaimsPerDay', 10_000],
  ['reclaimBlockDays', 3650],
] as const;

interface FormValues extends Omit<WorklistSettings, 'maxOwned'> {
  capByUser: boolean;
  maxOwned: number | null;
}

/** Admins: when worklist items appear and escalate, and how the public pool warns, limits claims and blocks reclaims. */
export function WorklistSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: settingsKey, queryFn: worklistApi.settings });
  const save = useMutation({
    mutationFn: worklistApi.saveSettings,
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
  const capByUser = Form.useWatch('capByUser', form);
  const submit = async ({ capByUser: byUser, ...values }: FormValues) => {
    try {
      await save.mutateAsync({ ...values, maxOwned: byUser ? null : values.maxOwned });
      void message.success(t('settings.saved'));
    } catch (error) {
      const fields = [...worklistFields, ...poolFields].map(([name]) => name as string);
      for (const text of applyServerErrors(form, error, [...fields, 'maxOwned'])) void message.error(text);
    }
  };
  const field = ([name, max]: readonly [keyof WorklistSettings, number]) => (
    <Col xs={24} md={12} xl={8} key={name}>
      <Form.Item
        name={name}
        label={t(`settings.worklist.fields.${name}`)}
        extra={t(`settings.worklist.hints.${name}`)}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={name === 'downgradeDays' || name === 'greetingMaxRatio' ? 1 : 0} max={max} />
      </Form.Item>
    </Col>
  );

  return (
    <QueryState query={settings}>
      {(data) => (
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ ...data, capByUser: data.maxOwned === null }}
          onFinish={(values) => void submit(values)}
          style={{ maxWidth: 1000 }}
        >
          <Typography.Title level={5}>{t('settings.worklist.worklist')}</Typography.Title>
          <Row gutter={24}>{worklistFields.map(field)}</Row>
          <Typography.Title level={5}>{t('settings.worklist.pool')}</Typography.Title>
          <Row gutter={24}>
            {poolFields.map(field)}
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name="capByUser"
                label={t('settings.worklist.fields.maxOwned')}
                valuePropName="checked"
                extra={t('settings.worklist.hints.maxOwned')}
              >
                <Switch
                  checkedChildren={t('settings.worklist.byCapacity')}
                  unCheckedChildren={t('settings.worklist.fixed')}
                />
              </Form.Item>
              {!capByUser && (
                <Form.Item name="maxOwned" rules={[{ required: true, message: t('validation.required') }]}>
                  <InputNumber aria-label={t('settings.worklist.fields.maxOwned')} min={0} max={100_000} />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('action.save')}
          </Button>
        </Form>
      )}
    </QueryState>
  );
}
