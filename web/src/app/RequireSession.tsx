import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { useSession } from '../modules/auth/hooks/useSession';

/** Renders its children for a logged-in user; sends everyone else to the login page and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <Spin size="large" fullscreen />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 401)
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    return (
      <Result
        status="error"
        title={t('state.loadFailed')}
        subTitle={session.error.message}
        extra={<Button onClick={() => void session.refetch()}>{t('action.retry')}</Button>}
      />
    );
  }
  return <>{children}</>;
}
