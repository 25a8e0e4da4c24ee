import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import type { Credentials } from '../api/auth.api';
import { useLogin } from '../hooks/useSession';

function errorText(error: unknown, retryLabel: (seconds: number) => string): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  return error.retryAfterSeconds ? `${error.message} ${retryLabel(error.retryAfterSeconds)}` : error.message;
}

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();

  return (
    <Form<Credentials>
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess: onLoggedIn })}
    >
      {login.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorText(login.error, (seconds) =>
            t('login.retryAfter', { count: Math.ceil(seconds / 60) }),
          )}
        />
      )}
      <Form.Item
        name="login"
        label={t('login.login')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('login.loginPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
