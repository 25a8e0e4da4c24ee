import { useState } from 'react';
import { App, Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../users/hooks/useUsers';
import { useBulkAssign } from '../hooks/useCustomers';

/** Shown while rows are selected: one owner for all of them, in one request the server applies all or nothing. */
export function BulkAssignBar({ selected, onDone }: { selected: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const owners = useUserOptions(true);
  const [ownerId, setOwnerId] = useState<number>();
  const assign = useBulkAssign();

  const submit = () => {
    if (ownerId === undefined) return;
    assign.mutate(
      { ids: selected, ownerId },
      {
        onSuccess: ({ updated }) => {
          void message.success(t('customerList.assigned', { count: updated }));
          setOwnerId(undefined);
          onDone();
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };

  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('customerList.selected', { count: selected.length })}</Typography.Text>
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={t('customerList.newOwner')}
        aria-label={t('customerList.newOwner')}
        style={{ width: 180 }}
        value={ownerId}
        options={owners}
        onChange={(value: number) => setOwnerId(value)}
      />
      <Button type="primary" disabled={ownerId === undefined} loading={assign.isPending} onClick={submit}>
        {t('customerList.assign')}
      </Button>
      <Button onClick={onDone}>{t('customerList.clearSelection')}</Button>
    </Flex>
  );
}
