import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Shown for unknown paths and for records the user may not see: both look the same, on purpose. */
export default function NotFoundPage({ title }: { title?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title ?? t('notFound.title')}
      subTitle={t('notFound.hint')}
      extra={
        <Button type="primary" onClick={() => void navigate('/customers')}>
          {t('notFound.backToCustomers')}
        </Button>
      }
    />
  );
}
