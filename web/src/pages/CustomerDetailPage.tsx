import { useState } from 'react';
import { Button, Card, Dropdown, Space, Tabs } from 'antd';
import { DownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { QueryState } from '../shared/components/QueryState';
import { CustomerHeader } from '../modules/customers/components/CustomerHeader';
import { CustomerProfile } from '../modules/customers/components/CustomerProfile';
import { useCustomer } from '../modules/customers/hooks/useCustomers';
import { MissingCustomer } from '../modules/customers/components/MissingCustomer';
import { ContactTable } from '../modules/contacts/components/ContactTable';
import { ContactDrawer } from '../modules/contacts/components/ContactDrawer';
import { RelationshipTable } from '../modules/relationships/components/RelationshipTable';
import { OrderTable } from '../modules/orders/components/OrderTable';
import { OrderDrawer } from '../modules/orders/components/OrderDrawer';
import { OpportunityTable } from '../modules/opportunities/components/OpportunityTable';
import { ReferralTable } from '../modules/referrals/components/ReferralTable';
import { OpportunityDrawer } from '../modules/opportunities/components/OpportunityDrawer';
import { PaymentTable } from '../modules/payments/components/PaymentTable';
import { PaymentDrawer } from '../modules/payments/components/PaymentDrawer';
import { ActivityTimeline } from '../modules/activities/components/ActivityTimeline';
import { ActivityDrawer } from '../modules/activities/components/ActivityDrawer';
import { HistoryTimeline } from '../modules/audit/components/HistoryTimeline';
import { CustomerTimeline } from '../modules/timeline/components/CustomerTimeline';
import { CustomerGradeTags, CustomerGrading } from '../modules/grading/components/CustomerGrading';
import { CustomerForecastCard } from '../modules/clv/components/CustomerForecastCard';
import { ReleaseButton } from '../modules/pool/components/ReleaseButton';

type DrawerName = 'contact' | 'activity' | 'order' | 'payment' | 'opportunity';
const drawers = {
  contact: ContactDrawer,
  activity: ActivityDrawer,
  order: OrderDrawer,
  payment: PaymentDrawer,
  opportunity: OpportunityDrawer,
};

export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const [drawer, setDrawer] = useState<DrawerName | null>(null);

  // Only the open drawer is mounted, so the lists it offers (orders, contacts) load when they are needed.
  const OpenDrawer = drawer ? drawers[drawer] : null;

  if (!Number.isInteger(id) || id <= 0 || (customer.error instanceof ApiError && customer.error.isNotFound))
    return <MissingCustomer id={id} />;

  const actions = (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => void navigate(`/customers/${id}/edit`)}>
        {t('action.edit')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: (Object.keys(drawers) as DrawerName[]).map((name) => ({
            key: name,
            label: t(`${name}.create`),
          })),
          onClick: ({ key }) => setDrawer(key as DrawerName),
        }}
      >
        <Button type="primary" icon={<PlusOutlined />}>
          {t('action.add')} <DownOutlined />
        </Button>
      </Dropdown>
      {customer.data?.ownerId != null && (
        <ReleaseButton
          customerId={id}
          name={customer.data.name}
          size="middle"
          onReleased={() => void navigate('/customers')}
        />
      )}
    </Space>
  );

  return (
    <QueryState query={customer}>
      {(data) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <CustomerHeader customer={data} actions={actions} grades={<CustomerGradeTags customerId={id} />} />
          <CustomerForecastCard customerId={id} />
          <Card variant="borderless">
            <Tabs
              items={[
                { key: 'profile', label: t('detail.profile'), children: <CustomerProfile customer={data} /> },
                { key: 'grading', label: t('detail.grading'), children: <CustomerGrading customerId={id} /> },
                {
                  key: 'timeline',
                  label: t('detail.timeline'),
                  children: <CustomerTimeline customerId={id} />,
                },
                { key: 'contacts', label: t('detail.contacts'), children: <ContactTable customerId={id} /> },
                {
                  key: 'relationships',
                  label: t('detail.relationships'),
                  children: <RelationshipTable customerId={id} />,
                },
                {
                  key: 'referrals',
                  label: t('detail.referrals'),
                  children: <ReferralTable customerId={id} />,
                },
                { key: 'orders', label: t('detail.orders'), children: <OrderTable customerId={id} /> },
                { key: 'payments', label: t('detail.payments'), children: <PaymentTable customerId={id} /> },
                {
                  key: 'opportunities',
                  label: t('detail.opportunities'),
                  children: <OpportunityTable customerId={id} />,
                },
                {
                  key: 'activities',
                  label: t('detail.activities'),
                  children: <ActivityTimeline customerId={id} />,
                },
                { key: 'history', label: t('detail.history'), children: <HistoryTimeline customerId={id} /> },
              ]}
            />
          </Card>
          {OpenDrawer && <OpenDrawer customerId={id} open onClose={() => setDrawer(null)} />}
        </Space>
      )}
    </QueryState>
  );
}
