import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../auth/hooks/useSession';
import { useUserOptions } from '../hooks/useUsers';

/** Narrows a page to one account manager's customers. A rep's scope is their own customers: they do not see it. */
export function OwnerFilter({ value, onChange }: { value?: number; onChange: (ownerId?: number) => void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const owners = useUserOptions(actor.role !== 'rep');
  if (actor.role === 'rep') return null;
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      aria-label={t('funnel.owner')}
      placeholder={t('funnel.owner')}
      style={{ width: 180 }}
      value={value}
      onChange={(ownerId?: number) => onChange(ownerId)}
      options={owners}
    />
  );
}
