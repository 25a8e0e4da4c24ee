import { useState } from 'react';
import { Button, Input, Popconfirm, Popover, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerListState } from '../hooks/useCustomerListParams';
import { useSavedViews } from '../hooks/useSavedViews';

export function SavedViews({ state, userId }: { state: CustomerListState; userId: number }) {
  const { t } = useTranslation();
  const { views, save, remove } = useSavedViews(userId);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const current = views.find((view) => view.query === state.filterQuery);

  const submit = () => {
    if (!name.trim()) return;
    save({ name: name.trim(), query: state.filterQuery });
    setName('');
    setNaming(false);
  };

  return (
    <Space size={4}>
      <Select
        allowClear
        placeholder={t('customerList.views')}
        aria-label={t('customerList.views')}
        style={{ width: 180 }}
        value={current?.name}
        notFoundContent={t('customerList.noViews')}
        options={views.map((view) => ({ value: view.name, label: view.name }))}
        onChange={(chosen: string | undefined) =>
          state.applyFilterQuery(views.find((view) => view.name === chosen)?.query ?? '')
        }
      />
      <Popover
        open={naming}
        onOpenChange={setNaming}
        trigger="click"
        title={t('customerList.saveView')}
        content={
          <Space.Compact>
            <Input
              autoFocus
              maxLength={40}
              aria-label={t('customerList.viewName')}
              placeholder={t('customerList.viewName')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              onPressEnter={submit}
            />
            <Button type="primary" disabled={!name.trim()} onClick={submit}>
              {t('action.save')}
            </Button>
          </Space.Compact>
        }
      >
        <Button icon={<SaveOutlined />}>{t('customerList.saveView')}</Button>
      </Popover>
      {current && (
        <Popconfirm
          title={t('customerList.deleteView', { name: current.name })}
          onConfirm={() => remove(current.name)}
        >
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('customerList.deleteView', { name: current.name })}
          />
        </Popconfirm>
      )}
    </Space>
  );
}
