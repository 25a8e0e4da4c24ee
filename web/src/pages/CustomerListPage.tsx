import { useState } from 'react';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, MergeCellsOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { useActor } from '../modules/auth/hooks/useSession';
import { useModelLookup } from '../modules/grading/hooks/useModelLookup';
import { BulkAssignBar } from '../modules/customers/components/BulkAssignBar';
import { CustomerFilters } from '../modules/customers/components/CustomerFilters';
import { CustomerTable } from '../modules/customers/components/CustomerTable';
import { ExportMenu } from '../shared/components/ExportMenu';
import { customersApi } from '../modules/customers/api/customers.api';
import { SavedViews } from '../modules/customers/components/SavedViews';
import { useCustomerCount, useCustomerList } from '../modules/customers/hooks/useCustomers';
import { useCustomerListParams } from '../modules/customers/hooks/useCustomerListParams';

export default function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const state = useCustomerListParams();
  const list = useCustomerList(state.params);
  const count = useCustomerCount(state.params);
  const { models, byId } = useModelLookup();
  const [selected, setSelected] = useState<number[]>([]);
  const canAssign = actor.role !== 'rep';
  const page = state.cursors.length + 1;

  return (
    <PagePanel
      title={t('nav.customers')}
      extra={
        <Space>
          <ExportMenu href={(format) => customersApi.exportUrl(state.params, format)} />
          <Button icon={<MergeCellsOutlined />} onClick={() => void navigate('/customers/duplicates')}>
            {t('merge.pageTitle')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/customers/new')}>
            {t('customer.create')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <SavedViews state={state} userId={actor.id} />
        <CustomerFilters state={state} showOwner={canAssign} models={models.data?.items ?? []} />
        {canAssign && selected.length > 0 && (
          <BulkAssignBar selected={selected} onDone={() => setSelected([])} />
        )}
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
          models={byId}
          selection={canAssign ? { selected, onChange: setSelected } : undefined}
        />
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">
            {count.data ? t('customerList.total', { total: count.data.total }) : ''}
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
