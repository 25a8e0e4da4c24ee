import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useRules } from '../../../shared/components/useRules';
import { authApi } from '../api/auth.api';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

/** One's own password: the current one proves it is the user; the user's other sessions end, this one stays. */
export function PasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<PasswordValues>();
  const change = useMutation({ mutationFn: authApi.changePassword });
  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      void message.success(t('password.changed'));
      onClose();
    } catch (error) {
      for (const text of applyServerErrors(form, error, ['currentPassword', 'newPassword']))
        void message.error(text);
    }
  };
  return (
    <Modal
      open
      title={t('password.title')}
      okText={t('action.save')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[rules.requiredValue]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[rules.requiredValue, { min: 8, message: t('password.hint') }, rules.max(200)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeated"
          label={t('password.repeat')}
          dependencies={['newPassword']}
          rules={[
            rules.requiredValue,
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
