import { App } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { useActor } from '../modules/auth/hooks/useSession';
import { CustomerForm } from '../modules/customers/components/CustomerForm';
import { useCustomer, useUpdateCustomer } from '../modules/customers/hooks/useCustomers';
import NotFoundPage from './NotFoundPage';

export default function CustomerEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const actor = useActor();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const update = useUpdateCustomer(id);

  if (!Number.isInteger(id) || id <= 0 || (customer.error instanceof ApiError && customer.error.isNotFound))
    return <NotFoundPage title={t('customer.notFound')} />;

  return (
    <PagePanel title={t('customer.edit')}>
      <QueryState query={customer}>
        {(data) => (
          <CustomerForm
            customer={data}
            canAssign={actor.role !== 'rep'}
            onCancel={() => void navigate(`/customers/${id}`)}
            onSubmit={async (input) => {
              await update.mutateAsync(input);
              void message.success(t('customerForm.saved'));
              void navigate(`/customers/${id}`);
            }}
          />
        )}
      </QueryState>
    </PagePanel>
  );
}
