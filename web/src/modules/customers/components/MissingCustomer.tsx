import { Button, Result, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import NotFoundPage from '../../../pages/NotFoundPage';
import { customersApi } from '../api/customers.api';

/**
 * A customer page that finds no customer: if it was merged into one the user sees, the old link (an alert, a
 * bookmark) says so and leads there; otherwise the plain not-found page, the same as for a customer never seen.
 */
export function MissingCustomer({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const survivor = useQuery({
    queryKey: ['customers', id, 'merged-into'],
    queryFn: () => customersApi.mergedInto(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (survivor.isLoading) return <Skeleton active />;
  const merged = survivor.data?.survivor;
  if (!merged) return <NotFoundPage title={t('customer.notFound')} />;
  const { code, name } = merged;
  return (
    <Result
      status="info"
      title={t('merge.mergedInto', { code, name })}
      extra={
        <Button type="primary" onClick={() => void navigate(`/customers/${merged.id}`)}>
          {t('merge.openSurvivor', { code })}
        </Button>
      }
    />
  );
}
