import { useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../api/form-errors';

interface FormDrawerProps<V> {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Field names of the form, so server problems on other paths are shown at the top instead of lost. */
  fieldNames: readonly string[];
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  children: ReactNode;
}

/** A side drawer with a form whose server-side validation errors land on the fields that caused them. */
export function FormDrawer<V extends object>({
  title,
  open,
  onClose,
  fieldNames,
  initialValues,
  onSubmit,
  children,
}: FormDrawerProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const close = () => {
    form.resetFields();
    setProblems([]);
    onClose();
  };
  const submit = async (values: V) => {
    setSaving(true);
    setProblems([]);
    try {
      await onSubmit(values);
      close();
    } catch (error) {
      setProblems(applyServerErrors(form as FormInstance, error, fieldNames));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={title}
      open={open}
      onClose={close}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('action.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems.join(' ')} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        {children}
      </Form>
    </Drawer>
  );
}
