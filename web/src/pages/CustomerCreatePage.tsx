import { App } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { useActor } from '../modules/auth/hooks/useSession';
import { CustomerForm } from '../modules/customers/components/CustomerForm';
import { useCreateCustomer } from '../modules/customers/hooks/useCustomers';

export default function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const actor = useActor();
  const create = useCreateCustomer();
  return (
    <PagePanel title={t('customer.create')}>
      <CustomerForm
        canAssign={actor.role !== 'rep'}
        onCancel={() => void navigate('/customers')}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          void message.success(t('customerForm.created'));
          void navigate(`/customers/${created.id}`);
        }}
      />
    </PagePanel>
  );
}
