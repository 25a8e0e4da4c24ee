import { Alert, Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { useActor } from '../modules/auth/hooks/useSession';
import { CustomerFilters } from '../modules/customers/components/CustomerFilters';
import { CustomerTable } from '../modules/customers/components/CustomerTable';
import { useCustomerList } from '../modules/customers/hooks/useCustomers';
import { useCustomerListParams } from '../modules/customers/hooks/useCustomerListParams';

export default function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const state = useCustomerListParams();
  const list = useCustomerList(state.params);
  const page = state.cursors.length + 1;

  return (
    <PagePanel
      title={t('nav.customers')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/customers/new')}>
          {t('customer.create')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <CustomerFilters state={state} showOwner={actor.role !== 'rep'} />
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={t('state.loadFailed')}
            description={list.error.message}
            action={<Button onClick={() => void list.refetch()}>{t('action.retry')}</Button>}
          />
        )}
        <CustomerTable
          customers={list.data?.items ?? []}
          loading={list.isFetching}
          sort={state.params.sort}
          order={state.params.order}
          onSort={state.setSort}
        />
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">
            {list.data ? t('customerList.total', { total: list.data.total }) : ''}
          </Typography.Text>
          <Space>
            <Typography.Text type="secondary">{t('customerList.page', { page })}</Typography.Text>
            <Button icon={<LeftOutlined />} disabled={page === 1} onClick={state.previous}>
              {t('action.previous')}
            </Button>
            <Button
              disabled={!list.data?.nextCursor}
              onClick={() => list.data?.nextCursor && state.next(list.data.nextCursor)}
            >
              {t('action.next')}
              <RightOutlined />
            </Button>
          </Space>
        </Flex>
      </Space>
    </PagePanel>
  );
}
